// Package gctune holds the Go garbage collector settings of the commands
// (dipgraph, dgbench) for their kinds of work. It changes the whole
// process's runtime, so only main packages call it, once, before the work
// starts; library packages (pipeline, graph, extract) never do.
package gctune

import (
	"os"
	"runtime/debug"
)

// Build sets the Go garbage collector for a build, unless the GOGC or
// GOMEMLIMIT environment variables say otherwise: collect when the heap
// has grown by 200% instead of 100% (extraction makes many short-lived
// tokens and strings; it runs about 10% faster), under a soft limit of
// 512 MiB on the Go runtime's memory, which makes the collector work
// harder before a build's heap nears the 1 GiB it is meant to stay under
// (with the store's mapped pages: graph.Store releases those when the
// process's resident set passes 768 MiB).
// The live heap is 60–330 MB, most of it bolt's pages of the batch being
// committed; a lower limit made a 100k build collect without end.
func Build() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}

// Extract sets the Go garbage collector for extraction without a store
// (dipgraph extract, eval), unless GOGC or GOMEMLIMIT say otherwise: no
// collection until the Go runtime's memory nears a soft limit of 256 MiB.
// Extraction keeps a few MB alive while it makes many short-lived tokens
// and strings; collecting every few MB took 20–30% of its time on all
// cores (20,000 articles: 3.4–4.0 s with Go's default, 2.4–2.6 s so, at
// 260 MB peak RSS; 128 and 512 MiB were no faster). Past the limit the
// collector works as hard as Go lets it (about half the CPU at most), so
// a very large extraction gets slower, never stuck.
func Extract() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}
