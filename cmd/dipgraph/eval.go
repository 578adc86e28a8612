package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/gctune"
	"github.com/dipgraph/dipgraph/pipeline"
)

type evalOptions struct {
	io        *IO
	gl        *globals
	paths     []string
	goldPaths []string
	json      bool
	closed    bool
	brief     bool
	without   string // file of officials to take out of the gazetteer
}

func newEval(gl *globals, ios *IO) *cobra.Command {
	o := evalOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH...",
		Short: "Score extraction against gold annotations: precision, recall, F1, and every miss and false fact",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runEval(cmd.Context(), &o)
		},
	}
	cmd.Flags().StringArrayVar(&o.goldPaths, "gold", nil, "gold annotations (YAML; repeatable)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&o.closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().BoolVar(&o.brief, "brief", false, "figures only, without the list of misses and false facts")
	cmd.Flags().StringVar(&o.without, "without", "", "also evaluate with the officials named in this file (one per line) removed from the gazetteer")
	return cmd
}

func runEval(ctx context.Context, o *evalOptions) error {
	if len(o.goldPaths) == 0 {
		return fmt.Errorf("--gold FILE is required")
	}
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	gctune.Extract()
	out := o.io.Out
	eo := extract.Options{Closed: o.closed}
	if o.without == "" {
		rep, err := pipeline.Evaluate(ctx, o.goldPaths, o.paths, g, eo)
		if err != nil {
			return err
		}
		if o.json {
			return printJSON(out, rep)
		}
		rep.Write(out, !o.brief)
		return nil
	}
	// Discovery: the same evaluation with the listed officials taken out
	// of the gazetteer.
	names, err := readLines(o.without)
	if err != nil {
		return err
	}
	cmp, err := pipeline.EvaluateWithout(ctx, o.goldPaths, o.paths, g, eo, names)
	if err != nil {
		return err
	}
	if o.json {
		return printJSON(out, cmp)
	}
	cmp.Write(out, !o.brief)
	return nil
}

// readLines reads the non-empty, non-comment lines of a file.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}
