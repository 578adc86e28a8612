package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/web"
)

func newServe(gl *globals) *cobra.Command {
	var addr string
	var opt graph.ServeOptions
	var maxMiB, memMiB int64
	var quiet bool
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:64210]",
		Short: "Answer read-only HTTP queries: Cayley's Gizmo endpoint, who met whom, and the exports",
		Long: `Serve the store over HTTP, read-only, on a loopback address by default:
a web page to explore the graph (open http://127.0.0.1:64210/ in a browser:
search, /official/ID, /meeting/ID with the evidence, an overview, a Gizmo
console) and the API:

  POST /api/v1/query/gizmo    a Gizmo query as the body, as cayley http takes it; ?limit=N
  GET  /api/v1/met?name=NAME  who NAME met (as dipgraph met --json); &planned=true
  GET  /api/v1/export?format=F[&view=met][&table=nodes|edges][&official=…&hops=…][&from=…][&to=…][&topic=…][&country=…]

Every request is bounded by --timeout and --limit (and exports by
--max-export-mib); a result cut short says so ("truncated" or "timed_out"
and a "note"). Each Gizmo query runs in its own process, bounded by
--query-memory, its CPU time and --timeout: a query that overflows the
stack, runs out of memory or ignores its time limit is killed and answered
422 {"error": …, "killed": "stack"|"memory"|"cpu"}; the server goes on.

Requests whose Host header is not a loopback name or address with the
server's port (on loopback; any IP address otherwise), or that a browser
sends from another site's page (an Origin not the server's own, or
Sec-Fetch-Site: cross-site), are refused with 403 and logged: no web page
can query the server, and a DNS name rebound to 127.0.0.1 cannot reach it.
--allow-host and --allow-origin let more in. A bolt store is opened read-only for each request, so
dipgraph build can run while the server does: a request that comes during
a build gets 503 "store is in use by another process" after --lock-wait.
See docs/exports.md.`,
		Example: `  dipgraph serve --db dipgraph.db
  curl -s -X POST --data 'g.V("<official/christopher-landau>").Out("<met>").Out("<name>").All()' http://127.0.0.1:64210/api/v1/query/gizmo`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.MaxBytes = maxMiB << 20
			opt.QueryMemory = memMiB << 20
			opt.Warn = cmd.ErrOrStderr()
			if !quiet {
				opt.Log = cmd.ErrOrStderr()
			}
			srv, err := graph.NewServer(gl.db, opt)
			if err != nil {
				return err
			}
			defer srv.Close()
			page, err := web.New(srv)
			if err != nil {
				return err
			}
			srv.Mount(page)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: %s is reachable from other machines; the server has no authentication\n", ln.Addr())
			}
			fmt.Fprintf(cmd.OutOrStdout(), "serving %s read-only on http://%s\n", gl.db, ln.Addr())
			// The page reads ahead what it keeps of the store (names,
			// the overview), so its first visitor does not wait.
			go func() {
				ctx, cancel := context.WithTimeout(cmd.Context(), 5*time.Minute)
				defer cancel()
				start := time.Now()
				if err := page.Warm(ctx); err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "web page: reading ahead: %v (the page reads it on first use)\n", err)
				} else if !quiet {
					fmt.Fprintf(cmd.ErrOrStderr(), "web page: read the store ahead in %s\n", time.Since(start).Round(time.Millisecond))
				}
			}()
			return srv.Serve(cmd.Context(), ln)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:64210", "address to listen on (port 0: any free port)")
	fl.DurationVar(&opt.Timeout, "timeout", 10*time.Second, "longest time for one query or export")
	fl.IntVar(&opt.Limit, "limit", 1000, "most results for one query (a request may ask for fewer with ?limit=)")
	fl.Int64Var(&maxMiB, "max-export-mib", 64, "largest export to send, in MiB")
	fl.DurationVar(&opt.LockTimeout, "lock-wait", time.Second, "how long a request waits for a build to release the store")
	fl.Int64Var(&memMiB, "query-memory", graph.DefaultQueryMemory>>20, "most memory one Gizmo query's process may take, in MiB")
	fl.IntVar(&opt.Workers, "query-workers", 4, "most Gizmo queries running at once (each in its own process)")
	fl.StringArrayVar(&opt.AllowHosts, "allow-host", nil, `another Host the server answers to ("name" or "name:port"; "*": any; repeatable)`)
	fl.StringArrayVar(&opt.AllowOrigins, "allow-origin", nil, `a web origin whose pages may query the server ("http://host:port"; "*": any; repeatable)`)
	fl.BoolVar(&quiet, "quiet", false, "no request log on stderr (refused requests and killed queries are still logged)")
	return cmd
}
