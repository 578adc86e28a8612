package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/pipeline"
	"github.com/dipgraph/dipgraph/server"
)

// exampleStore builds a bolt store from examples/articles once per test
// binary and returns its path.
var exampleStore = sync.OnceValues(func() (string, error) {
	dir := exampleDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "examples.db")
	g, err := gazetteer.Default()
	if err != nil {
		return "", err
	}
	st, err := graph.Open(path, graph.Options{})
	if err != nil {
		return "", err
	}
	if _, err := pipeline.Build(context.Background(), pipeline.Options{
		Paths: []string{"../examples/articles"}, Gazetteer: g, Store: st,
	}); err != nil {
		st.Close()
		return "", err
	}
	return path, st.Close()
})

// exampleDir is where this test process builds its store.
func exampleDir() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("dipgraph-web-test-%d", os.Getpid()))
}

func TestMain(m *testing.M) {
	graph.RunWorkerIfAsked() // the test binary runs the server's Gizmo queries too
	code := m.Run()
	os.RemoveAll(exampleDir())
	os.Exit(code)
}

// serve starts `dipgraph serve` with the page over the store at path, on
// a free loopback port, until the test ends.
func serve(t testing.TB, path string) (string, *Page) {
	t.Helper()
	srv, err := server.New(path, server.Options{Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	page, err := New(srv)
	if err != nil {
		t.Fatal(err)
	}
	srv.Mount(page)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		srv.Close()
	})
	return "http://" + ln.Addr().String(), page
}

func exampleServer(t testing.TB) string {
	t.Helper()
	path, err := exampleStore()
	if err != nil {
		t.Fatalf("build the example store: %v", err)
	}
	base, _ := serve(t, path)
	return base
}

func get(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if v != nil && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %q", url, err, body)
		}
	}
	return resp.StatusCode
}

func TestSearchAPI(t *testing.T) {
	base := exampleServer(t)
	for _, tc := range []struct {
		q, want, via string
	}{
		{"Landau", "christopher-landau", "alias"},        // surname (an alias here)
		{"landau", "christopher-landau", "alias"},        // case
		{"Vương Nghị", "wang-yi", "alias"},               // Vietnamese form
		{"vuong nghi", "wang-yi", "alias"},               // without diacritics
		{"dang hoang giang", "dang-hoang-giang", "name"}, // a Vietnamese name typed plain
		{"Yoon-joo", "park-yoon-joo", "surname"},         // part of a name
		{"Park Yoon", "park-yoon-joo", "name"},           // as one types
		{"조현", "cho-hyun", "alias"},                      // Korean script
	} {
		var res struct {
			Results []Hit `json:"results"`
		}
		if code := get(t, base+"/api/web/search?q="+urlQuery(tc.q), &res); code != 200 {
			t.Fatalf("search %q: status %d", tc.q, code)
		}
		found := false
		for _, h := range res.Results {
			if h.ID == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("search %q: %s not among %+v", tc.q, tc.want, res.Results)
		}
	}
	var res struct {
		Results   []Hit `json:"results"`
		Truncated bool  `json:"truncated"`
	}
	get(t, base+"/api/web/search?q=a&limit=3", &res)
	if len(res.Results) != 3 || !res.Truncated {
		t.Errorf("search a, limit 3: %d results, truncated %v; want 3, true", len(res.Results), res.Truncated)
	}
	if code := get(t, base+"/api/web/search?q=a&limit=x", nil); code != 400 {
		t.Errorf("limit=x: status %d, want 400", code)
	}
}

func urlQuery(s string) string {
	r := strings.NewReplacer(" ", "%20")
	return r.Replace(s)
}

func TestOfficialAndMeetingAPI(t *testing.T) {
	path, err := exampleStore()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := serve(t, path)
	var page OfficialPage
	if code := get(t, base+"/api/web/official/christopher-landau", &page); code != 200 {
		t.Fatalf("status %d", code)
	}
	if page.Profile.Name != "Christopher Landau" || page.Profile.Country != "US" || len(page.Profile.Tenures) == 0 {
		t.Errorf("profile: %+v", page.Profile)
	}
	st, err := graph.OpenReadOnly(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := st.Met(context.Background(), "christopher-landau", true)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Meetings) != len(want) {
		t.Fatalf("%d meeting rows, met --planned gives %d", len(page.Meetings), len(want))
	}
	counterparts := map[string]bool{}
	for i, r := range page.Meetings {
		if r.Meeting != want[i].Meeting || r.Counterpart.ID != want[i].Counterpart.ID || r.Date != want[i].Date {
			t.Errorf("row %d: %+v, want %+v", i, r.MetRow, want[i])
		}
		if r.Status == "held" {
			counterparts[r.Counterpart.ID] = true
		}
	}
	if len(page.Network.Nodes) != len(counterparts)+1 {
		t.Errorf("ego network: %d nodes, want %d", len(page.Network.Nodes), len(counterparts)+1)
	}

	var m graph.MeetingDetail
	if code := get(t, base+"/api/web/meeting/"+want[0].Meeting, &m); code != 200 {
		t.Fatalf("meeting: status %d", code)
	}
	marked := false
	for _, ev := range m.Evidence {
		for _, s := range ev.Sentences {
			for _, n := range s.Names {
				if n.Official == "christopher-landau" && strings.Contains(s.Text[n.Start:n.End], "Landau") {
					marked = true
				}
			}
		}
	}
	if !marked {
		t.Errorf("meeting %s: Landau's name not found in its evidence: %+v", m.ID, m.Evidence)
	}
	for _, u := range []string{"/api/web/official/nobody-at-all", "/api/web/meeting/0000"} {
		if code := get(t, base+u, nil); code != 404 {
			t.Errorf("GET %s: status %d, want 404", u, code)
		}
	}
	var o Overview
	if code := get(t, base+"/api/web/overview?from=2025-09&to=2025-12", &o); code != 200 {
		t.Fatalf("overview: status %d", code)
	}
	if o.Stats.Articles != 8 || o.Held == 0 || len(o.Network.Nodes) == 0 {
		t.Errorf("overview: %+v", o)
	}
	for _, y := range o.ByYear {
		if y.Key != "2025" {
			t.Errorf("overview from 2025-09 to 2025-12 counts year %s", y.Key)
		}
	}
	if code := get(t, base+"/api/web/overview?from=soon", nil); code != 400 {
		t.Errorf("overview from=soon: status %d, want 400", code)
	}
}

func TestFindNames(t *testing.T) {
	offs := []graph.NameEntry{
		{Official: graph.Official{ID: "le-hoai-trung"}, Keys: []string{"lehoaitrung", "trung"}},
		{Official: graph.Official{ID: "christopher-landau"}, Keys: []string{"christopherlandau", "landau"}},
		{Official: graph.Official{ID: "park-yoon-joo"}, Keys: []string{"parkyoonjoo", "park"}},
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Bộ trưởng Lê Hoài Trung tiếp ông Christopher Landau.", []string{"Lê Hoài Trung", "Christopher Landau"}},
		{"Ông Landau nói với Trung Quốc.", []string{"Landau"}}, // "Trung" of "Trung Quốc" is not a surname
		{"bà Park Yoon-joo và ông Trung", []string{"Park Yoon-joo", "Trung"}},
		{"LÊ HOÀI TRUNG", []string{"LÊ HOÀI TRUNG"}},
		{"không ai cả", nil},
	} {
		var got []string
		for _, n := range graph.FindNames(tc.text, offs) {
			got = append(got, tc.text[n.Start:n.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("FindNames(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPageRoutes(t *testing.T) {
	base := exampleServer(t)
	for _, tc := range []struct {
		path, accept string
		status       int
		ctype        string
		link         string // the data the page preloads
	}{
		{"/", "text/html", 200, "text/html", ""},
		{"/official/christopher-landau", "", 200, "text/html", "</api/web/official/christopher-landau>; rel=preload; as=fetch; crossorigin"},
		{"/official/a%20b%2F%C3%A7", "", 200, "text/html", "</api/web/official/a%20b%2F%C3%A7>; rel=preload; as=fetch; crossorigin"},
		{"/meeting/abc", "", 200, "text/html", "</api/web/meeting/abc>; rel=preload; as=fetch; crossorigin"},
		{"/gizmo", "", 200, "text/html", ""},
		{"/static/app.js", "", 200, "text/javascript", ""},
		{"/static/style.css", "", 200, "text/css", ""},
		{"/", "application/json", 200, "application/json", ""}, // the endpoint list, as before
		{"/", "*/*", 200, "application/json", ""},              // curl, urllib, a notebook
		{"/nowhere", "", 404, "application/json", ""},
		{"/api/v1/met?name=Landau", "", 200, "application/json", ""},
	} {
		req, _ := http.NewRequest("GET", base+tc.path, nil)
		if tc.accept != "" {
			req.Header.Set("Accept", tc.accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.ctype) {
			t.Errorf("GET %s (Accept %q): %d %s, want %d %s", tc.path, tc.accept, resp.StatusCode, resp.Header.Get("Content-Type"), tc.status, tc.ctype)
		}
		if link := resp.Header.Get("Link"); link != tc.link {
			t.Errorf("GET %s: Link %q, want %q", tc.path, link, tc.link)
		}
	}
	resp, err := http.Post(base+"/api/web/search", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST /api/web/search: %d, want it refused", resp.StatusCode)
	}
}

// TestScriptParses checks the page's script with node when it is there
// (the browser tests check it in chromium).
func TestScriptParses(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if out, err := exec.Command(node, "--check", "static/app.js").CombinedOutput(); err != nil {
		t.Fatalf("static/app.js: %v\n%s", err, out)
	}
}

// TestOfficialPageFromBriefs checks that an official's page made from the
// meetings kept per state of the store (what a served page answers once
// they are read) is the one graph.Met gives, for every official of the
// example store.
func TestOfficialPageFromBriefs(t *testing.T) {
	path, err := exampleStore()
	if err != nil {
		t.Fatal(err)
	}
	_, page := serve(t, path)
	if page.loaded() != nil {
		t.Fatal("loaded before anything was read")
	}
	ctx := context.Background()
	if err := page.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	d := page.loaded()
	if d == nil {
		t.Fatal("not loaded after Warm")
	}
	withMeetings := 0
	err = page.srv.ReadStore(ctx, func(ctx context.Context, st *graph.Store) error {
		for _, n := range d.names {
			fromMet, _, err := officialPage(ctx, st, n.ID, 1<<20, nil)
			if err != nil {
				return err
			}
			fromBriefs, _, err := officialPage(ctx, st, n.ID, 1<<20, d)
			if err != nil {
				return err
			}
			a, _ := json.Marshal(fromMet)
			b, _ := json.Marshal(fromBriefs)
			if string(a) != string(b) {
				t.Errorf("official %s: from the briefs\n%s\nfrom Met\n%s", n.ID, b, a)
			}
			if len(fromMet.Meetings) > 0 {
				withMeetings++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if withMeetings < 5 {
		t.Errorf("only %d officials with meetings compared", withMeetings)
	}
}
