package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
	"github.com/dipgraph/dipgraph/web"
)

type serveOptions struct {
	io             *IO
	gl             *globals
	addr           string
	opt            server.Options
	maxMiB, memMiB int64
	quiet          bool
}

func newServe(gl *globals, ios *IO) *cobra.Command {
	o := serveOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:64210]",
		Short: "Answer read-only HTTP queries: Cayley's Gizmo endpoint, who met whom, and the exports",
		Long: `Serve the store over HTTP, read-only, on a loopback address by default:
a web page to explore the graph (open http://127.0.0.1:64210/ in a browser:
search, /official/ID, /meeting/ID with the evidence, an overview, a Gizmo
console) and the API:

  POST /api/v1/query/gizmo    a Gizmo query as the body, as cayley http takes it; ?limit=N
  GET|POST /api/v2/query?lang=gizmo   the same, as cayley http's v2 (GET: &qu=QUERY)
  GET  /api/v2/formats        the export formats, in cayley http's shape
  GET  /api/v1/met?name=NAME  who NAME met (as dipgraph met --json); &planned=true
  GET  /api/v1/export?format=F[&view=met][&table=nodes|edges][&official=…&hops=…][&from=…][&to=…][&topic=…][&country=…]

Every request is bounded by --timeout and --limit (and exports by
--max-export-mib); a result cut by the limit says so ("truncated" and a
"note"); a query past the time limit answers 400 {"error": …, "timed_out":
true}, and a query that does not compile or fails 400 {"error": …}, as
cayley http answers them (README, "Cayley compatibility"). Each Gizmo query runs in its own process, bounded by
--query-memory, its CPU time and --timeout: a query that overflows the
stack, runs out of memory or ignores its time limit is killed and answered
422 {"error": …, "killed": "stack"|"memory"|"cpu"}; the server goes on.

Requests whose Host header is not a loopback name or address with the
server's port (on loopback; any IP address otherwise), or that a browser
sends from another site's page (an Origin not the server's own, or
Sec-Fetch-Site: cross-site), are refused with 403 and logged: no web page
can query the server, and a DNS name rebound to 127.0.0.1 cannot reach it.
--allow-host and --allow-origin let more in. An embedded store (leveldb, bolt, badger) is opened read-only for each request, so
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
	fl.DurationVar(&o.opt.Timeout, "timeout", server.DefaultServeTimeout, "longest time for one query or export (a build or remove waits for the requests in progress up to its --lock-wait, "+defaultLockWait.String()+" by default)")
	fl.IntVar(&o.opt.Limit, "limit", 1000, "most results for one query (a request may ask for fewer with ?limit=)")
	fl.Int64Var(&o.maxMiB, "max-export-mib", 64, "largest export to send, in MiB")
	fl.DurationVar(&o.opt.LockTimeout, "lock-wait", time.Second, "how long a request waits for a build to release the store")
	fl.Int64Var(&o.memMiB, "query-memory", graph.DefaultQueryMemory>>20, "most memory one Gizmo query's process may take, in MiB")
	fl.IntVar(&o.opt.Workers, "query-workers", 4, "most Gizmo queries running at once (each in its own process)")
	fl.StringArrayVar(&o.opt.AllowHosts, "allow-host", nil, `another Host the server answers to ("name" or "name:port"; "*": any; repeatable)`)
	fl.StringArrayVar(&o.opt.AllowOrigins, "allow-origin", nil, `a web origin whose pages may query the server ("http://host:port"; "*": any; repeatable)`)
	fl.BoolVar(&o.quiet, "quiet", false, "no request log on stderr (refused requests and killed queries are still logged)")
	return cmd
}

func runServe(ctx context.Context, o *serveOptions) error {
	opt := o.opt
	opt.MaxBytes = o.maxMiB << 20
	opt.QueryMemory = o.memMiB << 20
	opt.Warn = o.io.Err
	if !o.quiet {
		opt.Log = o.io.Err
	}
	srv, err := server.New(o.gl.db, opt)
	if err != nil {
		return err
	}
	defer srv.Close()
	page, err := web.New(srv)
	if err != nil {
		return err
	}
	srv.Mount(page)
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	if w := writerWaitNeeded(opt.Timeout); w > defaultLockWait {
		fmt.Fprintf(o.io.Err, "warning: --timeout %s: a request may hold the store longer than build and remove wait for it by default (--lock-wait %s); give them --lock-wait %s or more\n",
			opt.Timeout, defaultLockWait, w)
	}
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintf(o.io.Err, "warning: %s is reachable from other machines; the server has no authentication\n", ln.Addr())
	}
	fmt.Fprintf(o.io.Out, "serving %s read-only on http://%s\n", o.gl.db, ln.Addr())
	// The page reads ahead what it keeps of the store (names,
	// the overview), so its first visitor does not wait.
	go func() {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		defer cancel()
		start := time.Now()
		if err := page.Warm(ctx); err != nil {
			fmt.Fprintf(o.io.Err, "web page: reading ahead: %v (the page reads it on first use)\n", err)
		} else if !o.quiet {
			fmt.Fprintf(o.io.Err, "web page: read the store ahead in %s\n", time.Since(start).Round(time.Millisecond))
		}
	}()
	return srv.Serve(ctx, ln)
}

// writerWaitNeeded is the --lock-wait a writer needs to outlast a request
// of the server with time limit timeout: the limit, the kill of a query's
// process after it (300 ms) and room for a busy machine.
func writerWaitNeeded(timeout time.Duration) time.Duration {
	return timeout + 2*time.Second
}
