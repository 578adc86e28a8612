package main

import (
	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
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
	root.PersistentFlags().StringVar(&gl.db, "db", "dipgraph.db", `store: a bolt database file, or "memory"`)
	root.PersistentFlags().StringArrayVar(&gl.gazetteers, "gazetteer", nil, `gazetteer YAML file (repeatable; "default" is the embedded one; none given: the default)`)
	root.AddCommand(newBuild(&gl, ios), newExtract(&gl, ios), newQuery(&gl, ios), newMet(&gl, ios), newEval(&gl, ios),
		newGazetteer(&gl, ios), newRemove(&gl, ios), newGen(&gl, ios), newExport(&gl, ios), newServe(&gl, ios))
	return root
}

func (gl *globals) gazetteer() (*gazetteer.Gazetteer, error) {
	return gazetteer.Load(gl.gazetteers...)
}

func (gl *globals) store() (*graph.Store, error) {
	return graph.Open(gl.db, graph.Options{})
}
