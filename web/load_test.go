package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dipgraph/dipgraph/graph"
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
	base, page := serve(t, path)
	b := newBrowser(t)
	b.timeout = 2 * time.Minute
	rounds := 5
	if s := os.Getenv("DIPGRAPH_WEB_BENCH_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	// load opens a page afresh and returns the browser's time from the
	// navigation's start to the page's data drawn, and to its data
	// arrived (the JSON read; zero for a page without).
	var arrived []time.Duration // of the loads since the last report
	load := func(u, path string) (time.Duration, time.Duration) {
		b.open(t, u, path)
		ms := get1(t, b, "ready time", chromedp.Evaluate[string](`document.body.dataset.readyMs + " " + (document.body.dataset.dataMs || "0")`))
		var ready, data int
		fmt.Sscan(ms, &ready, &data)
		r, d := time.Duration(ready)*time.Millisecond, time.Duration(data)*time.Millisecond
		arrived = append(arrived, d)
		return r, d
	}
	// api times the page's data alone (the store's part of a load).
	api := func(name, u string) {
		var times []time.Duration
		for range rounds {
			start := time.Now()
			resp, err := http.Get(base + u)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %s", u, resp.Status)
			}
			times = append(times, time.Since(start))
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		t.Logf("FIGURE   its data, GET %-34s median %8s  max %8s", u, times[len(times)/2].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond))
	}
	// report prints the loads' median and max, the first (the store's
	// pages not yet in memory), and the median time the data arrived
	// (the rest is the page's drawing).
	report := func(name string, times []time.Duration) {
		first := times[0]
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		sort.Slice(arrived, func(i, j int) bool { return arrived[i] < arrived[j] })
		data := ""
		if len(arrived) > 0 && arrived[len(arrived)/2] > 0 {
			data = fmt.Sprintf("  data arrived at %s", arrived[len(arrived)/2].Round(time.Millisecond))
		}
		t.Logf("FIGURE %-40s median %8s  max %8s  first %8s%s  (n=%d)", name, times[len(times)/2].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond), first.Round(time.Millisecond), data, len(times))
		arrived = nil
	}

	// What the page reads ahead of the store (dipgraph serve does it at
	// start): the names and the overview's meetings and counts.
	start := time.Now()
	if err := page.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("FIGURE %-40s %8s", "read ahead (Warm, at serve's start)", time.Since(start).Round(time.Millisecond))
	var over []time.Duration
	for range rounds {
		d, _ := load(base+"/", "/")
		over = append(over, d)
	}
	report("overview (cache warm)", over)
	api("overview", "/api/web/overview")
	stats := get1(t, b, "counts", chromedp.Evaluate[string](`document.querySelector("#counts").innerText.replace(/\n/g, " ")`))
	t.Logf("store: %s", stats)

	// Officials by their number of meetings: the most, the 90th and the
	// 50th percentile of those with any.
	var briefs []graph.MeetingBrief
	err := page.srv.ReadStore(context.Background(), func(ctx context.Context, st *graph.Store) error {
		d, err := page.derived(ctx, st, true) // kept since Warm
		if err == nil {
			briefs = d.meetings
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, m := range briefs {
		for _, p := range m.Participants {
			count[p]++
		}
	}
	ids := sortedKeys(count)
	sort.SliceStable(ids, func(i, j int) bool { return count[ids[i]] > count[ids[j]] })
	picks := []struct {
		what string
		id   string
	}{{"most meetings", ids[0]}, {"90th percentile", ids[len(ids)/10]}, {"median", ids[len(ids)/2]}}
	for k, pick := range picks {
		href := "/official/" + pick.id
		var times []time.Duration
		for range rounds {
			d, _ := load(base+href, href)
			times = append(times, d)
		}
		rows := get1(t, b, "rows", chromedp.Evaluate[int](`document.querySelectorAll("#meetings tbody tr[data-meeting]").length`))
		nodes := get1(t, b, "nodes", chromedp.Evaluate[int](`document.querySelectorAll("#ego circle.node").length`))
		report(fmt.Sprintf("official, %s: %s (%d meetings; %d rows shown, %d nodes)", pick.what, pick.id, count[pick.id], rows, nodes), times)
		// Where the last load's time went: the page's own marks, and the
		// browser's timing of the requests.
		steps := get1(t, b, "marks", chromedp.Evaluate[string](`(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			const out = ["html " + Math.round(nav.responseEnd)];
			for (const r of performance.getEntriesByType("resource")) out.push(new URL(r.name).pathname + " " + Math.round(r.startTime) + "-" + Math.round(r.responseEnd));
			out.push("data read " + document.body.dataset.dataMs);
			for (const m of performance.getEntriesByType("mark")) out.push(m.name.replace("official:", "") + " " + Math.round(m.startTime));
			out.push("ready " + document.body.dataset.readyMs);
			return out.join(", ");
		})()`))
		t.Logf("         last load, ms from navigation: %s", steps)
		api("official", "/api/web/official/"+pick.id)
		if k == 0 {
			m := get1(t, b, "a meeting", chromedp.Evaluate[string](`document.querySelector("#meetings tbody tr").dataset.meeting`))
			var mt []time.Duration
			for range rounds {
				d, _ := load(base+"/meeting/"+m, "/meeting/"+m)
				mt = append(mt, d)
			}
			report("meeting /meeting/"+m, mt)
			api("meeting", "/api/web/meeting/"+m)
		}
	}
	// First visits: the page of each of the next busiest officials, once
	// (the server keeps a page it made until the store changes, so the
	// repeated loads above are, after the first, of a kept page).
	var firsts []time.Duration
	for _, id := range ids[1:min(11, len(ids))] {
		d, _ := load(base+"/official/"+id, "/official/"+id)
		firsts = append(firsts, d)
	}
	report(fmt.Sprintf("official, first visit, the next %d busiest (%d–%d meetings)", len(firsts), count[ids[min(10, len(ids)-1)]], count[ids[1]]), firsts)

	var gt []time.Duration
	for range rounds {
		d, _ := load(base+"/gizmo", "/gizmo")
		gt = append(gt, d)
	}
	report("gizmo console (reads nothing from the store)", gt)

	// A suggestion as one types: the search endpoint alone.
	var sugg []time.Duration
	for _, q := range []string{"a", "ng", "Landau", "Vương", "nguyen van", "park yoon"} {
		start := time.Now()
		resp, err := http.Get(base + "/api/web/search?q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		sugg = append(sugg, time.Since(start))
	}
	report("search suggestions (API)", sugg)
	b.check(t, "load figures")
}
