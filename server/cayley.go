package server

// The parts of `cayley http`'s API (Cayley v0.7.7, internal/http and
// server/http) the server follows, answered as Cayley answers them:
//
//   - POST /api/v1/query/gizmo and GET|POST /api/v2/query?lang=gizmo:
//     {"result": […]} with 200; a query that does not compile or fails
//     and one that runs past the time limit answer 400 {"error": "…"}
//     (Cayley: "context deadline exceeded"), as Cayley does, so a Cayley
//     client never reads a timed-out query as "no results".
//   - the default limit is Cayley's 100 results; v1's ?limit=N asks for
//     another (v2 takes it too, where Cayley has a fixed 100).
//   - GET /api/v2/formats lists the formats in Cayley's shape.
//   - other query languages answer 400 {"error": …} (Cayley serves
//     graphql, mql and sexp as well); /api/v1/shape/gizmo answers 501
//     {"error": …}: Cayley's shape API runs the script in the server with
//     no way to stop it, which the server does not do.
//   - unknown /api/ paths answer 404 {"error": …} and known paths with
//     another method 405 {"error": …} with Allow (Cayley: the same codes
//     in plain text).
//
// What dipgraph adds to a Cayley answer is in keys Cayley does not use
// (truncated, limit, note, timed_out, killed) and X-Dipgraph-* headers.

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/graph"
)

// cayleyRoutes adds the Cayley endpoints beyond v1's Gizmo query, and JSON
// answers for the rest of /api/; readOnly answers writes.
func (srv *Server) cayleyRoutes(mux *http.ServeMux, readOnly http.HandlerFunc) {
	mux.HandleFunc("GET /api/v2/query", srv.queryV2)
	mux.HandleFunc("POST /api/v2/query", srv.queryV2)
	mux.HandleFunc("GET /api/v2/formats", srv.formatsV2)
	mux.HandleFunc("POST /api/v1/query/{lang}", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusBadRequest, unservedLanguage(r.PathValue("lang")))
	})
	mux.HandleFunc("POST /api/v1/shape/{lang}", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotImplemented, errors.New("the query shape API is not served: Cayley's runs the script in the server with no time limit; run the query on /api/v1/query/gizmo"))
	})
	for _, p := range []string{"/api/v1/write/file/nquad", "/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		mux.HandleFunc("POST "+p, readOnly)
	}
	// The page's own /api/web/ paths go to the page; the rest of /api/
	// answers in JSON (a pattern for every method would conflict with the
	// page's "GET /").
	if srv.page != nil {
		mux.Handle("GET /api/web/", srv.page)
	}
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		mux.HandleFunc(m+" /api/", apiNotFound)
	}
}

// apiMethods are the methods of the server's API paths (a trailing "/"
// matches one more segment), for 405 answers.
func apiMethods(path string) string {
	for _, e := range []struct{ path, methods string }{
		{"/api/v1/query/", "POST"}, {"/api/v1/shape/", "POST"},
		{"/api/v1/write", "POST"}, {"/api/v1/write/file/nquad", "POST"}, {"/api/v1/delete", "POST"},
		{"/api/v2/write", "POST"}, {"/api/v2/delete", "POST"}, {"/api/v2/node/delete", "POST"},
		{"/api/v1/met", "GET"}, {"/api/v1/export", "GET"}, {"/api/v2/formats", "GET"},
		{"/api/v2/query", "GET, POST"},
	} {
		if rest, ok := strings.CutPrefix(path, e.path); ok && (rest == "" && !strings.HasSuffix(e.path, "/") || strings.HasSuffix(e.path, "/") && rest != "" && !strings.Contains(rest, "/")) {
			return e.methods
		}
	}
	return ""
}

// apiNotFound answers a request no API endpoint takes: 405 for a known
// path, 404 else, in JSON.
func apiNotFound(w http.ResponseWriter, r *http.Request) {
	if m := apiMethods(r.URL.Path); m != "" {
		w.Header().Set("Allow", m)
		writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: method not allowed (allowed: %s)", r.Method, r.URL.Path, m))
		return
	}
	writeError(w, http.StatusNotFound, fmt.Errorf("%s: no such endpoint (GET / lists them)", r.URL.Path))
}

func unservedLanguage(lang string) error {
	if lang == "" {
		return errors.New("query language not specified")
	}
	return fmt.Errorf("unknown query language %q: this server answers gizmo only", lang)
}

// queryV2 answers Cayley's v2 query endpoint: ?lang=gizmo, the query as
// &qu= (GET) or as the body (POST).
func (srv *Server) queryV2(w http.ResponseWriter, r *http.Request) {
	vals := r.URL.Query()
	if lang := vals.Get("lang"); lang != "gizmo" {
		writeError(w, http.StatusBadRequest, unservedLanguage(lang))
		return
	}
	limit, capped, err := srv.limit(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	q := vals.Get("qu")
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("query: %w", err))
			return
		}
		q = string(body)
	}
	if q == "" {
		writeError(w, http.StatusBadRequest, errors.New("query is empty"))
		return
	}
	srv.answerGizmo(w, r, q, limit, capped)
}

// answerGizmo runs a Gizmo query and answers it as Cayley does: 200
// {"result": […]}, or 400 {"error": "…"} when the query fails or runs
// out of time (then with "timed_out": true). A query killed for its
// memory or stack answers 422 with the cause.
func (srv *Server) answerGizmo(w http.ResponseWriter, r *http.Request, q string, limit int, capped string) {
	res, err := srv.runGizmo(w, r, q, limit)
	if res == nil && err == nil {
		return // answered
	}
	var kerr *graph.KilledError
	if errors.As(err, &kerr) {
		w.Header().Set("X-Dipgraph-Query-Max-Rss", strconv.FormatInt(kerr.MaxRSS, 10))
	} else if res != nil && res.MaxRSS > 0 {
		w.Header().Set("X-Dipgraph-Query-Max-Rss", strconv.FormatInt(res.MaxRSS, 10))
	}
	if errors.Is(err, graph.ErrTimeout) {
		w.Header().Set("X-Dipgraph-Cut", "timeout")
		writeJSON(w, http.StatusBadRequest, map[string]any{
			"error":     fmt.Sprintf("query stopped at the server's %s time limit (context deadline exceeded); narrow the query", srv.opt.Timeout),
			"timed_out": true,
		})
		return
	}
	if kerr != nil {
		srv.warnf("gizmo query killed (%s, max RSS %d MiB): %v", kerr.Cause, kerr.MaxRSS>>20, kerr)
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": kerr.Error(), "killed": kerr.Cause})
		return
	}
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, graph.ErrInUse) {
			status = http.StatusServiceUnavailable
		}
		writeError(w, status, err)
		return
	}
	out := gizmoResponse{Result: res.Results}
	if out.Result == nil {
		out.Result = []any{}
	}
	if res.Truncated {
		out.Truncated, out.Limit = true, limit
		out.Note = fmt.Sprintf("result cut at %d; more exist", limit)
		if res.CutBytes > 0 {
			out.Limit = 0
			out.Note = fmt.Sprintf("result cut at %d bytes of JSON; more exist", res.CutBytes)
		}
		if capped != "" {
			out.Note += " (" + capped + ")"
		}
		w.Header().Set("X-Dipgraph-Cut", "limit")
	}
	writeJSON(w, http.StatusOK, out)
}

// cayleyFormat is one entry of Cayley's /api/v2/formats.
type cayleyFormat struct {
	ID     string   `json:"id"`
	Read   bool     `json:"read,omitempty"`
	Write  bool     `json:"write,omitempty"`
	Nodes  bool     `json:"nodes,omitempty"`
	Ext    []string `json:"ext,omitempty"`
	Mime   []string `json:"mime,omitempty"`
	Binary bool     `json:"binary,omitempty"`
}

// formatsV2 lists the export formats in the shape of Cayley's
// /api/v2/formats: "write" (the server writes it, on /api/v1/export),
// never "read" (the server takes no data).
func (srv *Server) formatsV2(w http.ResponseWriter, r *http.Request) {
	var out []cayleyFormat
	for _, f := range export.Formats() {
		c := cayleyFormat{ID: f, Write: true, Ext: []string{"." + formatExt(f)}, Binary: f == export.FormatPNG}
		if m := exportContentTypes[f]; m != "" {
			c.Mime = []string{strings.TrimSuffix(m, "; charset=utf-8")}
		}
		out = append(out, c)
	}
	writeJSON(w, http.StatusOK, out)
}

// formatExt is the file extension of an export format.
func formatExt(f string) string {
	switch f {
	case export.FormatNQuads:
		return "nq"
	case export.FormatEvents, export.FormatDyads, export.FormatNeo4j:
		return "csv"
	case export.FormatTurtle:
		return "ttl"
	}
	return f
}
