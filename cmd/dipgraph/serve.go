package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

type serveOptions struct {
	io     *IO
	gl     *globals
	addr   string
	opt    graph.ServeOptions
	maxMiB int64
	quiet  bool
}

func newServe(gl *globals, ios *IO) *cobra.Command {
	o := serveOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:64210]",
		Short: "Answer read-only HTTP queries: Cayley's Gizmo endpoint, who met whom, and the exports",
		Long: `Serve the store over HTTP, read-only, on a loopback address by default:

  POST /api/v1/query/gizmo    a Gizmo query as the body, as cayley http takes it; ?limit=N
  GET  /api/v1/met?name=NAME  who NAME met (as dipgraph met --json); &planned=true
  GET  /api/v1/export?format=F[&view=met][&table=nodes|edges][&official=…&hops=…][&from=…][&to=…][&topic=…][&country=…]

Every request is bounded by --timeout and --limit (and exports by
--max-export-mib); a result cut short says so ("truncated" or "timed_out"
and a "note"). A bolt store is opened read-only for each request, so
dipgraph build can run while the server does: a request that comes during
a build gets 503 "store is in use by another process" after --lock-wait.
See docs/exports.md.`,
		Example: `  dipgraph serve --db dipgraph.db
  curl -s -X POST --data 'g.V("<official/christopher-landau>").Out("<met>").Out("<name>").All()' http://127.0.0.1:64210/api/v1/query/gizmo`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), &o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.addr, "addr", "127.0.0.1:64210", "address to listen on (port 0: any free port)")
	fl.DurationVar(&o.opt.Timeout, "timeout", 10*time.Second, "longest time for one query or export")
	fl.IntVar(&o.opt.Limit, "limit", 1000, "most results for one query (a request may ask for fewer with ?limit=)")
	fl.Int64Var(&o.maxMiB, "max-export-mib", 64, "largest export to send, in MiB")
	fl.DurationVar(&o.opt.LockTimeout, "lock-wait", time.Second, "how long a request waits for a build to release the store")
	fl.BoolVar(&o.quiet, "quiet", false, "no request log on stderr")
	return cmd
}

func runServe(ctx context.Context, o *serveOptions) error {
	opt := o.opt
	opt.MaxBytes = o.maxMiB << 20
	if !o.quiet {
		opt.Log = o.io.Err
	}
	srv, err := graph.NewServer(o.gl.db, opt)
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintf(o.io.Err, "warning: %s is reachable from other machines; the server has no authentication\n", ln.Addr())
	}
	fmt.Fprintf(o.io.Out, "serving %s read-only on http://%s\n", o.gl.db, ln.Addr())
	return srv.Serve(ctx, ln)
}
