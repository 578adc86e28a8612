// Command dipgraph builds a knowledge graph of diplomatic meetings from news
// articles and answers questions about it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
)

func main() {
	graph.RunWorkerIfAsked()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := newRoot()
	root.SetContext(ctx)
	if err := root.Execute(); err != nil {
		if ps, ok := gazetteer.IsProblems(err); ok {
			for _, p := range ps {
				fmt.Fprintln(os.Stderr, p.String())
			}
			fmt.Fprintf(os.Stderr, "dipgraph: %d gazetteer problem(s)\n", len(ps))
		} else if !errors.Is(err, errSilent) {
			fmt.Fprintln(os.Stderr, "dipgraph:", err)
		}
		os.Exit(1)
	}
}

// errSilent ends a command with a failure whose message was already printed.
var errSilent = errors.New("failed")
