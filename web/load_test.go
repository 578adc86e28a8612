package web

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPageLoadFigures measures how long the page takes to load in
// chromium, from navigation to the page's data drawn, on the store named
// by $DIPGRAPH_WEB_BENCH_DB (bench/web-load builds one of 20,000 generated
// articles). It is a measurement for bench/RESULTS.md, not a check:
// without the variable it skips, and it fails only when a page does not
// load.
func TestPageLoadFigures(t *testing.T) {
	path := os.Getenv("DIPGRAPH_WEB_BENCH_DB")
	if path == "" {
		t.Skip("set DIPGRAPH_WEB_BENCH_DB to a store to measure (bench/web-load)")
	}
	chromium(t)
	base, _ := serve(t, path)
	b := newBrowser(t)
	rounds := 5
	if s := os.Getenv("DIPGRAPH_WEB_BENCH_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	// load opens a page afresh and returns the browser's time from the
	// navigation's start to the page's data drawn, and the wall time.
	load := func(u, path string) (time.Duration, time.Duration) {
		wall := b.open(t, u, path)
		ms := get1(t, b, "ready time", chromedp.Evaluate[string](`document.body.dataset.readyMs`))
		n, _ := strconv.Atoi(ms)
		return time.Duration(n) * time.Millisecond, wall
	}
	report := func(name string, times []time.Duration) {
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		t.Logf("FIGURE %-40s median %6s  max %6s  (n=%d)", name, times[len(times)/2].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), len(times))
	}

	// The overview, first with the page's cache cold (it reads every
	// meeting's cards once), then warm.
	cold, coldWall := load(base+"/", "/")
	t.Logf("FIGURE %-40s %6s (wall %s)", "overview, first load (cache cold)", cold.Round(time.Millisecond), coldWall.Round(time.Millisecond))
	var over []time.Duration
	for range rounds {
		d, _ := load(base+"/", "/")
		over = append(over, d)
	}
	report("overview (cache warm)", over)
	top := get1(t, b, "top officials", chromedp.Evaluate[[]string](`[...document.querySelectorAll("#top tbody a")].map(a => a.getAttribute("href"))`))
	if len(top) == 0 {
		t.Fatal("no officials on the overview")
	}
	stats := get1(t, b, "counts", chromedp.Evaluate[string](`document.querySelector("#counts").innerText.replace(/\n/g, " ")`))
	t.Logf("store: %s", stats)

	// The most connected official, and one further down the list.
	for _, href := range []string{top[0], top[len(top)-1]} {
		var times []time.Duration
		for range rounds {
			d, _ := load(base+href, href)
			times = append(times, d)
		}
		rows := get1(t, b, "rows", chromedp.Evaluate[int](`document.querySelectorAll("#meetings tbody tr").length`))
		nodes := get1(t, b, "nodes", chromedp.Evaluate[int](`document.querySelectorAll("#ego circle.node").length`))
		report(fmt.Sprintf("official %s (%d rows, %d nodes)", href, rows, nodes), times)
		if href == top[0] {
			m := get1(t, b, "a meeting", chromedp.Evaluate[string](`document.querySelector("#meetings tbody tr").dataset.meeting`))
			var mt []time.Duration
			for range rounds {
				d, _ := load(base+"/meeting/"+m, "/meeting/"+m)
				mt = append(mt, d)
			}
			report("meeting /meeting/"+m, mt)
		}
	}
	var gt []time.Duration
	for range rounds {
		d, _ := load(base+"/gizmo", "/gizmo")
		gt = append(gt, d)
	}
	report("gizmo console", gt)

	// A suggestion as one types: the search endpoint alone.
	var st []time.Duration
	for _, q := range []string{"a", "ng", "Landau", "Vương", "nguyen van", "park yoon"} {
		start := time.Now()
		resp, err := http.Get(base + "/api/web/search?q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		st = append(st, time.Since(start))
	}
	report("search suggestions (API)", st)
	b.check(t, "load figures")
}
