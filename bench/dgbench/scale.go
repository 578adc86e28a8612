package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// What bench/run --scale leaves in bench/out, besides each build's
// NAME.usage.json, NAME.out.json and NAME.time.txt (NAME is
// scale_BACKEND_ARTICLES):
//
//	scale.json                 the run: steps, input, backends, corpus
//	scale_gen.usage.json       dipgraph gen of the whole corpus
//	scale.notes.txt            lines said about the run (steps dropped)
//	NAME.step.json             one build: sizes on disk, free space, load
//	scale_BACKEND.stop.txt     why the steps of a backend stopped early
//	scale_BACKEND.met.json     dgbench met on its largest store
//	scale_BACKEND.metproc.json dgbench metproc on it

// scaleRun is scale.json.
type scaleRun struct {
	Steps     []int    `json:"steps"`
	Input     string   `json:"input"`
	Dir       string   `json:"dir"`
	Backends  []string `json:"backends"`
	Prefixes  []string `json:"prefixes"`
	Articles  int      `json:"gen_articles"`
	TextBytes int64    `json:"gen_text_bytes"`
	DiskBytes int64    `json:"gen_disk_bytes"`
}

// scaleStep is NAME.step.json.
type scaleStep struct {
	Backend    string `json:"backend"`
	Prefix     string `json:"db_prefix"`
	Articles   int    `json:"articles"`
	Input      string `json:"input"`
	TextBytes  int64  `json:"text_bytes"`
	InputBytes int64  `json:"input_bytes"`
	Store      string `json:"store"`
	StoreBytes int64  `json:"store_bytes"`
	StoreAlloc int64  `json:"store_alloc_bytes"`
	FreeBefore int64  `json:"free_before"`
	FreeAfter  int64  `json:"free_after"`
	Load       string `json:"load"`

	usage Usage
	out   buildOut
}

// The targets of issue 12 for the largest store.
const (
	scaleTarget      = 1000000
	scaleWallTarget  = 3600.0  // seconds
	scaleRSSTargetKB = 1 << 20 // 1 GiB
	metMedianTarget  = 5.0     // ms
	metP99Target     = 50.0    // ms
)

func gbytes(b int64) string {
	switch {
	case b >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(b)/1e9)
	case b >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(b)/1e6)
	}
	return fmt.Sprintf("%.0f kB", float64(b)/1e3)
}

func mib(kb int64) string { return fmt.Sprintf("%.0f MiB", float64(kb)/1024) }

// writeScale is the report of bench/run --scale alone.
func (r *report) writeScale(seed uint64, total float64) {
	r.printf("## bench/run --scale results\n\n")
	r.printf("- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	r.printf("- machine: %s\n", machine())
	if total > 0 {
		r.printf("- whole run: %.0f s\n", total)
	}
	r.printf("- seed: %d\n", seed)
	r.scale()
}

// scale prints the build at scale, when bench/run --scale left its files.
func (r *report) scale() {
	var run scaleRun
	if !r.load("scale.json", &run) {
		return
	}
	steps := map[string][]scaleStep{}
	names, _ := filepath.Glob(filepath.Join(r.dir, "scale_*.step.json"))
	for _, name := range names {
		var s scaleStep
		base := strings.TrimSuffix(filepath.Base(name), ".step.json")
		if !r.load(filepath.Base(name), &s) {
			continue
		}
		if !r.load(base+".usage.json", &s.usage) || !r.load(base+".out.json", &s.out) {
			continue
		}
		steps[s.Backend] = append(steps[s.Backend], s)
	}
	input := "`.txt` files, 1,000 per folder (each step: the corpus's first folders)"
	if run.Input == "jsonl" {
		input = "one JSON Lines file per step (`dgbench jsonl` of the step's articles, written before the build, outside its time)"
	}
	r.printf("\n### Build at scale (`bench/run --scale`)\n\n")
	r.printf("- corpus: `dipgraph gen -n %d` once, %s of text, %s on disk", run.Articles, gbytes(run.TextBytes), gbytes(run.DiskBytes))
	var gu Usage
	if r.load("scale_gen.usage.json", &gu) {
		r.printf(", generated in %.0f s (CPU %.0f s)", gu.WallS, gu.cpu())
	}
	r.printf("; steps %s; input: %s; stores in %s\n", joinInts(run.Steps), input, run.Dir)
	r.printf("- each step is a fresh store; wall and CPU of the whole `dipgraph build` process (`dgbench run`, `/usr/bin/time -v`), quads/s over the build's own duration; store size `du -sb`\n")
	if b, err := os.ReadFile(filepath.Join(r.dir, "scale.notes.txt")); err == nil {
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if l != "" {
				r.printf("- %s\n", l)
			}
		}
	}
	r.printf("\n| backend | articles | text | quads | build wall | CPU (user + sys) | articles/s | quads/s | peak RSS (`time -v`) | peak anonymous | peak file-backed | store (`du -sb`) | store bytes per text byte | load average (1 min) |\n")
	r.printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for i, be := range run.Backends {
		label := be
		if i < len(run.Prefixes) && run.Prefixes[i] != "" {
			label = fmt.Sprintf("%s (`--db %sPATH`)", be, run.Prefixes[i])
		} else if be == "default" {
			label = "default (`--db PATH`)"
		}
		ss := steps[be]
		sort.Slice(ss, func(i, j int) bool { return ss[i].Articles < ss[j].Articles })
		for _, s := range ss {
			u, o := s.usage, s.out
			d := float64(o.Duration) / 1e9
			r.printf("| %s | %s | %s | %s | %.0f s | %.0f s (%.0f + %.0f) | %.0f | %.0f | %s | %s | %s | %s | %.1f | %s |\n",
				label, commas(s.Articles), gbytes(s.TextBytes), commas(o.Store.Quads), u.WallS, u.cpu(), u.UserS, u.SysS,
				float64(s.Articles)/u.WallS, float64(o.Added)/d, mib(u.MaxRSSKB), mib(u.AnonPeakKB), mib(u.FilePeakKB),
				gbytes(s.StoreBytes), float64(s.StoreBytes)/float64(s.TextBytes), s.Load)
		}
	}
	for _, be := range run.Backends {
		if b, err := os.ReadFile(filepath.Join(r.dir, "scale_"+be+".stop.txt")); err == nil {
			r.printf("\n**%s stopped early**: %s\n", be, strings.TrimSpace(string(b)))
		}
	}

	// met on the largest store of each backend.
	r.printf("\n#### `met X` on the largest store\n\n")
	r.printf("Median, p90, p99 and max over all the questions, the busiest officials' among them (the budget below is on these).\n\n")
	r.printf("| backend | store | questions | median | p90 | p99 | max | the busiest officials | whole `dipgraph met X` process |\n|---|---|---|---|---|---|---|---|---|\n")
	mets := map[string]latency{}
	for _, be := range run.Backends {
		var m struct {
			latency
			Pool       int     `json:"officials_met"`
			Busiest    int     `json:"busiest"`
			BusiestMed float64 `json:"busiest_median_ms"`
			BusiestMax float64 `json:"busiest_max_ms"`
			EdgesMin   int     `json:"busiest_edges_min"`
			EdgesMax   int     `json:"busiest_edges_max"`
			RandomMed  float64 `json:"random_median_ms"`
			RandomP99  float64 `json:"random_p99_ms"`
		}
		ss := steps[be]
		if len(ss) == 0 || !r.load("scale_"+be+".met.json", &m) {
			continue
		}
		mets[be] = m.latency
		top := ss[len(ss)-1]
		busy := "—"
		if m.Busiest > 0 {
			busy = fmt.Sprintf("%d busiest (%d–%d `<met>` edges), one question each: median %.2f ms, max %.1f; the random ones alone: median %.2f ms, p99 %.2f", m.Busiest, m.EdgesMin, m.EdgesMax, m.BusiestMed, m.BusiestMax, m.RandomMed, m.RandomP99)
		}
		proc := "—"
		var p latency
		if r.load("scale_"+be+".metproc.json", &p) {
			proc = fmt.Sprintf("%d runs: median %.1f ms, p99 %.1f", p.Processes, p.Median, p.P99)
		}
		r.printf("| %s | %s articles, %s quads, %s | %s (%d busiest, the rest at random among the %s officials who met someone; %.1f rows on average) | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %s | %s |\n",
			be, commas(top.Articles), commas(m.Quads), gbytes(top.StoreBytes), commas(m.Questions), m.Busiest, commas(m.Pool), m.MeanRows, m.Median, m.P90, m.P99, m.Max, busy, proc)
	}

	// The budget, on the largest step.
	r.printf("\n#### Budget of issue 12 (largest step: %s articles built in ≤ 1 hour on 2 cores, peak RSS < 1 GiB; `met X` median < 5 ms, p99 < 50 ms)\n\n", "1,000,000")
	r.printf("This machine: %d cores.\n\n", runtime.NumCPU())
	for _, be := range run.Backends {
		ss := steps[be]
		if len(ss) == 0 {
			r.printf("- %s: no step built\n", be)
			continue
		}
		top := ss[len(ss)-1]
		u := top.usage
		size := commas(top.Articles) + " articles"
		if top.Articles >= scaleTarget {
			size += ": yes"
		} else {
			size += fmt.Sprintf(": **no**, %s short of %s", commas(scaleTarget-top.Articles), commas(scaleTarget))
			perA := u.WallS / float64(top.Articles)
			size += fmt.Sprintf(" (at this step's rate %s articles would take %.0f s, a lower bound if the rate keeps falling as the store grows", commas(scaleTarget), perA*scaleTarget)
			if len(ss) > 1 {
				first := ss[0]
				size += fmt.Sprintf(" — here %.0f → %.0f articles/s from %s to %s articles", float64(first.Articles)/first.usage.WallS, float64(top.Articles)/u.WallS, commas(first.Articles), commas(top.Articles))
			}
			size += fmt.Sprintf("; and a store of ≈ %s)", gbytes(int64(float64(top.StoreBytes)/float64(top.Articles)*scaleTarget)))
		}
		r.printf("- **%s**: %s; build wall %.0f s ≤ %.0f s: %s; CPU %.0f s; peak RSS %s < 1 GiB: %s",
			be, size, u.WallS, scaleWallTarget, verdict(u.WallS <= scaleWallTarget), u.cpu(), mib(u.MaxRSSKB), verdict(u.MaxRSSKB < scaleRSSTargetKB))
		if m, ok := mets[be]; ok {
			r.printf("; `met X` median %.2f ms < 5 ms: %s, p99 %.2f ms < 50 ms: %s", m.Median, verdict(m.Median < metMedianTarget), m.P99, verdict(m.P99 < metP99Target))
		} else {
			r.printf("; `met X` not measured")
		}
		ok := top.Articles >= scaleTarget && u.WallS <= scaleWallTarget && u.MaxRSSKB < scaleRSSTargetKB
		if m, has := mets[be]; has {
			ok = ok && m.Median < metMedianTarget && m.P99 < metP99Target
		} else {
			ok = false
		}
		r.printf(". Budget met: %s\n", verdict(ok))
	}
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = commas(x)
	}
	return strings.Join(s, ", ")
}

// commas writes n with a comma every three digits: 1,000,000.
func commas(n int) string {
	if n < 0 {
		return "-" + commas(-n)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
