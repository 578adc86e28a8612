package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

type queryOptions struct {
	io      *IO
	gl      *globals
	query   string
	limit   int
	timeout time.Duration
	// gizmo runs the query; nil: on the store of --db. Tests set it.
	gizmo func(ctx context.Context, q string, limit int) (*graph.QueryResult, error)
}

func newQuery(gl *globals, ios *IO) *cobra.Command {
	o := queryOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "query 'GIZMO'",
		Short: "Run a Gizmo query; JSON out",
		Long: `Run a Gizmo query against the store and print {"result": [...]} as JSON.
When --limit cuts the results, the output says so ("truncated": true) and a
note goes to stderr; when --timeout stops the query, the results so far are
printed with "timed_out": true and the exit status is 1.`,
		Example: `  dipgraph query 'g.V("<official/christopher-landau>").Out("<met>").Unique().Out("<name>").All()'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.query = args[0]
			return runQuery(cmd.Context(), &o)
		},
	}
	cmd.Flags().IntVar(&o.limit, "limit", 1000, "most results to print (0: no limit)")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 30*time.Second, "stop the query after this long (0: no limit)")
	return cmd
}

func runQuery(ctx context.Context, o *queryOptions) error {
	gizmo := o.gizmo
	if gizmo == nil {
		st, err := o.gl.store()
		if err != nil {
			return err
		}
		defer st.CloseWithin(time.Second)
		gizmo = st.Gizmo
	}
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	res, qerr := gizmo(ctx, o.query, o.limit)
	if res == nil {
		return qerr
	}
	out := struct {
		*graph.QueryResult
		TimedOut bool   `json:"timed_out,omitempty"`
		Note     string `json:"note,omitempty"`
	}{QueryResult: res}
	if res.Truncated {
		out.Note = fmt.Sprintf("results cut at --limit %d; more exist", o.limit)
	}
	timedOut := errors.Is(qerr, graph.ErrTimeout)
	if timedOut {
		out.TimedOut = true
		out.Note = fmt.Sprintf("query stopped at --timeout %s; results are partial", o.timeout)
	}
	if err := printJSON(o.io.Out, out); err != nil {
		return err
	}
	if out.Note != "" {
		fmt.Fprintln(o.io.Err, "note:", out.Note)
	}
	if timedOut {
		return errSilent // the note said it
	}
	return qerr
}
