package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommas(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1,000"}, {65536, "65,536"}, {1000000, "1,000,000"}, {-12345, "-12,345"},
	} {
		if got := commas(c.n); got != c.want {
			t.Errorf("commas(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestScaleReport writes what bench/run --scale leaves for two backends,
// one that reached 1,000,000 articles within the budget and one that the
// disk stopped, and checks the verdicts of the report.
func TestScaleReport(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"scale.json":      `{"steps": [10000, 1000000], "input": "txt", "dir": "/x", "backends": ["default", "leveldb"], "prefixes": ["", "leveldb:"], "gen_articles": 1000000, "gen_text_bytes": 2200000000, "gen_disk_bytes": 4100000000}`,
		"scale.notes.txt": "a note of the run\n",
		// default: two steps, the second the whole million, in budget.
		"scale_default_10000.step.json":    `{"backend": "default", "articles": 10000, "text_bytes": 22000000, "store_bytes": 88000000, "load": "1–2, median 1"}`,
		"scale_default_10000.usage.json":   `{"wall_s": 30, "user_s": 40, "sys_s": 5, "max_rss_kb": 400000}`,
		"scale_default_10000.out.json":     `{"articles": 10000, "quads_added": 1000000, "duration_ns": 29000000000, "store": {"quads": 1000100}}`,
		"scale_default_1000000.step.json":  `{"backend": "default", "articles": 1000000, "text_bytes": 2200000000, "store_bytes": 8800000000, "load": "1–2, median 1"}`,
		"scale_default_1000000.usage.json": `{"wall_s": 3500, "user_s": 6000, "sys_s": 500, "max_rss_kb": 900000}`,
		"scale_default_1000000.out.json":   `{"articles": 1000000, "quads_added": 100000000, "duration_ns": 3490000000000, "store": {"quads": 100000100}}`,
		"scale_default.met.json":           `{"questions": 1000, "quads": 100000100, "median_ms": 2, "p90_ms": 8, "p99_ms": 40, "max_ms": 90, "busiest": 20, "officials_met": 2500}`,
		// leveldb: one step, then the disk.
		"scale_leveldb_10000.step.json":  `{"backend": "leveldb", "db_prefix": "leveldb:", "articles": 10000, "text_bytes": 22000000, "store_bytes": 20000000, "load": "?"}`,
		"scale_leveldb_10000.usage.json": `{"wall_s": 20, "user_s": 30, "sys_s": 2, "max_rss_kb": 1100000}`,
		"scale_leveldb_10000.out.json":   `{"articles": 10000, "quads_added": 1000000, "duration_ns": 19000000000, "store": {"quads": 1000100}}`,
		"scale_leveldb.met.json":         `{"questions": 1000, "quads": 1000100, "median_ms": 6, "p90_ms": 8, "p99_ms": 20, "max_ms": 30}`,
		"scale_leveldb.stop.txt":         "step 1000000 would need about 2.2 TB: the disk stops this backend at 10000 articles\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &report{dir: dir}
	r.writeScale(1, 0)
	if r.err != nil {
		t.Fatal(r.err)
	}
	got := r.b.String()
	for _, want := range []string{
		"| default (`--db PATH`) | 1,000,000 | 2.20 GB | 100,000,100 | 3500 s | 6500 s (6000 + 500) | 286 |",
		"- a note of the run\n",
		"**leveldb stopped early**: step 1000000 would need about 2.2 TB",
		"- **default**: 1,000,000 articles: yes; build wall 3500 s ≤ 3600 s: yes; CPU 6500 s; peak RSS 879 MiB < 1 GiB: yes; `met X` median 2.00 ms < 5 ms: yes, p99 40.00 ms < 50 ms: yes. Budget met: yes\n",
		"- **leveldb**: 10,000 articles: **no**, 990,000 short of 1,000,000",
		"peak RSS 1074 MiB < 1 GiB: **no**; `met X` median 6.00 ms < 5 ms: **no**",
		"Budget met: **no**\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	for _, want := range []string{"| 4.0 |", "| 0.9 |"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks store bytes per text byte %q:\n%s", want, got)
		}
	}
}
