// Command backends measures the reads of one store for bench/backends/run:
// `met` of the busiest officials in process (FindOfficials + Met, as
// dipgraph met does), a Gizmo 2-hop query from each, and `dipgraph met`
// as a whole process (its open of the store included). It prints one JSON
// object.
//
//	backends -db STORE -bin DIPGRAPH [-top 20] [-rounds 10] [-procs 20]
//	backends -db STORE -stats       the store's counts, opened for writing
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

func main() {
	graph.RunWorkerIfAsked()
	db := flag.String("db", "", "store (--db value)")
	bin := flag.String("bin", "dipgraph", "dipgraph binary, for the process latency")
	top := flag.Int("top", 20, "how many of the busiest officials")
	rounds := flag.Int("rounds", 10, "questions per official")
	procs := flag.Int("procs", 20, "dipgraph met processes")
	stats := flag.Bool("stats", false, "print only the store's counts (after opening it for writing, as a build would)")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the reads to this file")
	flag.Parse()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "backends:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if *stats {
		st, err := graph.Open(*db, graph.Options{})
		if err == nil {
			var s graph.Stats
			s, err = st.Stats(context.Background())
			st.Close()
			json.NewEncoder(os.Stdout).Encode(s)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "backends:", err)
			os.Exit(1)
		}
		return
	}
	out, err := run(context.Background(), *db, *bin, *top, *rounds, *procs)
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "backends:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(out)
	pprof.StopCPUProfile()
}

type busy struct {
	o    *gazetteer.Official
	meet int
}

func run(ctx context.Context, db, bin string, top, rounds, procs int) (map[string]any, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	st, err := graph.OpenReadOnly(db, graph.Options{})
	if err != nil {
		return nil, err
	}
	open := time.Since(start)
	defer st.Close()
	var pool []busy
	for _, o := range g.Officials {
		offs, err := st.FindOfficials(ctx, o.Name)
		if err != nil {
			return nil, err
		}
		if len(offs) != 1 {
			continue
		}
		rows, err := st.Met(ctx, offs[0].ID, false)
		if err != nil {
			return nil, err
		}
		if len(rows) > 0 {
			pool = append(pool, busy{o, len(rows)})
		}
	}
	if len(pool) == 0 {
		return nil, fmt.Errorf("no official in %s met anyone", db)
	}
	sort.Slice(pool, func(i, j int) bool { return pool[i].meet > pool[j].meet })
	pool = pool[:min(top, len(pool))]
	var met, hop2 []time.Duration
	rows, results := 0, 0
	for r := 0; r < rounds; r++ {
		for _, b := range pool {
			t := time.Now()
			offs, err := st.FindOfficials(ctx, b.o.Name)
			if err != nil || len(offs) != 1 {
				return nil, fmt.Errorf("%s: %v (%d officials)", b.o.Name, err, len(offs))
			}
			res, err := st.Met(ctx, offs[0].ID, false)
			if err != nil {
				return nil, err
			}
			met = append(met, time.Since(t))
			rows += len(res)
		}
	}
	for r := 0; r < max(1, rounds/5); r++ {
		for _, b := range pool {
			t := time.Now()
			q := fmt.Sprintf(`g.V("<%s>").Out("<met>").Out("<met>").Unique().All()`, schema.OfficialIRI(b.o.ID))
			res, err := st.Gizmo(ctx, q, 0)
			if err != nil {
				return nil, err
			}
			hop2 = append(hop2, time.Since(t))
			results += len(res.Results)
		}
	}
	st.Close()
	var proc []time.Duration
	for i := 0; i < procs; i++ {
		b := pool[i%len(pool)]
		cmd := exec.Command(bin, "--db", db, "met", b.o.Name)
		t := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%s met %q: %v: %s", bin, b.o.Name, err, out)
		}
		proc = append(proc, time.Since(t))
	}
	out := map[string]any{
		"open_ms": ms(open), "officials": len(pool), "busiest_meetings": pool[0].meet, "busiest_name": pool[0].o.Name,
		"met_rows": rows, "hop2_results": results,
	}
	for k, v := range pct(met) {
		out["met_"+k] = v
	}
	for k, v := range pct(hop2) {
		out["hop2_"+k] = v
	}
	for k, v := range pct(proc) {
		out["proc_"+k] = v
	}
	return out, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pct(d []time.Duration) map[string]float64 {
	if len(d) == 0 {
		return nil
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 { return ms(d[int(p*float64(len(d)-1))]) }
	return map[string]float64{"median_ms": at(0.5), "p99_ms": at(0.99)}
}
