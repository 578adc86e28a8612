package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/gold"
)

// ExtractGold extracts the articles of the input and writes the facts in
// the gold format, each article with its URL and title when known, and
// for a record of a multi-record file its file as "NAME#N" (N the record
// number). Files and records that cannot be read are returned as
// skipped; files that hold no articles at all (an extension dipgraph does
// not read, a table without a text column) are left out.
func ExtractGold(ctx context.Context, in Input, g *gazetteer.Gazetteer, eo extract.Options) (*gold.File, []corpus.Skipped, error) {
	f := &gold.File{Articles: []gold.Article{}}
	var skipped []corpus.Skipped
	err := ExtractInput(ctx, in, g, eo, 0, func(e Extracted) error {
		if e.Err != nil {
			if s, ok := corpus.IsSkipped(e.Err); ok {
				if !s.NotArticles() {
					skipped = append(skipped, *s)
				}
				return nil
			}
			return e.Err
		}
		a := gold.FromResult(g, e.Path, e.Result)
		if a.File == corpus.Stdin {
			a.File = "stdin"
		}
		if art := e.Article; art != nil {
			if art.Record > 0 {
				a.File = fmt.Sprintf("%s#%d", a.File, art.Record)
			}
			a.URL, a.Title = art.URL, art.Title
		}
		f.Articles = append(f.Articles, a)
		return nil
	})
	return f, skipped, err
}

// Evaluate scores the extraction of the articles under paths against gold
// files (their articles together).
func Evaluate(ctx context.Context, goldPaths []string, paths []string, g *gazetteer.Gazetteer, eo extract.Options) (*gold.Report, error) {
	want := &gold.File{}
	for _, p := range goldPaths {
		f, err := gold.Load(p)
		if err != nil {
			return nil, err
		}
		want.Articles = append(want.Articles, f.Articles...)
	}
	got, _, err := ExtractGold(ctx, Input{Paths: paths}, g, eo)
	if err != nil {
		return nil, err
	}
	// The topics the gold can hold: a topics.yaml beside the first gold
	// file (the taxonomy its annotators used), else every topic.
	var taxonomy map[string]bool
	if tf := filepath.Join(filepath.Dir(goldPaths[0]), "topics.yaml"); fileExists(tf) {
		if taxonomy, err = gold.LoadTaxonomy(tf); err != nil {
			return nil, err
		}
	}
	return gold.ScoreTopics(want, got, taxonomy), nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
