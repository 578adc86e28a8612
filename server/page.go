package server

import (
	"context"
	"net/http"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// Mount makes the server answer the web page's paths with page (package
// web): GET / for a browser (a request that asks for JSON still gets the
// list of endpoints) and every GET path the API does not claim. Call it
// before Handler or Serve.
func (srv *Server) Mount(page http.Handler) { srv.page = page }

// WithStore opens the store for one request of the page, with the
// server's time limit on the context, and calls fn; on failure it answers
// the request (503 while a build writes the store) and returns false.
func (srv *Server) WithStore(w http.ResponseWriter, r *http.Request, fn func(ctx context.Context, st *graph.Store)) bool {
	ctx, st, done, ok := srv.session(w, r)
	if !ok {
		return false
	}
	defer done()
	fn(ctx, st)
	return true
}

// Limits are the server's bounds on one request: its time limit and the
// most results a query returns.
func (srv *Server) Limits() (timeout time.Duration, results int) {
	return srv.opt.Timeout, srv.opt.Limit
}

// Version names the state of the store, so that what the page derives
// from it (the names to search, the overview) is kept until it changes:
// an embedded store's files (graph.StoreVersion); for a store held open
// (in memory, PostgreSQL), the time to the minute.
func (srv *Server) Version() string {
	if srv.shared == nil {
		if v := graph.StoreVersion(srv.dsn); v != "" {
			return v
		}
	}
	return time.Now().Truncate(time.Minute).String()
}

// ReadStore opens the store outside a request, for work the page does
// ahead (its warm-up), and calls fn; ctx bounds fn.
func (srv *Server) ReadStore(ctx context.Context, fn func(ctx context.Context, st *graph.Store) error) error {
	st, release, err := srv.acquire()
	if err != nil {
		return err
	}
	defer release()
	return fn(ctx, st)
}
