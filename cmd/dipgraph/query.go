package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

func newQuery(gl *globals) *cobra.Command {
	var limit int
	var timeout time.Duration
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
			st, err := gl.store()
			if err != nil {
				return err
			}
			defer st.CloseWithin(time.Second)
			ctx := cmd.Context()
			if timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, timeout)
				defer cancel()
			}
			res, qerr := st.Gizmo(ctx, args[0], limit)
			if res == nil {
				return qerr
			}
			out := struct {
				*graph.QueryResult
				TimedOut bool   `json:"timed_out,omitempty"`
				Note     string `json:"note,omitempty"`
			}{QueryResult: res}
			if res.Truncated {
				out.Note = fmt.Sprintf("results cut at --limit %d; more exist", limit)
			}
			if qerr == graph.ErrTimeout {
				out.TimedOut = true
				out.Note = fmt.Sprintf("query stopped at --timeout %s; results are partial", timeout)
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			if err := enc.Encode(out); err != nil {
				return err
			}
			if out.Note != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "note:", out.Note)
			}
			return qerr
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 1000, "most results to print (0: no limit)")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "stop the query after this long (0: no limit)")
	return cmd
}
