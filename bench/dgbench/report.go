package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// reportCmd prints bench/run's results as a Markdown table, from the files
// the run left in DIR, and writes it to DIR/results.md.
func reportCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("report", flag.ExitOnError)
	n := fs.Int("n", 0, "articles in the corpus")
	seed := fs.Uint64("seed", 0, "seed of the corpus")
	total := fs.Float64("total", 0, "wall time of the whole run, seconds")
	scale := fs.Bool("scale", false, "only the build at scale (bench/run --scale)")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return nil, fmt.Errorf("report: usage: dgbench report [-n N -seed S -total SEC] DIR")
	}
	r := &report{dir: fs.Arg(0)}
	if *scale {
		r.writeScale(*seed, *total)
	} else {
		r.write(*n, *seed, *total)
	}
	if r.err != nil {
		return nil, r.err
	}
	os.Stdout.WriteString(r.b.String())
	return nil, os.WriteFile(filepath.Join(r.dir, "results.md"), []byte(r.b.String()), 0o644)
}

type report struct {
	dir string
	b   strings.Builder
	err error
}

func (r *report) printf(format string, args ...any) { fmt.Fprintf(&r.b, format, args...) }

// load reads DIR/name (JSON) into v; false when the file is absent.
func (r *report) load(name string, v any) bool {
	b, err := os.ReadFile(filepath.Join(r.dir, name))
	if err != nil {
		return false
	}
	if err := json.Unmarshal(b, v); err != nil && r.err == nil {
		r.err = fmt.Errorf("%s: %w", name, err)
	}
	return err == nil
}

type extractOut struct {
	Articles int     `json:"articles"`
	Bytes    int64   `json:"bytes"`
	Seconds  float64 `json:"seconds"`
	MBPerS   float64 `json:"mb_per_s"`
}

type buildOut struct {
	Articles int   `json:"articles"`
	Added    int   `json:"quads_added"`
	Duration int64 `json:"duration_ns"`
	Store    struct {
		Quads int `json:"quads"`
	} `json:"store"`
}

type latency struct {
	Questions int     `json:"questions"`
	Processes int     `json:"processes"`
	Quads     int     `json:"quads"`
	Median    float64 `json:"median_ms"`
	P90       float64 `json:"p90_ms"`
	P99       float64 `json:"p99_ms"`
	Max       float64 `json:"max_ms"`
	MeanRows  float64 `json:"mean_rows"`
	Gizmo     float64 `json:"gizmo_median_ms"`
}

// cpu is the command's CPU time, user and system, in seconds.
func (u Usage) cpu() float64 { return u.UserS + u.SysS }

func mb(kb int64) string { return fmt.Sprintf("%.0f MB", float64(kb)/1024) }

func verdict(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

func (r *report) write(n int, seed uint64, total float64) {
	r.printf("## bench/run results\n\n")
	r.printf("- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	r.printf("- machine: %s\n", machine())
	r.printf("- corpus: %d synthetic articles (`dipgraph gen -n %d --seed %d`)", n, n, seed)
	var ex extractOut
	if r.load("extract.json", &ex) {
		r.printf(", %.1f MB of text", float64(ex.Bytes)/1e6)
	}
	r.printf("\n")
	if total > 0 {
		r.printf("- whole run: %.0f s\n", total)
	}
	if _, err := os.Stat(filepath.Join(r.dir, "build.out.json")); err != nil {
		// bench/run --jsonl: figure 2b alone.
		r.pair()
		return
	}
	r.printf("\nRatios are dipgraph ÷ baseline in time (lower is better) unless said otherwise.\n\n")
	r.printf("| # | figure | dipgraph | baseline | ratio | target | met |\n|---|---|---|---|---|---|---|\n")

	// 1. Extraction vs ripgrep.
	var rg, exu Usage
	if r.load("extract.json", &ex) && r.load("rg.usage.json", &rg) && r.load("extract.usage.json", &exu) {
		rgMBs := float64(ex.Bytes) / 1e6 / rg.WallS
		ratio := ex.Seconds / rg.WallS
		r.printf("| 1 | extraction, all cores | %.2f MB/s (%.1f s, peak RSS %s) | ripgrep `-F -f aliases.txt --count-matches`: %.1f MB/s (%.2f s) | %.1f× | ≤ 3× | %s |\n",
			ex.MBPerS, ex.Seconds, mb(exu.MaxRSSKB), rgMBs, rg.WallS, ratio, verdict(ratio <= 3))
	}

	// 2. Build vs Cayley's bulk load.
	var bo buildOut
	var bu, cl Usage
	var nq struct {
		Quads int `json:"quads"`
	}
	if r.load("build.out.json", &bo) && r.load("build.usage.json", &bu) && r.load("cayley_load.usage.json", &cl) && r.load("nquads.json", &nq) {
		bs := float64(bo.Duration) / 1e9
		ratio := bs / cl.WallS
		r.printf("| 2 | extraction + store build (bolt) | %.0f quads/s (%d quads in %.1f s; whole `dipgraph build` %.1f s, peak RSS %s) | `cayley load` of the same quads as N-Quads into a fresh bolt store: %.0f quads/s (%.1f s, peak RSS %s) | %.2f× | ≤ 1× | %s |\n",
			float64(bo.Added)/bs, bo.Added, bs, bu.WallS, mb(bu.MaxRSSKB), float64(nq.Quads)/cl.WallS, cl.WallS, mb(cl.MaxRSSKB), ratio, verdict(ratio <= 1))
		r.printf("|   | same, whole `dipgraph build` process (with its final store count) | %.1f s | %.1f s | %.2f× | | |\n", bu.WallS, cl.WallS, bu.WallS/cl.WallS)
	}

	// 2b. The same articles as one JSON Lines file.
	var jo buildOut
	var ju Usage
	if r.load("build_jsonl.out.json", &jo) && r.load("build_jsonl.usage.json", &ju) && r.load("build.out.json", &bo) && r.load("build.usage.json", &bu) {
		js, ts := float64(jo.Duration)/1e9, float64(bo.Duration)/1e9
		ratio := js / ts
		r.printf("| 2b | build from one JSON Lines file of the same articles (bolt) | %.0f quads/s (%d articles, %d quads in %.1f s; CPU %.1f s; peak RSS %s) | the same articles as .txt files (figure 2): %.0f quads/s (%.1f s; CPU %.1f s; peak RSS %s) | %.2f× (CPU %.2f×) | ≤ 1.1×, peak RSS < 1 GiB | %s |\n",
			float64(jo.Added)/js, jo.Articles, jo.Added, js, ju.cpu(), mb(ju.MaxRSSKB), float64(bo.Added)/ts, ts, bu.cpu(), mb(bu.MaxRSSKB), ratio, ju.cpu()/bu.cpu(), verdict(ratio <= 1.1 && ju.MaxRSSKB < 1<<20))
	}
	r.pair()

	// 3. met latency.
	var met, proc latency
	if r.load("met.json", &met) {
		r.printf("| 3 | `met X` in process: FindOfficials + Met with all details, %d random officials, %d-quad bolt store | median %.2f ms, p90 %.2f, p99 %.2f, max %.1f (%.1f rows on average) | one Gizmo hop `g.V(x).Out(<met>).All()`: median %.2f ms | %.2f× of the 5 ms target | median < 5 ms | %s |\n",
			met.Questions, met.Quads, met.Median, met.P90, met.P99, met.Max, met.MeanRows, met.Gizmo, met.Median/5, verdict(met.Median < 5))
	}
	if r.load("metproc.json", &proc) {
		r.printf("| 3 | whole `dipgraph met X` process (open store, answer, print), %d runs | median %.1f ms, p90 %.1f, p99 %.1f, max %.1f | target 100 ms | %.2f× of the target | < 100 ms | %s |\n",
			proc.Processes, proc.Median, proc.P90, proc.P99, proc.Max, proc.Median/100, verdict(proc.Median < 100))
	}

	// 4. Exports.
	var dot, nl, dump Usage
	if r.load("export_dot.usage.json", &dot) && r.load("export_json.usage.json", &nl) {
		base, ratio := "—", "—"
		if r.load("export_nquads.usage.json", &dump) {
			base = fmt.Sprintf("`dipgraph export --format nquads` (every quad): %.1f s", dump.WallS)
			ratio = fmt.Sprintf("%.2f× / %.2f×", dot.WallS/dump.WallS, nl.WallS/dump.WallS)
		}
		r.printf("| 4 | export of the whole met view: DOT / node-link JSON | %.1f s / %.1f s (%s / %s, peak RSS %s / %s) | %s | %s | | |\n",
			dot.WallS, nl.WallS, size(filepath.Join(r.dir, "export_met.dot")), size(filepath.Join(r.dir, "export_met.json")), mb(dot.MaxRSSKB), mb(nl.MaxRSSKB), base, ratio)
	} else {
		r.printf("| 4 | exports | TODO: not measured (`dipgraph export` missing or failed) | | | | |\n")
	}

	// PostgreSQL.
	var pgb buildOut
	var pgc Usage
	var pgq struct {
		Quads int `json:"quads"`
	}
	if r.load("pg_build.out.json", &pgb) && r.load("pg_cayley.usage.json", &pgc) && r.load("pg_cayley.json", &pgq) {
		ds := float64(pgb.Duration) / 1e9
		dipRate, cayRate := float64(pgb.Added)/ds, float64(pgq.Quads)/pgc.WallS
		// The target is 10× the 2.5k quads/s of Cayley's load
		// measured in ../shared/notes/cayley-v0.7.7.md; the same run's
		// Cayley figure is shown beside it.
		const notesRate = 2500.0
		r.printf("| 5 | build on PostgreSQL (quads/s; ratio: dipgraph ÷ Cayley, higher is better) | %.0f quads/s (%d quads, %d articles, %.1f s) | `cayley load -d postgres`: %.0f quads/s here (%d quads, %.1f s); %.0f quads/s in the notes | %.1f× this run's; %.1f× the notes' | ≥ 10× the notes' | %s |\n",
			dipRate, pgb.Added, pgb.Articles, ds, cayRate, pgq.Quads, pgc.WallS, notesRate, dipRate/cayRate, dipRate/notesRate, verdict(dipRate/notesRate >= 10))
	}
	var pgm latency
	if r.load("pg_met.json", &pgm) {
		r.printf("|   | `met X` in process on PostgreSQL (%d-quad store) | median %.1f ms, p99 %.1f | | | | |\n", pgm.Quads, pgm.Median, pgm.P99)
	}

	r.scale()
}

// pair prints figure 2b as `bench/run --jsonl` measures it: the .txt and
// the JSON Lines builds of the same articles, run side by side from the
// same start, so that both had the same share of a shared machine.
func (r *report) pair() {
	var to, jo buildOut
	var tu, ju Usage
	if !r.load("2b_txt.out.json", &to) || !r.load("2b_txt.usage.json", &tu) || !r.load("2b_jsonl.out.json", &jo) || !r.load("2b_jsonl.usage.json", &ju) {
		return
	}
	r.printf("\n### 2b. The same articles as .txt files and as one JSON Lines file, built side by side\n\n")
	if b, err := os.ReadFile(filepath.Join(r.dir, "2b_load.txt")); err == nil {
		r.printf("Load average (1 min) while they ran: %s.\n\n", strings.TrimSpace(string(b)))
	}
	r.printf("| input | articles | quads | Build | whole process | CPU (user + sys) | quads/s | peak RSS (time -v) | peak anonymous | peak file-backed | store file |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
	row := func(name string, o buildOut, u Usage, db string) {
		d := float64(o.Duration) / 1e9
		r.printf("| %s | %d | %d | %.0f s | %.0f s | %.0f s (%.0f + %.0f) | %.0f | %s | %s | %s | %s |\n",
			name, o.Articles, o.Added, d, u.WallS, u.cpu(), u.UserS, u.SysS, float64(o.Added)/d, mb(u.MaxRSSKB), mb(u.AnonPeakKB), mb(u.FilePeakKB), size(filepath.Join(r.dir, db)))
	}
	row(".txt files", to, tu, "2b_txt.db")
	row("one .jsonl file", jo, ju, "2b_jsonl.db")
	wall, cpu := ju.WallS/tu.WallS, ju.cpu()/tu.cpu()
	r.printf("\nJSON Lines ÷ .txt: wall %.2f×, CPU %.2f× (target ≤ 1.1×: %s); JSON Lines peak RSS %s (target < 1 GiB: %s).\n",
		wall, cpu, verdict(wall <= 1.1 && cpu <= 1.1), mb(ju.MaxRSSKB), verdict(ju.MaxRSSKB < 1<<20))
}

func size(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "?"
	}
	if fi.Size() < 1e6 {
		return fmt.Sprintf("%.0f kB", float64(fi.Size())/1e3)
	}
	return fmt.Sprintf("%.0f MB", float64(fi.Size())/1e6)
}

// machine describes this computer: CPU model, cores, memory, kernel.
func machine() string {
	model := "?"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	mem := ""
	if f, err := os.Open("/proc/meminfo"); err == nil {
		var kb int64
		fmt.Fscanf(f, "MemTotal: %d kB", &kb)
		mem = fmt.Sprintf(", %.0f GiB", float64(kb)/(1<<20))
		io.Copy(io.Discard, f)
		f.Close()
	}
	var u syscall.Utsname
	kernel := ""
	if syscall.Uname(&u) == nil {
		var b strings.Builder
		for _, c := range u.Release {
			if c == 0 {
				break
			}
			b.WriteByte(byte(c))
		}
		kernel = ", Linux " + b.String()
	}
	return fmt.Sprintf("%s, %d cores%s%s, %s", model, runtime.NumCPU(), mem, kernel, runtime.Version())
}
