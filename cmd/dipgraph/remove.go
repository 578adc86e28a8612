package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

type removeOptions struct {
	io       *IO
	gl       *globals
	ids      []string // ids, URLs or file paths
	lockWait time.Duration
	verify   bool
}

func newRemove(gl *globals, ios *IO) *cobra.Command {
	o := removeOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "remove PATH|ID|URL...",
		Short: "Drop articles (by article id, URL, or the path of a file that is one article) from the store",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ids = args
			return runRemove(cmd.Context(), &o)
		},
	}
	cmd.Flags().BoolVar(&o.verify, "verify", true, "check an existing store's pages before writing (a damaged store is refused; see dipgraph check)")
	cmd.Flags().DurationVar(&o.lockWait, "lock-wait", defaultLockWait, "how long to wait for readers (a server, an export) to let go of the store; new readers wait meanwhile")
	return cmd
}

func runRemove(ctx context.Context, o *removeOptions) error {
	st, err := o.gl.store(o.lockWait, o.verify)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, a := range o.ids {
		// An id as it is ("2025/a01", "news.jsonl/3"), a URL, or a
		// file's path (its name without extension).
		var id string
		var n int
		for _, cand := range []string{a, corpus.ArticleID(a, "", 0), schema.ArticleID(a)} {
			if cand == "" {
				continue
			}
			id = cand
			if n, err = st.Remove(ctx, graph.ArticleLabel(id)); err != nil {
				return err
			}
			if n > 0 {
				break
			}
		}
		if n == 0 {
			return fmt.Errorf("no article %q in %s", id, st.Path())
		}
		fmt.Fprintf(o.io.Out, "removed %s (%d quads)\n", id, n)
	}
	return nil
}
