// Command dgbench measures parts of dipgraph for bench/run: extraction
// throughput, the N-Quads of a corpus for Cayley's own loader, and the
// latency of the met question in process and as a whole command. Each
// subcommand prints one JSON object.
//
//	dgbench extract DIR...                      extraction on all cores, MB/s
//	dgbench nquads -o FILE DIR...               the quads a build writes, as N-Quads
//	dgbench met -db STORE [-n 1000 -busiest K]  FindOfficials+Met latency, in process
//	dgbench metproc -db STORE -bin DIPGRAPH     `dipgraph met NAME` process latency
//	dgbench run -o FILE -- CMD ARGS...          wall time and peak memory of a command
//	dgbench report DIR                          the table of bench/run's results
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/gctune"
	"github.com/dipgraph/dipgraph/pipeline"
	"github.com/dipgraph/dipgraph/schema"
)

func main() {
	graph.RunWorkerIfAsked() // graph.Open checks a store in a child of this program
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dgbench extract|nquads|met|metproc|jsonl|run|report ...")
		os.Exit(2)
	}
	cmds := map[string]func([]string) (any, error){
		"extract": extractCmd, "nquads": nquadsCmd, "met": metCmd, "metproc": metProcCmd,
		"run": runCmd, "report": reportCmd, "jsonl": jsonlCmd,
	}
	run, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "dgbench: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	out, err := run(os.Args[2:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "dgbench:", err)
		os.Exit(1)
	}
	if out != nil {
		enc := json.NewEncoder(os.Stdout)
		enc.Encode(out)
	}
}

// corpusBytes sums the sizes of the article files under paths.
// startProfile starts a CPU profile into path (nothing when path is
// empty); stop ends it.
func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func corpusBytes(paths []string) (files int, bytes int64, err error) {
	list, err := corpus.Files(paths)
	if err != nil {
		return 0, 0, err
	}
	for _, f := range list {
		fi, err := os.Stat(f)
		if err != nil {
			return 0, 0, err
		}
		bytes += fi.Size()
	}
	return len(list), bytes, nil
}

// extractCmd reads and extracts every article on all cores, as a build
// does, without writing anything.
func extractCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("extract", flag.ExitOnError)
	workers := fs.Int("workers", 0, "extracting goroutines (0: one per CPU)")
	prof := fs.String("cpuprofile", "", "write a CPU profile to this file")
	fs.Parse(args)
	stop, err := startProfile(*prof)
	if err != nil {
		return nil, err
	}
	defer stop()
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	n, bytes, err := corpusBytes(fs.Args())
	if err != nil {
		return nil, err
	}
	gctune.Extract() // as dipgraph extract does
	start := time.Now()
	meetings := 0
	err = pipeline.ExtractAll(context.Background(), fs.Args(), g, extract.Options{}, *workers, func(e pipeline.Extracted) error {
		if e.Result != nil {
			meetings += len(e.Result.Meetings)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sec := time.Since(start).Seconds()
	return map[string]any{
		"articles": n, "bytes": bytes, "meetings": meetings, "seconds": sec,
		"mb_per_s": float64(bytes) / 1e6 / sec,
	}, nil
}

// nquadsCmd writes the quads a build of the corpus writes (the gazetteer's
// and every article's, with their labels) as N-Quads.
func nquadsCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("nquads", flag.ExitOnError)
	out := fs.String("o", "", "output file")
	fs.Parse(args)
	if *out == "" {
		return nil, fmt.Errorf("nquads: -o FILE is required")
	}
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	f, err := os.Create(*out)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	n := 0
	// A quad written without label ends in " ."; the label goes before.
	write := func(nq, label string) {
		w.WriteString(strings.TrimSuffix(nq, " ."))
		w.WriteString(" <" + label + "> .\n")
		n++
	}
	for _, q := range graph.GazetteerQuads(g) {
		write(q.NQuad(), schema.GazetteerLabel)
	}
	err = pipeline.ExtractAll(context.Background(), fs.Args(), g, extract.Options{}, 0, func(e pipeline.Extracted) error {
		if e.Err != nil {
			return nil
		}
		label := graph.ArticleLabel(e.Result.Article)
		seen := map[string]bool{}
		for _, q := range graph.ArticleQuads(g, e.Path, e.Result) {
			nq := q.NQuad()
			if !seen[nq] {
				seen[nq] = true
				write(nq, label)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return map[string]any{"quads": n, "file": *out}, nil
}

// sample picks n officials (names) among the gazetteer's officials that
// the store says met someone: first the busiest officials (the most
// `<met>` edges), one question each, then the rest at random, with
// replacement. It also returns how many officials met someone, and the
// fewest and most `<met>` edges among the busiest picked.
func sample(ctx context.Context, st *graph.Store, g *gazetteer.Gazetteer, n, busiest int, seed uint64) (out []*gazetteer.Official, pool int, fewest, most int, err error) {
	type met struct {
		o     *gazetteer.Official
		edges int
	}
	var all []met
	for _, o := range g.Officials {
		offs, err := st.FindOfficials(ctx, o.Name)
		if err != nil {
			return nil, 0, 0, 0, err
		}
		if len(offs) != 1 {
			continue // an ambiguous name would make `met` ask which
		}
		res, err := st.Gizmo(ctx, fmt.Sprintf(`g.Emit(g.V("<%s>").Out("<met>").Count())`, schema.OfficialIRI(o.ID)), 0)
		if err != nil {
			// Cayley's kv backends fail Count() on an empty Out()
			// ("kv: not found"): no meeting.
			continue
		}
		if len(res.Results) != 1 {
			continue
		}
		if c, err := strconv.Atoi(fmt.Sprint(res.Results[0])); err == nil && c > 0 {
			all = append(all, met{o, c})
		}
	}
	if len(all) == 0 {
		return nil, 0, 0, 0, fmt.Errorf("no official in the store met anyone")
	}
	busiest = min(busiest, n, len(all))
	out = make([]*gazetteer.Official, 0, n)
	if busiest > 0 {
		top := append([]met(nil), all...)
		sort.SliceStable(top, func(i, j int) bool { return top[i].edges > top[j].edges })
		for _, m := range top[:busiest] {
			out = append(out, m.o)
		}
		fewest, most = top[busiest-1].edges, top[0].edges
	}
	r := rand.New(rand.NewPCG(seed, 0))
	for len(out) < n {
		out = append(out, all[r.IntN(len(all))].o)
	}
	return out, len(all), fewest, most, nil
}

// percentiles summarises durations in milliseconds.
func percentiles(d []time.Duration) map[string]float64 {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 {
		i := int(p * float64(len(d)-1))
		return float64(d[i].Microseconds()) / 1000
	}
	var sum time.Duration
	for _, x := range d {
		sum += x
	}
	return map[string]float64{
		"median_ms": at(0.5), "p90_ms": at(0.9), "p99_ms": at(0.99), "max_ms": at(1),
		"mean_ms": float64(sum.Microseconds()) / 1000 / float64(len(d)),
	}
}

// metCmd times what `dipgraph met NAME` does once the store is open:
// FindOfficials and Met with every detail, for n random officials.
func metCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("met", flag.ExitOnError)
	db := fs.String("db", "", "store")
	n := fs.Int("n", 1000, "questions")
	busiest := fs.Int("busiest", 0, "of the questions, one for each of this many busiest officials (most <met> edges); the rest at random")
	seed := fs.Uint64("seed", 1, "seed of the sample")
	prof := fs.String("cpuprofile", "", "write a CPU profile of the met questions to this file")
	fs.Parse(args)
	ctx := context.Background()
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(*db, graph.Options{})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	stop, err := startProfile(*prof)
	if err != nil {
		return nil, err
	}
	defer stop()
	stats, err := st.Stats(ctx)
	if err != nil {
		return nil, err
	}
	names, pool, fewest, most, err := sample(ctx, st, g, *n, *busiest, *seed)
	if err != nil {
		return nil, err
	}
	*busiest = min(*busiest, len(names), pool)
	times := make([]time.Duration, 0, len(names))
	rows := 0
	for _, o := range names {
		start := time.Now()
		offs, err := st.FindOfficials(ctx, o.Name)
		if err != nil {
			return nil, err
		}
		if len(offs) != 1 {
			return nil, fmt.Errorf("%s: %d officials", o.Name, len(offs))
		}
		r, err := st.Met(ctx, offs[0].ID, false)
		if err != nil {
			return nil, err
		}
		times = append(times, time.Since(start))
		rows += len(r)
	}
	// The baseline: one Gizmo hop for the same officials.
	hops := make([]time.Duration, 0, len(names))
	for _, o := range names {
		start := time.Now()
		if _, err := st.Gizmo(ctx, fmt.Sprintf(`g.V("<%s>").Out("<met>").All()`, schema.OfficialIRI(o.ID)), 0); err != nil {
			return nil, err
		}
		hops = append(hops, time.Since(start))
	}
	out := map[string]any{"questions": len(names), "quads": stats.Quads, "mean_rows": float64(rows) / float64(len(names)), "officials_met": pool}
	if *busiest > 0 {
		b := percentiles(append([]time.Duration(nil), times[:*busiest]...))
		out["busiest"] = *busiest
		out["busiest_median_ms"], out["busiest_max_ms"] = b["median_ms"], b["max_ms"]
		out["busiest_edges_min"], out["busiest_edges_max"] = fewest, most
		if len(times) > *busiest {
			rest := percentiles(append([]time.Duration(nil), times[*busiest:]...))
			out["random_median_ms"], out["random_p99_ms"] = rest["median_ms"], rest["p99_ms"]
		}
	}
	for k, v := range percentiles(times) {
		out[k] = v
	}
	out["gizmo_median_ms"] = percentiles(hops)["median_ms"]
	return out, nil
}

// metProcCmd runs `BIN --db STORE met NAME` for n random officials and
// times each process from start to exit.
func metProcCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("metproc", flag.ExitOnError)
	db := fs.String("db", "", "store")
	bin := fs.String("bin", "dipgraph", "dipgraph binary")
	n := fs.Int("n", 50, "processes")
	seed := fs.Uint64("seed", 2, "seed of the sample")
	fs.Parse(args)
	ctx := context.Background()
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(*db, graph.Options{})
	if err != nil {
		return nil, err
	}
	names, _, _, _, err := sample(ctx, st, g, *n, 0, *seed)
	st.Close()
	if err != nil {
		return nil, err
	}
	times := make([]time.Duration, 0, len(names))
	for _, o := range names {
		cmd := exec.Command(*bin, "--db", *db, "met", o.Name)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%s met %q: %v: %s", *bin, o.Name, err, out)
		}
		times = append(times, time.Since(start))
	}
	out := map[string]any{"processes": len(names)}
	for k, v := range percentiles(times) {
		out[k] = v
	}
	return out, nil
}
