// Command dipgraph builds a knowledge graph of diplomatic meetings from news
// articles and answers questions about it.
//
// Each command is an options struct, filled by its flags, and a run
// function that reads and writes only through the options' IO, so that
// tests run commands in-process with buffers and a fake terminal (see
// run and commands_test.go).
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
	code := run(ctx, systemIO(), os.Args[1:])
	stop()
	os.Exit(code)
}

// run runs dipgraph with args (without the program name) on ios and
// returns the exit status.
func run(ctx context.Context, ios *IO, args []string) int {
	root := newRoot(ios)
	root.SetArgs(args)
	return exitCode(ios, root.ExecuteContext(ctx))
}

// exitCode reports a command's error on ios.Err, unless it was printed
// already (errSilent), and returns the exit status: 0 without an error,
// else 1.
func exitCode(ios *IO, err error) int {
	if err == nil {
		return 0
	}
	if ps, ok := gazetteer.IsProblems(err); ok {
		for _, p := range ps {
			fmt.Fprintln(ios.Err, p.String())
		}
		fmt.Fprintf(ios.Err, "dipgraph: %d gazetteer problem(s)\n", len(ps))
	} else if !errors.Is(err, errSilent) {
		fmt.Fprintln(ios.Err, "dipgraph:", err)
	}
	return 1
}

// errSilent ends a command with a failure whose message was already printed.
var errSilent = errors.New("failed")
