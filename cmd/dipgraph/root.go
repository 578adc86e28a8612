package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server"
)

// globals are the flags every command shares.
type globals struct {
	db         string
	gazetteers []string
}

func newRoot(ios *IO) *cobra.Command {
	var gl globals
	root := &cobra.Command{
		Use:   "dipgraph",
		Short: "A knowledge graph of diplomatic meetings, from news articles",
		Long: `dipgraph reads news articles about meetings between officials, extracts
facts with a gazetteer (officials, roles, meetings, topics), stores them in
an embedded Cayley graph and answers questions with Gizmo.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.Err)
	root.PersistentFlags().StringVar(&gl.db, "db", "dipgraph.db", `store: a path (a new store is a bolt file; an existing one opens with the backend it was made with), bolt:PATH, leveldb:PATH (a directory, 4× smaller, slower reads) or badger:PATH to choose a new store's backend, a postgres:// URL, or "memory"`)
	root.PersistentFlags().StringArrayVar(&gl.gazetteers, "gazetteer", nil, `gazetteer YAML file (repeatable; "default" is the embedded one; none given: the default)`)
	root.AddCommand(newBuild(&gl, ios), newExtract(&gl, ios), newQuery(&gl, ios), newMet(&gl, ios), newEval(&gl, ios),
		newGazetteer(&gl, ios), newRemove(&gl, ios), newGen(&gl, ios), newExport(&gl, ios), newServe(&gl, ios), newCheck(&gl, ios))
	return root
}

func (gl *globals) gazetteer() (*gazetteer.Gazetteer, error) {
	return gazetteer.Load(gl.gazetteers...)
}

// store opens the store for writing (creating it if needed), waiting up
// to lockWait for other processes to release it; with verify, an existing
// store is checked first (a bolt file's pages, every block of a leveldb
// store).
// verify false skips the check of an existing store's pages.
func (gl *globals) store(lockWait time.Duration, verify bool) (*graph.Store, error) {
	return graph.Open(gl.db, graph.Options{LockTimeout: lockWait, SkipVerify: !verify})
}

// readStore opens an existing store for reading; it never creates one.
func (gl *globals) readStore(lockWait time.Duration) (*graph.Store, error) {
	if gl.db == graph.Memory {
		return graph.Open(gl.db, graph.Options{})
	}
	return graph.OpenReadOnly(gl.db, graph.Options{LockTimeout: lockWait})
}

// defaultLockWait is how long build and remove wait for readers (a
// server's requests, exports) to let go of the store: longer than a
// server's request may hold it at the server's default --timeout, with
// room for the query's process to be killed and a busy machine, so that a
// writer is not refused behind a long query or export (new requests wait
// for the writer meanwhile). TestLockWaitOutlastsServerTimeout holds them
// together.
const defaultLockWait = server.DefaultServeTimeout + 5*time.Second
