package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/pipeline"
)

func main() {
	g, _ := gazetteer.Default()
	os.Remove(os.Args[2])
	st, err := graph.Open(os.Args[2], graph.Options{})
	if err != nil {
		panic(err)
	}
	f, _ := os.Create("/tmp/build.prof")
	pprof.StartCPUProfile(f)
	sum, err := pipeline.Build(context.Background(), pipeline.Options{Paths: []string{os.Args[1]}, Gazetteer: g, Store: st})
	pprof.StopCPUProfile()
	fmt.Println(sum.Added, sum.Duration, err)
	st.Close()
}
