// Package web is dipgraph's page for exploring the graph in a browser:
// search, an official's page (roles, meetings, timeline, ego network), a
// meeting's page with its evidence, an overview with the whole met
// network, and a Gizmo console. Its assets are embedded (no CDN, works
// offline) and its JSON endpoints read the store through server.Server, so
// they share the server's read-only sessions, time limit and result limit.
//
// Routes (mounted on server.Server with Mount):
//
//	GET /, /official/ID, /meeting/ID, /overview, /gizmo   the page
//	GET /static/…                                          its assets
//	GET /api/web/info                                      limits and Gizmo examples
//	GET /api/web/search?q=…&limit=N                        officials by name, alias, surname, Vietnamese form
//	GET /api/web/official/ID                               an official's page data
//	GET /api/web/meeting/ID                                a meeting's page data with evidence
//	GET /api/web/overview?from=…&to=…&country=CC&top=N     counts and the met network
package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
)

//go:embed static
var assets embed.FS

// Page serves the web page and its API over a server.Server.
type Page struct {
	srv   *server.Server
	mux   *http.ServeMux
	index []byte

	mu    sync.Mutex
	cache map[string]*derived // by store version; at most one kept
}

// New makes the page for srv; mount it with srv.Mount(web.New(srv)).
func New(srv *server.Server) (*Page, error) {
	index, err := assets.ReadFile("static/index.html")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	p := &Page{srv: srv, mux: http.NewServeMux(), index: index, cache: map[string]*derived{}}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	p.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	for _, path := range []string{"/{$}", "/official/{id}", "/meeting/{id}", "/overview", "/gizmo"} {
		p.mux.HandleFunc("GET "+path, p.page)
	}
	p.mux.HandleFunc("GET /api/web/info", p.info)
	p.mux.HandleFunc("GET /api/web/search", p.search)
	p.mux.HandleFunc("GET /api/web/official/{id}", p.official)
	p.mux.HandleFunc("GET /api/web/meeting/{id}", p.meeting)
	p.mux.HandleFunc("GET /api/web/overview", p.overview)
	p.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no page at %s", r.URL.Path))
	})
	return p, nil
}

// ServeHTTP answers the page's requests. Every answer forbids framing and
// scripts from elsewhere.
func (p *Page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	p.mux.ServeHTTP(w, r)
}

func (p *Page) page(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	// The browser fetches the page's data while it loads the script
	// (app.js asks for the same URL and gets the preloaded answer): the
	// store's part of a load is then no longer after the script's.
	if data := dataURL(r); data != "" {
		h.Add("Link", "<"+data+">; rel=preload; as=fetch; crossorigin")
	}
	w.Write(p.index)
}

// dataURL is the data a page at r's path asks for first, as app.js
// spells it (encodeURIComponent of the id); "" for none or the overview,
// whose query app.js rewrites.
func dataURL(r *http.Request) string {
	id := r.PathValue("id")
	if id == "" {
		return ""
	}
	kind := "official"
	if strings.HasPrefix(r.URL.Path, "/meeting/") {
		kind = "meeting"
	}
	return "/api/web/" + kind + "/" + encodeURIComponent(id)
}

// encodeURIComponent escapes s as JavaScript's encodeURIComponent does:
// all but A–Z a–z 0–9 - _ . ! ~ * ' ( ) as UTF-8 %XX.
func encodeURIComponent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, err error) {
	switch {
	case errors.Is(err, errReading):
		w.Header().Set("Retry-After", "5")
		status = http.StatusServiceUnavailable
	case errors.Is(err, graph.ErrInUse):
		w.Header().Set("Retry-After", "2")
		status = http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		status = http.StatusGatewayTimeout
		err = fmt.Errorf("stopped at the server's time limit: %w", err)
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

// info tells the page the server's limits and the Gizmo examples.
func (p *Page) info(w http.ResponseWriter, r *http.Request) {
	timeout, limit := p.srv.Limits()
	writeJSON(w, http.StatusOK, map[string]any{
		"timeout": timeout.String(), "limit": limit, "gizmo": "/api/v1/query/gizmo",
		"examples": gizmoExamples,
	})
}

// gizmoExamples are the queries of docs/schema.md.
var gizmoExamples = []struct {
	Title string `json:"title"`
	Query string `json:"query"`
}{
	{"Who has Landau met?", `g.V("<official/christopher-landau>").Out("<met>").Unique().Out("<name>").All()`},
	{"Landau's meetings with date, kind and status", `g.V("<official/christopher-landau>").In("<participant>").Save("<date>", "date").Save("<kind>", "kind").Save("<status>", "status").All()`},
	{"Meetings on a topic", `g.V("<topic/alliance>").In("<discussed>").Save("<date>", "date").Save("<kind>", "kind").All()`},
	{"Roles of an official as the articles state them", `g.V("<official/park-yoon-joo>").Out("<holds>").Unique().Out("<name>").All()`},
	{"Roles of an official with the gazetteer's tenures", `g.V("<official/park-yoon-joo>").In("<subject>").Save("<object>", "role").SaveOpt("<from>", "from").SaveOpt("<to>", "to").All()`},
	{"Meetings in a date range", "var D = \"^^<http://www.w3.org/2001/XMLSchema#date>\";\ng.V(\"<official/christopher-landau>\").In(\"<participant>\")\n  .Has(\"<date>\", gte(\"\\\"2025-09-01\\\"\" + D), lte(\"\\\"2025-09-30\\\"\" + D))\n  .Save(\"<date>\", \"date\").All()"},
	{"The sentences that report a meeting", `g.V("<official/christopher-landau>").In("<participant>").Out("<reported_in>").Save("<text>", "sentence").Save("<article>", "article").All()`},
}

// boundedInt reads a positive number from the query, at most max, def
// when absent.
func boundedInt(r *http.Request, key string, def, max int) (int, error) {
	s := r.URL.Query().Get(key)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s %q: want a positive number", key, s)
	}
	return min(n, max), nil
}

func (p *Page) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	limit, err := boundedInt(r, "limit", 10, 50)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if len(q) > 200 {
		writeError(w, http.StatusBadRequest, errors.New("q: at most 200 bytes"))
		return
	}
	p.srv.WithStore(w, r, func(ctx context.Context, st *graph.Store) {
		d, err := p.derived(ctx, st, false)
		if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		hits, more := d.search(q, limit)
		writeJSON(w, http.StatusOK, map[string]any{"query": q, "results": hits, "truncated": more})
	})
}

func (p *Page) official(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	p.srv.WithStore(w, r, func(ctx context.Context, st *graph.Store) {
		// Once the store's meetings are read (Warm), the page comes from
		// them and is kept until the store changes.
		d := p.loaded()
		if d != nil {
			if out := d.officialPage(id); out != nil {
				writeJSON(w, http.StatusOK, out)
				return
			}
		}
		out, status, err := officialPage(ctx, st, id, p.limit(), d)
		if err != nil {
			writeError(w, status, err)
			return
		}
		if d != nil {
			d.keepPage(id, out)
		}
		writeJSON(w, http.StatusOK, out)
	})
}

func (p *Page) meeting(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	p.srv.WithStore(w, r, func(ctx context.Context, st *graph.Store) {
		m, err := st.Meeting(ctx, id)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		if err != nil {
			writeError(w, http.StatusInternalServerError, fmt.Errorf("meeting %s: %w", id, err))
			return
		}
		if m == nil {
			writeError(w, http.StatusNotFound, fmt.Errorf("no meeting %q", id))
			return
		}
		writeJSON(w, http.StatusOK, m)
	})
}

func (p *Page) overview(w http.ResponseWriter, r *http.Request) {
	f, err := overviewFilter(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	p.srv.WithStore(w, r, func(ctx context.Context, st *graph.Store) {
		d, err := p.derived(ctx, st, true)
		if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		writeJSON(w, http.StatusOK, d.overview(f))
	})
}

func (p *Page) limit() int {
	_, n := p.srv.Limits()
	return n
}
