package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/gctune"
	"github.com/dipgraph/dipgraph/pipeline"
)

type buildOptions struct {
	io     *IO
	gl     *globals
	paths  []string
	closed bool
	json   bool
}

func newBuild(gl *globals, ios *IO) *cobra.Command {
	o := buildOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract facts from articles (files or folders) and store them",
		Long: `Extract facts from articles (files or folders) and store them.

A progress line goes to stderr when stderr is a terminal; the summary goes
to stdout (--json: as JSON). Files that cannot be read are skipped, each
named on stderr with the reason; they do not make the exit status 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runBuild(cmd.Context(), &o)
		},
	}
	cmd.Flags().BoolVar(&o.closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the summary as JSON")
	return cmd
}

func runBuild(ctx context.Context, o *buildOptions) error {
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	st, err := o.gl.store()
	if err != nil {
		return err
	}
	defer st.Close()
	var progress io.Writer
	if o.io.ErrTerminal {
		progress = o.io.Err
	}
	gctune.Build()
	sum, err := pipeline.Build(ctx, pipeline.Options{
		Paths: o.paths, Gazetteer: g, Store: st, Extract: extract.Options{Closed: o.closed}, Progress: progress,
	})
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	sum.Store = stats
	out := o.io.Out
	if o.json {
		return printJSON(out, sum)
	}
	fmt.Fprintf(out, "built %s: %d articles (%d unchanged), %d officials, %d meetings, %d facts; quads +%d -%d in %s\n",
		st.Path(), sum.Articles, sum.Unchanged, sum.Officials, sum.Meetings, sum.Facts, sum.Added, sum.Deleted, sum.Duration.Round(1e6))
	fmt.Fprintf(out, "store now holds %d quads: %d articles, %d officials, %d meetings\n",
		stats.Quads, stats.Articles, stats.Officials, stats.Meetings)
	for _, w := range sum.Warnings {
		fmt.Fprintf(o.io.Err, "warning %s\n", w)
	}
	for _, s := range sum.Skipped {
		fmt.Fprintf(o.io.Err, "skipped %s: %s\n", s.Path, s.Reason)
	}
	if len(sum.Skipped) > 0 {
		fmt.Fprintf(out, "skipped %d files:", len(sum.Skipped))
		for k, n := range sum.ByReason {
			fmt.Fprintf(out, " %s %d;", k, n)
		}
		fmt.Fprintln(out)
	}
	return nil
}
