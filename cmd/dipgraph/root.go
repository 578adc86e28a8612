package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
)

// globals are the flags every command shares.
type globals struct {
	db         string
	gazetteers []string
}

func newRoot() *cobra.Command {
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
	root.PersistentFlags().StringVar(&gl.db, "db", "dipgraph.db", `store: a bolt database file, or "memory"`)
	root.PersistentFlags().StringArrayVar(&gl.gazetteers, "gazetteer", nil, `gazetteer YAML file (repeatable; "default" is the embedded one; none given: the default)`)
	root.AddCommand(newBuild(&gl), newExtract(&gl), newQuery(&gl), newMet(&gl), newEval(&gl), newGazetteer(&gl), newRemove(&gl), newGen(&gl), newExport(&gl), newServe(&gl))
	return root
}

func (gl *globals) gazetteer() (*gazetteer.Gazetteer, error) {
	return gazetteer.Load(gl.gazetteers...)
}

func (gl *globals) store() (*graph.Store, error) {
	return graph.Open(gl.db, graph.Options{})
}

// isTerminal reports whether f is a terminal (not a pipe or file).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
