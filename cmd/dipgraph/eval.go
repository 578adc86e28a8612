package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/pipeline"
)

func newEval(gl *globals) *cobra.Command {
	var goldPaths []string
	var asJSON, closed, brief bool
	var without string
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH...",
		Short: "Score extraction against gold annotations: precision, recall, F1, and every miss and false fact",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(goldPaths) == 0 {
				return fmt.Errorf("--gold FILE is required")
			}
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			pipeline.ExtractGC()
			rep, err := pipeline.Evaluate(cmd.Context(), goldPaths, args, g, extract.Options{Closed: closed})
			if err != nil {
				return err
			}
			if without == "" {
				if asJSON {
					enc := json.NewEncoder(cmd.OutOrStdout())
					enc.SetIndent("", "  ")
					return enc.Encode(rep)
				}
				rep.Write(cmd.OutOrStdout(), !brief)
				return nil
			}
			// Discovery: the same evaluation with the listed officials
			// taken out of the gazetteer.
			names, err := readLines(without)
			if err != nil {
				return err
			}
			g2, removed, err := pipeline.WithoutOfficials(g, names)
			if err != nil {
				return err
			}
			rep2, err := pipeline.Evaluate(cmd.Context(), goldPaths, args, g2, extract.Options{Closed: closed})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"full": rep, "without": rep2, "removed": removed})
			}
			fmt.Fprintf(out, "== with the full gazetteer\n")
			rep.Write(out, false)
			fmt.Fprintf(out, "\n== without %d officials (%s)\n", len(removed), strings.Join(removed, ", "))
			rep2.Write(out, !brief)
			f1, f2 := rep.Figure("meetings").F1, rep2.Figure("meetings").F1
			fmt.Fprintf(out, "\nmeetings F1: %.3f with, %.3f without (difference %.3f)\n", f1, f2, f1-f2)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&goldPaths, "gold", nil, "gold annotations (YAML; repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().BoolVar(&brief, "brief", false, "figures only, without the list of misses and false facts")
	cmd.Flags().StringVar(&without, "without", "", "also evaluate with the officials named in this file (one per line) removed from the gazetteer")
	return cmd
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
