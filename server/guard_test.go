package server

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeRefusesForeignHostAndOrigin: a request with a Host that does
// not name the loopback server (DNS rebinding) or sent by a page of
// another origin gets 403 and a line in the log; the server's own origin,
// loopback names and allowed ones pass.
func TestServeRefusesForeignHostAndOrigin(t *testing.T) {
	st, err := graph.Open(graph.Memory, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	warn := &syncBuffer{}
	base := testServer(t, NewForStore(st, Options{Warn: warn}))
	u, _ := url.Parse(base)
	port := u.Port()
	allowing := &syncBuffer{}
	baseAllow := testServer(t, NewForStore(st, Options{Warn: allowing,
		AllowHosts: []string{"graph.example"}, AllowOrigins: []string{"http://notebook.example:8888"}}))
	tests := []struct {
		name         string
		base         string
		host, origin string
		fetchSite    string
		want         int
	}{
		{"plain", base, "", "", "", 200},
		{"localhost", base, "localhost:" + port, "", "", 200},
		{"LOCALHOST", base, "LOCALHOST:" + port, "", "", 200},
		{"other loopback address", base, "127.1.2.3:" + port, "", "", 200},
		{"ipv6 loopback", base, "[::1]:" + port, "", "", 200},
		{"same origin", base, "", base, "same-origin", 200},
		{"typed in the address bar", base, "", "", "none", 200},
		{"rebound name", base, "attacker.example:" + port, "", "", 403},
		{"rebound name, no port", base, "attacker.example", "", "", 403},
		{"localhost, other port", base, "localhost:1", "", "", 403},
		{"foreign address", base, "192.0.2.1:" + port, "", "", 403},
		{"localhost name as a subdomain", base, "localhost.attacker.example:" + port, "", "", 403},
		{"cross-origin page", base, "", "http://attacker.example", "cross-site", 403},
		{"other port on localhost", base, "", "http://localhost:8080", "same-site", 403},
		{"null origin", base, "", "null", "cross-site", 403},
		{"https origin of the same host", base, "", strings.Replace(base, "http:", "https:", 1), "", 403},
		{"cross-site without Origin", base, "", "", "cross-site", 403},
		{"allowed host", baseAllow, "graph.example:" + strings.TrimPrefix(baseAllow[strings.LastIndex(baseAllow, ":"):], ":"), "", "", 200},
		{"allowed origin", baseAllow, "", "http://notebook.example:8888", "cross-site", 200},
		{"other origin on the allowing server", baseAllow, "", "http://attacker.example", "cross-site", 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, req := range []*http.Request{
				mustRequest(t, "POST", tc.base+"/api/v1/query/gizmo", `g.V().All()`),
				mustRequest(t, "GET", tc.base+"/api/v1/met?name=x", ""),
			} {
				if tc.host != "" {
					req.Host = tc.host
				}
				if tc.origin != "" {
					req.Header.Set("Origin", tc.origin)
				}
				if tc.fetchSite != "" {
					req.Header.Set("Sec-Fetch-Site", tc.fetchSite)
				}
				req.Header.Set("Content-Type", "text/plain")
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				refused := resp.StatusCode == http.StatusForbidden
				if refused != (tc.want == 403) {
					t.Errorf("%s %s: %d %s, want refused=%v", req.Method, req.URL.Path, resp.StatusCode, body, tc.want == 403)
				}
			}
		})
	}
	if !strings.Contains(warn.String(), `refused POST /api/v1/query/gizmo from 127.0.0.1:`) ||
		!strings.Contains(warn.String(), `Host "attacker.example:`+port+`" is not a loopback name`) ||
		!strings.Contains(warn.String(), `cross-origin request from "http://attacker.example"`) {
		t.Errorf("refusals not logged:\n%s", warn.String())
	}
}

func mustRequest(t *testing.T, method, u, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// TestHostRefusedOffLoopback: a server on another address answers to IP
// addresses with its port and to allowed names only.
func TestHostRefusedOffLoopback(t *testing.T) {
	srv := &Server{opt: Options{AllowHosts: []string{"graph.lan"}}}
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"192.0.2.7:8000", true}, {"[2001:db8::1]:8000", true}, {"graph.lan:8000", true}, {"GRAPH.LAN:8000", true},
		{"localhost:8000", false}, {"attacker.example:8000", false}, {"192.0.2.7:80", false}, {"192.0.2.7", false}, {"", false},
	} {
		why := srv.hostRefused(tc.host, "8000", false)
		if (why == "") != tc.ok {
			t.Errorf("Host %q: refused %q, want ok=%v", tc.host, why, tc.ok)
		}
	}
}
