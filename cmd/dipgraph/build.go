package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/pipeline"
)

type buildOptions struct {
	closed   bool
	json     bool
	lockWait time.Duration
	verify   bool
}

func newBuild(gl *globals) *cobra.Command {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract facts from articles (files or folders) and store them",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			st, err := gl.store(o.lockWait, o.verify)
			if err != nil {
				return err
			}
			defer st.Close()
			var progress io.Writer
			if isTerminal(os.Stderr) {
				progress = os.Stderr
			}
			pipeline.BuildGC()
			sum, err := pipeline.Build(cmd.Context(), pipeline.Options{
				Paths: args, Gazetteer: g, Store: st, Extract: extract.Options{Closed: o.closed}, Progress: progress,
			})
			if err != nil {
				return err
			}
			stats, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			sum.Store = stats
			out := cmd.OutOrStdout()
			if o.json {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(sum)
			}
			gaz := ""
			if sum.GazetteerAdded+sum.GazetteerDeleted > 0 {
				gaz = fmt.Sprintf(" (gazetteer +%d -%d)", sum.GazetteerAdded, sum.GazetteerDeleted)
			}
			fmt.Fprintf(out, "built %s: %d articles (%d unchanged), %d officials, %d meetings, %d facts; quads +%d -%d%s in %s\n",
				st.Path(), sum.Articles, sum.Unchanged, sum.Officials, sum.Meetings, sum.Facts, sum.Added, sum.Deleted, gaz, sum.Duration.Round(1e6))
			fmt.Fprintf(out, "store now holds %d quads: %d articles, %d officials, %d meetings\n",
				stats.Quads, stats.Articles, stats.Officials, stats.Meetings)
			for _, w := range sum.Warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning %s\n", w)
			}
			for _, s := range sum.Skipped {
				fmt.Fprintf(cmd.ErrOrStderr(), "skipped %s: %s\n", s.Path, s.Reason)
			}
			if len(sum.Skipped) > 0 {
				fmt.Fprintf(out, "skipped %d files:", len(sum.Skipped))
				for k, n := range sum.ByReason {
					fmt.Fprintf(out, " %s %d;", k, n)
				}
				fmt.Fprintln(out)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&o.closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the summary as JSON")
	cmd.Flags().BoolVar(&o.verify, "verify", true, "check an existing store's pages before writing (a damaged store is refused; see dipgraph check)")
	cmd.Flags().DurationVar(&o.lockWait, "lock-wait", defaultLockWait, "how long to wait for readers (a server, an export) to let go of the store; new readers wait meanwhile")
	return cmd
}
