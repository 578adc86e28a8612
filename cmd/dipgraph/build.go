package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/internal/gctune"
	"github.com/dipgraph/dipgraph/pipeline"
)

type buildOptions struct {
	io       *IO
	gl       *globals
	paths    []string
	closed   bool
	json     bool
	fields   []string
	lockWait time.Duration
	verify   bool
}

// readOptions makes the record options of --field mappings.
func readOptions(fields []string, stdin io.Reader) (corpus.Options, error) {
	o := corpus.Options{Stdin: stdin, Fields: map[string]string{}}
	for _, f := range fields {
		k, v, err := corpus.ParseField(f)
		if err != nil {
			return o, err
		}
		o.Fields[k] = v
	}
	return o, nil
}

const fieldHelp = "FIELD=NAME: read FIELD (text, title, date, url) of JSON and CSV records from NAME, e.g. --field text=body --field date=pubdate"

func newBuild(gl *globals, ios *IO) *cobra.Command {
	o := buildOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract facts from articles (files, folders, or - for standard input) and store them",
		Long: `Extract facts from articles and store them.

PATH is a file, a folder (walked for .txt .html .htm .jsonl .ndjson .json .csv
.tsv .warc files, each also .gz or .zst), or - for standard input (format told
by its content). Each JSON or CSV record and each HTML response of a WARC
file is one article; see the README, "Building from your own corpus".`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runBuild(cmd.Context(), &o)
		},
	}
	cmd.Flags().BoolVar(&o.closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the summary as JSON")
	cmd.Flags().StringArrayVar(&o.fields, "field", nil, fieldHelp)
	cmd.Flags().BoolVar(&o.verify, "verify", true, "check an existing store before writing (a bolt file's pages, every block of a leveldb or badger store; a damaged store is refused; see dipgraph check)")
	cmd.Flags().DurationVar(&o.lockWait, "lock-wait", defaultLockWait, "how long to wait for readers (a server, an export) to let go of the store; new readers wait meanwhile")
	return cmd
}

func runBuild(ctx context.Context, o *buildOptions) error {
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	st, err := o.gl.store(o.lockWait, o.verify)
	if err != nil {
		return err
	}
	defer st.Close()
	var progress io.Writer
	if o.io.ErrTerminal {
		progress = o.io.Err
	}
	ro, err := readOptions(o.fields, o.io.In)
	if err != nil {
		return err
	}
	gctune.Build()
	sum, err := pipeline.Build(ctx, pipeline.Options{
		Paths: o.paths, Read: ro, Gazetteer: g, Store: st, Extract: extract.Options{Closed: o.closed}, Progress: progress,
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
	gaz := ""
	if sum.GazetteerAdded+sum.GazetteerDeleted > 0 {
		gaz = fmt.Sprintf(" (gazetteer +%d -%d)", sum.GazetteerAdded, sum.GazetteerDeleted)
	}
	fmt.Fprintf(out, "built %s: %d articles (%d unchanged), %d officials, %d meetings, %d facts; quads +%d -%d%s in %s\n",
		st.Path(), sum.Articles, sum.Unchanged, sum.Officials, sum.Meetings, sum.Facts, sum.Added, sum.Deleted, gaz, sum.Duration.Round(1e6))
	fmt.Fprintf(out, "store now holds %d quads: %d articles, %d officials, %d meetings\n",
		stats.Quads, stats.Articles, stats.Officials, stats.Meetings)
	for _, w := range sum.Warnings {
		fmt.Fprintf(o.io.Err, "warning %s\n", w)
	}
	for _, s := range sum.Skipped {
		fmt.Fprintf(o.io.Err, "skipped %s\n", s.Error())
	}
	for _, d := range sum.Duplicates {
		fmt.Fprintf(o.io.Err, "likely duplicate %s: article %s has the same text as %s\n", d.Path, d.Article, d.Of)
	}
	if len(sum.Skipped) > 0 {
		fmt.Fprintf(out, "skipped %d files or records:", len(sum.Skipped))
		reasons := make([]string, 0, len(sum.ByReason))
		for k := range sum.ByReason {
			reasons = append(reasons, k)
		}
		sort.Strings(reasons)
		for _, k := range reasons {
			fmt.Fprintf(out, " %s %d;", k, sum.ByReason[k])
		}
		fmt.Fprintln(out)
	}
	if len(sum.Duplicates) > 0 {
		fmt.Fprintf(out, "%d likely duplicates (same text under another URL or file), counted once by met\n", len(sum.Duplicates))
	}
	return nil
}
