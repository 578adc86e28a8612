package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

type removeOptions struct {
	io  *IO
	gl  *globals
	ids []string // file paths or article ids
}

func newRemove(gl *globals, ios *IO) *cobra.Command {
	o := removeOptions{io: ios, gl: gl}
	return &cobra.Command{
		Use:   "remove PATH|ID...",
		Short: "Drop articles (by file path or article id) from the store",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ids = args
			return runRemove(cmd.Context(), &o)
		},
	}
}

func runRemove(ctx context.Context, o *removeOptions) error {
	st, err := o.gl.store()
	if err != nil {
		return err
	}
	defer st.Close()
	for _, a := range o.ids {
		id := schema.ArticleID(a)
		n, err := st.Remove(ctx, graph.ArticleLabel(id))
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("no article %q in %s", id, st.Path())
		}
		fmt.Fprintf(o.io.Out, "removed %s (%d quads)\n", id, n)
	}
	return nil
}
