package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/gctune"
	"github.com/dipgraph/dipgraph/pipeline"
)

type extractOptions struct {
	io     *IO
	gl     *globals
	paths  []string
	format string
	closed bool
	fields []string
}

func newExtract(gl *globals, ios *IO) *cobra.Command {
	o := extractOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the facts of articles in the gold format (a draft gold file)",
		Long: `Print the facts of articles in the gold format (a draft gold file), as
YAML or JSON.

A file that cannot be read as an article is skipped and named on stderr
with the reason ("skipped PATH: REASON"), as build does; the output holds
the other articles, and skipped files do not change the exit status, in
either format.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runExtract(cmd.Context(), &o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "yaml", "yaml or json")
	cmd.Flags().BoolVar(&o.closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().StringArrayVar(&o.fields, "field", nil, fieldHelp)
	return cmd
}

func runExtract(ctx context.Context, o *extractOptions) error {
	if o.format != "yaml" && o.format != "json" {
		return fmt.Errorf("--format %q: want yaml or json", o.format)
	}
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	ro, err := readOptions(o.fields, o.io.In)
	if err != nil {
		return err
	}
	gctune.Extract()
	f, skipped, err := pipeline.ExtractGold(ctx, pipeline.Input{Paths: o.paths, Read: ro}, g, extract.Options{Closed: o.closed})
	if err != nil {
		return err
	}
	for _, s := range skipped {
		fmt.Fprintf(o.io.Err, "skipped %s\n", s.Error())
	}
	out := o.io.Out
	if o.format == "json" {
		return printJSON(out, f)
	}
	enc := yaml.NewEncoder(out)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return err
	}
	return enc.Close()
}
