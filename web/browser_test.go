package web

// End-to-end tests of the page in a real browser: Debian's chromium,
// driven headless by chromedp. They skip when chromium is not installed
// (.ci/run installs it). Screenshots go to $DIPGRAPH_SCREENSHOTS, or to a
// temporary folder the test log names.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dipgraph/dipgraph/graph"
)

// chromium finds Debian's chromium (or another Chrome) on PATH.
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("DIPGRAPH_REQUIRE_BROWSER") != "" {
		t.Fatal("chromium is not installed and DIPGRAPH_REQUIRE_BROWSER is set (.ci/run installs it)")
	}
	t.Skip("chromium is not installed (apt-get install chromium; .ci/run does): the browser tests skip")
	return ""
}

// browser is a headless chromium with a log of the page's errors.
type browser struct {
	ctx     context.Context
	timeout time.Duration // for one step (default 20s)
	mu      sync.Mutex
	errors  []string
}

func newBrowser(t testing.TB) *browser {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1300, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	b := &browser{ctx: ctx, timeout: 20 * time.Second}
	t.Cleanup(func() { cancelB(); cancelA() })
	// The first Run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// A Gizmo query the server refuses (400) is logged by the
			// browser as a failed load; the page shows the error.
			if m.Type == chromedp.ConsoleError && m.Source == "network" && strings.Contains(m.URL, "/api/v1/query/gizmo") {
				continue
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.add(fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line))
			}
		}
	}()
	return b
}

func (b *browser) add(s string) {
	b.mu.Lock()
	b.errors = append(b.errors, s)
	b.mu.Unlock()
}

func (b *browser) logged() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// check fails the test on any error the page logged so far.
func (b *browser) check(t testing.TB, where string) {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // let the last messages arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("%s: JavaScript console error: %s", where, e)
	}
	b.errors = nil
}

// do runs actions, failing the test on an error.
func (b *browser) do(t testing.TB, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v; the page logged %q", what, err, b.logged())
	}
}

// get runs an action that gives a value.
func get1[T any](t testing.TB, b *browser, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v; the page logged %q", what, err, b.logged())
	}
	return v
}

func (b *browser) text(t testing.TB, sel string) string {
	t.Helper()
	return get1(t, b, "text of "+sel, chromedp.Text(chromedp.CSS(sel)))
}

// open navigates to a page and waits until it has rendered.
func (b *browser) open(t testing.TB, url, path string) time.Duration {
	t.Helper()
	start := time.Now()
	b.do(t, "open "+url, chromedp.Navigate(url), ready(path))
	return time.Since(start)
}

// ready waits for the page to say it rendered path.
func ready(path string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`body[data-ready=%q]`, path)))
}

// setValue sets the value of the element sel and tells the page, as
// typing would (an input and a change event).
func setValue(sel, v string) chromedp.Action[chromedp.Void] {
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%s); e.value = %s; e.dispatchEvent(new Event("input")); e.dispatchEvent(new Event("change")); return true })()`, jsString(sel), jsString(v))
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		return err
	})
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func screenshotDir(t testing.TB) string {
	dir := os.Getenv("DIPGRAPH_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func (b *browser) screenshot(t testing.TB, dir, name, sel string) {
	t.Helper()
	var png []byte
	if sel == "" {
		png = get1(t, b, "screenshot "+name, chromedp.FullScreenshot(100))
	} else {
		png = get1(t, b, "screenshot "+name, chromedp.Screenshot(chromedp.CSS(sel)))
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d bytes)", path, len(png))
}

func TestBrowser(t *testing.T) {
	chromium(t)
	path, err := exampleStore()
	if err != nil {
		t.Fatalf("build the example store: %v", err)
	}
	base, _ := serve(t, path)
	st, err := graph.OpenReadOnly(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	held, err := st.Met(context.Background(), "christopher-landau", false)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	shots := screenshotDir(t)
	eval := func(what, js string) []string {
		t.Helper()
		return get1(t, b, what, chromedp.Evaluate[[]string](js))
	}

	// The overview.
	b.open(t, base+"/", "/")
	if counts := b.text(t, "#counts"); !strings.Contains(strings.Join(strings.Fields(counts), " "), "8 articles") {
		t.Errorf("overview counts %q: want 8 articles", counts)
	}
	if n := get1(t, b, "overview network", chromedp.Evaluate[int](`document.querySelectorAll("#overview-net circle.node").length`)); n == 0 {
		t.Error("overview network has no nodes")
	}
	b.screenshot(t, shots, "overview.png", "")
	b.check(t, "overview")

	// Search: a Vietnamese form, a name typed without diacritics, a surname.
	for _, tc := range []struct{ typed, id string }{
		{"Vương Nghị", "wang-yi"},
		{"dang hoang", "dang-hoang-giang"},
		{"Landau", "christopher-landau"},
	} {
		b.do(t, "search "+tc.typed,
			setValue("#search", ""),
			chromedp.SendKeys(chromedp.CSS("#search"), tc.typed),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#suggest li[data-id=%q]`, tc.id))))
	}
	// Picking the suggestion opens the official's page.
	b.do(t, "pick Landau", chromedp.Click(chromedp.CSS(`#suggest li[data-id="christopher-landau"]`)), ready("/official/christopher-landau"))
	if name := b.text(t, "#official-name"); name != "Christopher Landau" {
		t.Errorf("official page heading %q", name)
	}
	b.check(t, "search")

	// The meetings table has the rows `dipgraph met` prints (held; the
	// page lists planned ones too, marked).
	table := get1(t, b, "meetings table", chromedp.Evaluate[[][]string](`[...document.querySelectorAll("#meetings tbody tr")].map(tr => [...tr.cells].map(td => td.textContent.trim()))`))
	var got []string
	for _, r := range table {
		if len(r) != 8 {
			t.Fatalf("meetings row %q: want 8 cells", r)
		}
		if r[5] == "held" {
			got = append(got, strings.Join([]string{r[0], r[1], r[3], r[4]}, " | "))
		}
	}
	var want []string
	counterparts := map[string]bool{}
	for _, r := range held {
		want = append(want, strings.Join([]string{r.Date, fmt.Sprintf("%s (%s)", r.Counterpart.Name, r.Counterpart.Country), r.Kind, r.Place}, " | "))
		counterparts[r.Counterpart.ID] = true
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("meetings table (held rows):\n%s\nwant (graph.Met, as dipgraph met prints):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The filters narrow the table.
	setKind := func(v string) {
		b.do(t, "filter by kind "+v, setValue(`#filters select[name="kind"]`, v))
	}
	setKind("phone-call")
	phone := 0
	for _, r := range held {
		if r.Kind == "phone-call" {
			phone++
		}
	}
	if shown := b.text(t, "#shown"); !strings.HasPrefix(shown, fmt.Sprintf("%d of ", phone)) {
		t.Errorf("filtered by phone-call: %q, want %d rows", shown, phone)
	}
	setKind("")

	// The ego network: the official and each counterpart of a held meeting.
	if n := get1(t, b, "ego network", chromedp.Evaluate[int](`document.querySelectorAll("#ego circle.node").length`)); n != len(counterparts)+1 {
		t.Errorf("ego network has %d nodes, want %d (Landau and %d counterparts)", n, len(counterparts)+1, len(counterparts))
	}
	b.screenshot(t, shots, "official.png", "")
	b.screenshot(t, shots, "network.png", "#ego")
	b.check(t, "official page")

	// Clicking a meeting shows its evidence with the names highlighted.
	m := held[0]
	b.do(t, "click meeting", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#meetings tr[data-meeting=%q] td:nth-child(4)`, m.Meeting))), ready("/meeting/"+m.Meeting))
	marks := eval("marks", `[...document.querySelectorAll(".evidence blockquote mark")].map(x => x.dataset.official + "=" + x.textContent)`)
	quotes := eval("quotes", `[...document.querySelectorAll(".evidence blockquote")].map(x => x.textContent)`)
	if !anyPrefix(marks, "christopher-landau=") {
		t.Errorf("meeting %s: Landau not highlighted; marks %q", m.Meeting, marks)
	}
	if !anyPrefix(marks, m.Counterpart.ID+"=") {
		t.Errorf("meeting %s: %s not highlighted; marks %q", m.Meeting, m.Counterpart.Name, marks)
	}
	if len(m.Sources) == 0 || !anyContains(quotes, m.Sources[0].Sentence) {
		t.Errorf("meeting %s: evidence %q lacks the sentence met gives: %q", m.Meeting, quotes, m.Sources)
	}
	b.screenshot(t, shots, "meeting.png", "")
	b.check(t, "meeting page")

	// A deep link opens the same page directly.
	b.open(t, base+"/meeting/"+m.Meeting, "/meeting/"+m.Meeting)
	b.check(t, "meeting deep link")

	// The Gizmo console: a query gives a table, a cut says so, a bad
	// query shows its error.
	b.open(t, base+"/gizmo", "/gizmo")
	b.do(t, "gizmo query",
		setValue("#gizmo-query", `g.V("<official/christopher-landau>").In("<participant>").Save("<date>", "date").Save("<kind>", "kind").All()`),
		chromedp.Click(chromedp.CSS("#gizmo-run")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo-table")))
	rows := get1(t, b, "gizmo rows", chromedp.Evaluate[int](`document.querySelectorAll("#gizmo-table tbody tr").length`))
	if status := b.text(t, "#gizmo-status"); rows == 0 || !strings.Contains(status, "limit") || !strings.Contains(status, "time limit") {
		t.Errorf("gizmo: %d rows, status %q", rows, status)
	}
	if headers := eval("gizmo headers", `[...document.querySelectorAll("#gizmo-table th")].map(x => x.textContent)`); !contains(headers, "date") || !contains(headers, "kind") || !contains(headers, "id") {
		t.Errorf("gizmo table columns %q, want id, date, kind", headers)
	}
	b.do(t, "gizmo truncated",
		setValue("#gizmo-limit", "2"),
		chromedp.Click(chromedp.CSS("#gizmo-run")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo-table")))
	if status := b.text(t, "#gizmo-status"); !strings.Contains(status, "TRUNCATED") {
		t.Errorf("gizmo with limit 2: status %q does not say it was truncated", status)
	}
	b.screenshot(t, shots, "gizmo.png", "")
	b.do(t, "gizmo bad query",
		setValue("#gizmo-query", `g.V("<official/christopher-landau>").Out(`),
		chromedp.Click(chromedp.CSS("#gizmo-run")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo-error")))
	gerr := b.text(t, "#gizmo-error")
	if strings.TrimSpace(gerr) == "" {
		t.Error("gizmo bad query: empty error")
	}
	t.Logf("a bad query shows: %s", gerr)
	b.check(t, "gizmo console")

	// Vietnamese text: the page is UTF-8 and the names come out whole.
	b.open(t, base+"/official/dang-hoang-giang", "/official/dang-hoang-giang")
	if name := b.text(t, "#official-name"); name != "Đặng Hoàng Giang" {
		t.Errorf("official page heading %q, want Đặng Hoàng Giang", name)
	}
	// The page's data came once: the server's Link header preloaded it
	// and the script used the preloaded answer.
	if n := get1(t, b, "data requests", chromedp.Evaluate[int](`performance.getEntriesByType("resource").filter(r => r.name.includes("/api/web/official/")).length`)); n != 1 {
		t.Errorf("a deep link to an official's page asked for its data %d times, want once (preloaded, then used)", n)
	}
	// Clicking a node of the ego network goes to that official.
	b.do(t, "click node", chromedp.Click(chromedp.CSS(`#ego circle.node[data-id="christopher-landau"]`)), ready("/official/christopher-landau"))
	b.check(t, "network click")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func anyPrefix(list []string, p string) bool {
	for _, v := range list {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

func anyContains(list []string, s string) bool {
	for _, v := range list {
		if s != "" && strings.Contains(v, s) {
			return true
		}
	}
	return false
}
