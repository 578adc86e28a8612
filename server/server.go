// Package server is dipgraph's read-only HTTP server (dipgraph serve):
// Cayley's v1 Gizmo endpoint, who an official met, the exports, and the
// web page's routes (package web mounts itself with Mount), behind the
// Host and Origin guard (guard.go). It reads the store through graph's
// exported API only: each Gizmo query runs in graph's isolated worker
// process (graph.GizmoIsolated), met and the official resolver are
// graph's, the exports are package export's. It does not import Cayley.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// DefaultServeTimeout is how long the server lets one request run (a query,
// an export, a met list): the longest a request in progress holds the
// store, so writers (dipgraph build, remove) wait longer than that by
// default.
const DefaultServeTimeout = 10 * time.Second

// Options bound what the server does for one request.
type Options struct {
	// Timeout stops a query or an export (default DefaultServeTimeout).
	Timeout time.Duration
	// Limit is the most results a Gizmo query or a met list returns
	// (default 1000); a request may ask for fewer.
	Limit int
	// MaxBytes is the largest export the server sends (default 64 MiB).
	MaxBytes int64
	// LockTimeout is how long a request waits for a writer to release an
	// embedded store before it answers 503 (default 1s).
	LockTimeout time.Duration
	// QueryMemory bounds the memory of one Gizmo query's process, in
	// bytes (default graph.DefaultQueryMemory).
	QueryMemory int64
	// Workers is how many Gizmo queries run at once (default 4); a query
	// that finds them all busy waits, within its time limit.
	Workers int
	// AllowHosts are further Host header values the server answers to
	// ("name" or "name:port"; "*": any). By default it answers to
	// localhost and loopback addresses when it listens on loopback, and to
	// IP addresses otherwise (guard.go).
	AllowHosts []string
	// AllowOrigins are web origins ("http://host:port"; "*": any) whose
	// pages may send requests; by default only the server's own.
	AllowOrigins []string
	// Log, if set, gets one line per request.
	Log io.Writer
	// Warn, if set, gets refused requests and killed queries (even when
	// Log is not set).
	Warn io.Writer
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = DefaultServeTimeout
	}
	if o.Limit <= 0 {
		o.Limit = 1000
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 64 << 20
	}
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
	if o.QueryMemory <= 0 {
		o.QueryMemory = graph.DefaultQueryMemory
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
}

// Server answers read-only HTTP requests about a store: Cayley's v1 Gizmo
// endpoint, who an official met, and the exports.
//
// An embedded store (a leveldb or badger directory, a bolt file) is opened
// read-only for each request and closed after it,
// so `dipgraph build` can write the store while the server runs: a build
// that starts while a request is being answered waits for it up to its
// lock timeout (1s), then reports graph.ErrInUse; a request that comes while a
// build writes waits up to Options.LockTimeout, then gets 503
// "store is in use by another process". Neither hangs, and the server
// never writes.
//
// Gizmo queries on an embedded store or PostgreSQL run each in a child process
// (graph.GizmoIsolated), at most Options.Workers at once: a query that
// overflows the stack, fills memory or ignores its time limit is killed
// and answered with the cause, and the server goes on. Over an open store
// given to NewForStore (an in-memory one) they run in the server.
type Server struct {
	dsn     string
	shared  *graph.Store // an open store served as is (in-memory, PostgreSQL)
	opt     Options
	workers chan struct{}
	page    http.Handler // the web page (Mount), or nil
}

// New makes a server over the store at dsn (an embedded store or a
// postgres:// URL), after checking that it opens.
func New(dsn string, opt Options) (*Server, error) {
	opt.defaults()
	st, err := graph.OpenReadOnly(dsn, graph.Options{LockTimeout: opt.LockTimeout})
	if err != nil {
		return nil, err
	}
	if graph.IsPostgres(dsn) {
		return &Server{dsn: dsn, shared: st, opt: opt, workers: make(chan struct{}, opt.Workers)}, nil
	}
	if err := st.Close(); err != nil {
		return nil, fmt.Errorf("store %s: %w", dsn, err)
	}
	return &Server{dsn: dsn, opt: opt, workers: make(chan struct{}, opt.Workers)}, nil
}

// NewForStore makes a server over an open store, which it keeps open.
// Its Gizmo queries run in the server's process.
func NewForStore(st *graph.Store, opt Options) *Server {
	opt.defaults()
	return &Server{dsn: st.Path(), shared: st, opt: opt}
}

// isolated reports whether Gizmo queries run in child processes.
func (srv *Server) isolated() bool { return srv.workers != nil }

// Close closes a store the server holds open.
func (srv *Server) Close() error {
	if srv.shared != nil && graph.IsPostgres(srv.dsn) {
		return srv.shared.Close()
	}
	return nil
}

func (srv *Server) acquire() (*graph.Store, func(), error) {
	if srv.shared != nil {
		return srv.shared, func() {}, nil
	}
	st, err := graph.OpenReadOnly(srv.dsn, graph.Options{LockTimeout: srv.opt.LockTimeout})
	if err != nil {
		return nil, nil, err
	}
	return st, func() { st.Close() }, nil
}

// Handler routes the server's endpoints:
//
//	POST /api/v1/query/gizmo   Gizmo query in the body; ?limit=N
//	GET  /api/v1/met?name=…    who the official met; &planned=true
//	GET  /api/v1/export?format=…&view=…&official=…&hops=…&from=…&to=…&topic=…&country=…&table=…
//	GET  /                     a list of the endpoints
func (srv *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v1/query/gizmo", srv.gizmo)
	mux.HandleFunc("GET /api/v1/met", srv.met)
	mux.HandleFunc("GET /api/v1/export", srv.export)
	readOnly := func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "this server is read-only; write with dipgraph build"})
	}
	mux.HandleFunc("POST /api/v1/write", readOnly)
	mux.HandleFunc("POST /api/v1/delete", readOnly)
	srv.cayleyRoutes(mux, readOnly)
	if srv.page != nil {
		mux.Handle("GET /", srv.page)
	}
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		// A browser (it asks for text/html) gets the page; API clients
		// (curl, urllib, a notebook: */* or JSON) get the endpoint list.
		if srv.page != nil && strings.Contains(r.Header.Get("Accept"), "text/html") {
			srv.page.ServeHTTP(w, r)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{
			"store": srv.dsn, "read_only": true,
			"endpoints": []string{
				"POST /api/v1/query/gizmo (body: Gizmo query; ?limit=N)",
				"GET|POST /api/v2/query?lang=gizmo (GET: &qu=QUERY; POST: query as the body)",
				"GET /api/v2/formats",
				"GET /api/v1/met?name=NAME[&planned=true]",
				"GET /api/v1/export?format=" + strings.Join(export.Formats(), "|") + "[&view=met][&table=nodes|edges][&official=NAME&hops=N][&from=DATE][&to=DATE][&topic=ID][&country=CC]",
			},
			"limits": map[string]any{"timeout": srv.opt.Timeout.String(), "results": srv.opt.Limit, "export_bytes": srv.opt.MaxBytes},
		})
	})
	if srv.opt.Log == nil {
		return mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		mux.ServeHTTP(rec, r)
		fmt.Fprintf(srv.opt.Log, "%s %s %s %d %s\n", start.Format(time.RFC3339), r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Microsecond))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Serve answers requests on ln until ctx ends, then shuts down, letting
// requests under way finish for a few seconds.
func (srv *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           srv.guard(ln.Addr(), srv.Handler()),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      srv.opt.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil {
			return fmt.Errorf("shut down: %w", err)
		}
		return nil
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeOfficialError answers ResolveOfficial's errors: 404 for no such
// official, 409 with the candidates for a name several share, 500 else.
func writeOfficialError(w http.ResponseWriter, err error) {
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &nf):
		writeError(w, http.StatusNotFound, err)
	case errors.As(err, &amb):
		writeJSON(w, http.StatusConflict, map[string]any{"error": err.Error(), "candidates": amb.Candidates})
	default:
		writeError(w, http.StatusInternalServerError, err)
	}
}

// writeError answers an error as Cayley does: {"error": "…"}.
func writeError(w http.ResponseWriter, status int, err error) {
	if errors.Is(err, graph.ErrInUse) {
		w.Header().Set("Retry-After", "2")
		status = http.StatusServiceUnavailable
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

// gizmoResponse is Cayley's v1 query response, {"result": […]}, with a
// word when the result was cut.
type gizmoResponse struct {
	Result    []any  `json:"result"`
	Truncated bool   `json:"truncated,omitempty"`
	Limit     int    `json:"limit,omitempty"`
	Note      string `json:"note,omitempty"`
}

func (srv *Server) limit(r *http.Request) (int, string, error) {
	limit := min(100, srv.opt.Limit) // Cayley's default
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, "", fmt.Errorf("limit %q: want a number", s)
		}
		if n > 0 {
			limit = n
		}
		if n <= 0 || n > srv.opt.Limit {
			return srv.opt.Limit, fmt.Sprintf("limit capped at the server's %d", srv.opt.Limit), nil
		}
	}
	return limit, "", nil
}

func (srv *Server) gizmo(w http.ResponseWriter, r *http.Request) {
	limit, capped, err := srv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("query: %w", err))
		return
	}
	srv.answerGizmo(w, r, string(body), limit, capped)
}

// runGizmo runs a query for a request, in a child process when the server
// isolates queries. When it has answered the request itself (busy), it
// returns nil, nil.
func (srv *Server) runGizmo(w http.ResponseWriter, r *http.Request, q string, limit int) (*graph.QueryResult, error) {
	if !srv.isolated() {
		ctx, st, done, ok := srv.session(w, r)
		if !ok {
			return nil, nil
		}
		defer done()
		return st.Gizmo(ctx, q, limit)
	}
	ctx, cancel := context.WithTimeout(r.Context(), srv.opt.Timeout)
	defer cancel()
	select {
	case srv.workers <- struct{}{}:
		defer func() { <-srv.workers }()
	case <-ctx.Done():
		w.Header().Set("Retry-After", "2")
		writeError(w, http.StatusServiceUnavailable, fmt.Errorf("the server is busy: %d queries running for %s; try again", srv.opt.Workers, srv.opt.Timeout))
		return nil, nil
	}
	return graph.GizmoIsolated(ctx, srv.dsn, q, limit, graph.IsolatedOptions{
		Memory: srv.opt.QueryMemory, MaxBytes: min(srv.opt.MaxBytes, 16<<20), LockTimeout: srv.opt.LockTimeout,
	})
}

// warnf writes a line to the Warn log, or else to the request log.
func (srv *Server) warnf(format string, args ...any) {
	w := srv.opt.Warn
	if w == nil {
		w = srv.opt.Log
	}
	if w != nil {
		fmt.Fprintf(w, "%s %s\n", time.Now().Format(time.RFC3339), fmt.Sprintf(format, args...))
	}
}

// session opens the store for one request, with the server's time limit
// on the request's context; done releases both. On failure it has answered
// the request and ok is false.
func (srv *Server) session(w http.ResponseWriter, r *http.Request) (ctx context.Context, st *graph.Store, done func(), ok bool) {
	ctx, cancel := context.WithTimeout(r.Context(), srv.opt.Timeout)
	st, release, err := srv.acquire()
	if err != nil {
		cancel()
		writeError(w, http.StatusInternalServerError, err)
		return nil, nil, nil, false
	}
	return ctx, st, func() { release(); cancel() }, true
}

func (srv *Server) met(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name := strings.TrimSpace(q.Get("name"))
	if name == "" {
		writeError(w, http.StatusBadRequest, errors.New("give ?name=NAME (a name, alias or surname)"))
		return
	}
	planned, _ := strconv.ParseBool(q.Get("planned"))
	limit, _, err := srv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	ctx, st, done, ok := srv.session(w, r)
	if !ok {
		return
	}
	defer done()
	off, err := st.ResolveOfficial(ctx, name)
	if err != nil {
		writeOfficialError(w, err)
		return
	}
	rows, err := st.Met(ctx, off.ID, planned)
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("met %s: %w", name, graph.ErrTimeout)
	}
	if err != nil {
		writeError(w, http.StatusGatewayTimeout, err)
		return
	}
	if rows == nil {
		rows = []graph.MetRow{}
	}
	out := struct {
		Official  graph.Official `json:"official"`
		Met       []graph.MetRow `json:"met"`
		Truncated bool           `json:"truncated,omitempty"`
		Note      string         `json:"note,omitempty"`
	}{Official: off, Met: rows}
	if len(rows) > limit {
		out.Met, out.Truncated = rows[:limit], true
		out.Note = fmt.Sprintf("%d rows cut at %d", len(rows), limit)
		w.Header().Set("X-Dipgraph-Cut", "limit")
	}
	writeJSON(w, http.StatusOK, out)
}

// exportContentTypes are the media types of the export formats.
var exportContentTypes = map[string]string{
	export.FormatDOT: "text/vnd.graphviz; charset=utf-8", export.FormatSVG: "image/svg+xml", export.FormatPNG: "image/png",
	export.FormatNQuads: "application/n-quads; charset=utf-8", export.FormatJSON: "application/json; charset=utf-8",
	export.FormatGraphML: "application/graphml+xml; charset=utf-8", export.FormatCSV: "text/csv; charset=utf-8",
	export.FormatEvents: "text/csv; charset=utf-8", export.FormatDyads: "text/csv; charset=utf-8", export.FormatNeo4j: "text/csv; charset=utf-8",
	export.FormatTriG: "application/trig; charset=utf-8", export.FormatTurtle: "text/turtle; charset=utf-8", export.FormatGEXF: "application/gexf+xml; charset=utf-8",
}

// errTooLarge is returned by a cappedBuffer that is full.
var errTooLarge = errors.New("export too large")

type cappedBuffer struct {
	bytes.Buffer
	max int64
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if int64(b.Len()+len(p)) > b.max {
		return 0, errTooLarge
	}
	return b.Buffer.Write(p)
}

// ExportOptionsFromQuery reads export options from URL query values
// (format, view, table, official, hops, from, to, topic, country, base).
func ExportOptionsFromQuery(q map[string][]string) (export.Options, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	opt := export.Options{Format: get("format"), View: get("view"), Table: get("table"), Base: get("base")}
	if opt.Format == "" {
		return opt, fmt.Errorf("give ?format= (%s)", strings.Join(export.Formats(), ", "))
	}
	f := &opt.Filter
	f.Official, f.Topic, f.Country = get("official"), get("topic"), get("country")
	f.Hops = 1
	if h := get("hops"); h != "" {
		n, err := strconv.Atoi(h)
		if err != nil {
			return opt, fmt.Errorf("hops %q: want a number", h)
		}
		f.Hops = n
	}
	for _, d := range []struct {
		key string
		to  *schema.Date
	}{{"from", &f.From}, {"to", &f.To}} {
		if s := get(d.key); s != "" {
			v, err := schema.ParseDate(s)
			if err != nil {
				return opt, fmt.Errorf("%s: %w", d.key, err)
			}
			*d.to = v
		}
	}
	if opt.Format == export.FormatCSV && opt.Table == "" {
		opt.Table = "edges"
	}
	return opt, opt.Check()
}

func (srv *Server) export(w http.ResponseWriter, r *http.Request) {
	opt, err := ExportOptionsFromQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	ctx, st, done, ok := srv.session(w, r)
	if !ok {
		return
	}
	defer done()
	buf := &cappedBuffer{max: srv.opt.MaxBytes}
	err = export.Write(ctx, buf, st, opt)
	switch {
	case err == nil:
	case errors.Is(err, errTooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("the export is larger than the server's limit of %d bytes; narrow it with official, from, to, topic or country", srv.opt.MaxBytes))
		return
	case ctx.Err() != nil:
		writeError(w, http.StatusGatewayTimeout, fmt.Errorf("export stopped at the server's %s time limit; narrow it with filters", srv.opt.Timeout))
		return
	case errors.Is(err, export.ErrNoGraphviz):
		writeError(w, http.StatusNotImplemented, err)
		return
	case isOfficialError(err):
		writeOfficialError(w, err)
		return
	default:
		writeError(w, http.StatusBadRequest, err)
		return
	}
	w.Header().Set("Content-Type", exportContentTypes[opt.Format])
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
}

// isOfficialError tells whether err is one of ResolveOfficial's answers.
func isOfficialError(err error) bool {
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError
	return errors.As(err, &nf) || errors.As(err, &amb)
}
