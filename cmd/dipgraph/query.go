package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	memMiB  int64
	// gizmo runs the query; nil: on the store of --db (in a child
	// process for an embedded store). Tests set it.
	gizmo func(ctx context.Context, q string, limit int) (*graph.QueryResult, error)
}

func newQuery(gl *globals, ios *IO) *cobra.Command {
	o := queryOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "query 'GIZMO'|-",
		Short: "Run a Gizmo query; JSON out",
		Long: `Run a Gizmo query against the store and print {"result": [...]} as JSON
(a query of "-" is read from the standard input, up to 1 MiB).
When --limit cuts the results, the output says so ("truncated": true) and a
note goes to stderr; when --timeout stops the query, the results so far are
printed with "timed_out": true and the exit status is 1.

The query runs in a child process bounded by --query-memory and by its
CPU time; a query that overflows the stack (a recursion without end, a
cyclic array turned into a string), runs out of memory or has to be killed
at --timeout ends with a message naming the cause and exit status 1.`,
		Example: `  dipgraph query 'g.V("<official/christopher-landau>").Out("<met>").Unique().Out("<name>").All()'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.query = args[0]
			return runQuery(cmd.Context(), &o)
		},
	}
	cmd.Flags().IntVar(&o.limit, "limit", 1000, "most results to print (0: no limit)")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 30*time.Second, "stop the query after this long (0: no limit)")
	cmd.Flags().Int64Var(&o.memMiB, "query-memory", graph.DefaultQueryMemory>>20, "most memory the query may take, in MiB")
	return cmd
}

func runQuery(ctx context.Context, o *queryOptions) error {
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.timeout)
		defer cancel()
	}
	q := o.query
	if q == "-" {
		b, err := io.ReadAll(io.LimitReader(o.io.In, 1<<20+1))
		if err != nil {
			return fmt.Errorf("read the query: %w", err)
		}
		if len(b) > 1<<20 {
			return fmt.Errorf("the query on stdin is over 1 MiB")
		}
		q = string(b)
	}
	gizmo := o.gizmo
	switch {
	case gizmo != nil:
	case o.gl.db == graph.Memory:
		st, err := o.gl.readStore(time.Second)
		if err != nil {
			return err
		}
		defer st.CloseWithin(time.Second)
		gizmo = st.Gizmo
	default:
		gizmo = func(ctx context.Context, q string, limit int) (*graph.QueryResult, error) {
			return graph.GizmoIsolated(ctx, o.gl.db, q, limit, graph.IsolatedOptions{Memory: o.memMiB << 20, MaxBytes: 64 << 20})
		}
	}
	res, qerr := gizmo(ctx, q, o.limit)
	if res == nil {
		res = &graph.QueryResult{Results: []any{}}
	}
	out := struct {
		*graph.QueryResult
		TimedOut bool   `json:"timed_out,omitempty"`
		Note     string `json:"note,omitempty"`
		Error    string `json:"error,omitempty"`
	}{QueryResult: res}
	if qerr != nil && !errors.Is(qerr, graph.ErrTimeout) {
		out.Error = qerr.Error() // in the JSON too, so a script reading it sees the failure
	}
	if res.Truncated {
		out.Note = fmt.Sprintf("results cut at --limit %d; more exist", o.limit)
		if res.CutBytes > 0 {
			out.Note = fmt.Sprintf("results cut at %d MiB of JSON; more exist", res.CutBytes>>20)
		}
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
