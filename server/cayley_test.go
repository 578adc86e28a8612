package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/export"
)

// TestServeCayleyEndpoints: the Cayley endpoints beyond v1's Gizmo query
// and the JSON answers for the rest of /api/ (cmd/dipgraph's
// TestServeReplaysCayleyHTTP compares them with Cayley's own server).
func TestServeCayleyEndpoints(t *testing.T) {
	srv := NewForStore(exportMem(t), Options{Timeout: 300 * time.Millisecond})
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusTeapot, map[string]string{"page": r.URL.Path})
	})
	srv.Mount(page) // the page's "GET /" must not conflict with the API's patterns
	h := srv.Handler()
	v2 := func(q string) string { return "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(q) }
	tests := []struct {
		name, method, path, body string
		status                   int
		keys                     string // the answer's keys, sorted
		allow                    string
	}{
		{"v2 GET", "GET", v2(landauMet), "", 200, "result", ""},
		{"v2 POST", "POST", "/api/v2/query?lang=gizmo", landauMet, 200, "result", ""},
		{"v2 limit", "POST", "/api/v2/query?lang=gizmo&limit=1", landauMet, 200, "limit,note,result,truncated", ""},
		{"v2 syntax error", "GET", v2("g.V("), "", 400, "error", ""},
		{"v2 timeout", "POST", "/api/v2/query?lang=gizmo", "while (true) {}", 400, "error,timed_out", ""},
		{"v1 timeout", "POST", "/api/v1/query/gizmo", "while (true) {}", 400, "error,timed_out", ""},
		{"v2 empty query", "POST", "/api/v2/query?lang=gizmo", "", 400, "error", ""},
		{"v2 no language", "GET", "/api/v2/query?qu=1", "", 400, "error", ""},
		{"v2 other language", "GET", "/api/v2/query?lang=graphql&qu=1", "", 400, "error", ""},
		{"v1 other language", "POST", "/api/v1/query/mql", "{}", 400, "error", ""},
		{"v1 shape", "POST", "/api/v1/shape/gizmo", landauMet, 501, "error", ""},
		{"v2 write", "POST", "/api/v2/write", "", 403, "error", ""},
		{"unknown API path", "GET", "/api/v3/anything", "", 404, "error", ""},
		{"unknown API path, POST", "POST", "/api/v1/met/x", "", 404, "error", ""},
		{"v1 query by GET", "GET", "/api/v1/query/gizmo", "", 405, "error", "POST"},
		{"met by POST", "POST", "/api/v1/met", "", 405, "error", "GET"},
		{"v2 query by PUT", "PUT", "/api/v2/query", "", 405, "error", "GET, POST"},
		{"the page's API", "GET", "/api/web/info", "", http.StatusTeapot, "page", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body)))
			var m map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
				t.Fatalf("%d %q: %v", rec.Code, rec.Body, err)
			}
			var keys []string
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			if rec.Code != tc.status || strings.Join(keys, ",") != tc.keys || rec.Header().Get("Allow") != tc.allow {
				t.Errorf("%d %s (Allow %q), want %d with %s (Allow %q)", rec.Code, rec.Body, rec.Header().Get("Allow"), tc.status, tc.keys, tc.allow)
			}
			if e, ok := m["error"]; ok && e == "" {
				t.Errorf("empty error: %s", rec.Body)
			}
		})
	}

	t.Run("formats", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v2/formats", nil))
		var fs []cayleyFormat
		if err := json.Unmarshal(rec.Body.Bytes(), &fs); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, f := range fs {
			ids = append(ids, f.ID)
			if !f.Write || f.Read || len(f.Ext) != 1 || len(f.Mime) != 1 || f.Binary != (f.ID == export.FormatPNG) {
				t.Errorf("format %+v", f)
			}
		}
		if !reflect.DeepEqual(ids, export.Formats()) {
			t.Errorf("formats %v, want %v", ids, export.Formats())
		}
	})
}

// TestServeAmbiguousOfficialEverywhere: a name several officials share
// answers the same 409 {"error", "candidates"} on every endpoint that
// takes a name.
func TestServeAmbiguousOfficialEverywhere(t *testing.T) {
	h := NewForStore(exportMem(t), Options{}).Handler()
	var answers []map[string]any
	for _, path := range []string{"/api/v1/met?name=Kim", "/api/v1/export?format=json&official=Kim", "/api/v1/export?format=csv&table=nodes&official=Kim&hops=2"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		var m map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil || rec.Code != http.StatusConflict {
			t.Fatalf("%s: %d %q %v", path, rec.Code, rec.Body, err)
		}
		if c, _ := m["candidates"].([]any); len(c) == 0 || m["error"] == "" {
			t.Errorf("%s: %s, want an error and the candidates", path, rec.Body)
		}
		answers = append(answers, m)
	}
	for i := range answers[1:] {
		if !reflect.DeepEqual(answers[i+1], answers[0]) {
			t.Errorf("ambiguity answers differ:\n%v\n%v", answers[0], answers[i+1])
		}
	}
}
