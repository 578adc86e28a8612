package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/gold"
)

// targets are the figures the extractor must reach (issue: pipeline).
var targets = map[string]float64{"met": 1.0, "officials": 0.95, "meetings": 0.95, "holds": 0.95, "topics": 0.85}

var accuracyTargets = map[string]float64{"date": 0.95, "kind": 0.95, "location": 0.95}

func checkReport(t *testing.T, rep *gold.Report, figures map[string]float64, accs map[string]float64) {
	t.Helper()
	for name, want := range figures {
		if f := rep.Figure(name); f.F1 < want {
			t.Errorf("%s F1 = %.3f (P %.3f R %.3f), want ≥ %.2f", name, f.F1, f.Precision, f.Recall, want)
		}
	}
	for name, want := range accs {
		if a := rep.Accuracy(name); a.Share < want {
			t.Errorf("%s accuracy = %.3f (%d/%d), want ≥ %.2f", name, a.Share, a.Right, a.Total, want)
		}
	}
	if t.Failed() {
		for _, it := range rep.Misses {
			t.Logf("missed %s %s: %s", it.Figure, it.Article, it.Fact)
		}
		for _, it := range rep.False {
			t.Logf("false %s %s: %s", it.Figure, it.Article, it.Fact)
		}
		for _, it := range rep.Wrong {
			t.Logf("wrong %s %s: %s", it.Figure, it.Article, it.Fact)
		}
	}
}

// TestSeedsScore scores the five real seed articles against their gold
// (skipped where ../shared is absent).
func TestSeedsScore(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "seeds")); err != nil {
		t.Skip("../shared/seeds not present")
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(context.Background(), []string{filepath.Join(shared, "gold", "seeds.gold.yaml")},
		[]string{filepath.Join(shared, "seeds")}, g, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, targets, accuracyTargets)
}

// corpusFloors: the project's own test corpus must reach the same targets
// as the seeds (the pipeline issue: "scores at least as well").
var corpusFloors = targets

var corpusAccuracyFloors = accuracyTargets

// TestCorpusScore scores the 24-article test corpus (testdata/corpus)
// written for the project.
func TestCorpusScore(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "testdata", "corpus")
	rep, err := Evaluate(context.Background(), []string{filepath.Join(dir, "a.gold.yaml"), filepath.Join(dir, "b.gold.yaml")},
		[]string{dir}, g, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, corpusFloors, corpusAccuracyFloors)
}

// TestExamplesScore scores the example articles shipped in examples/.
func TestExamplesScore(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "examples")
	rep, err := Evaluate(context.Background(), []string{filepath.Join(dir, "articles.gold.yaml")},
		[]string{filepath.Join(dir, "articles")}, g, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, map[string]float64{"officials": 0.98, "meetings": 0.80, "planned": 0.90, "holds": 0.98, "topics": 0.90}, map[string]float64{"date": 0.9, "kind": 0.95, "location": 0.95})
}

// realFloors are the development set's figures as measured (2026-12-04),
// each at or a little below its value:
// a change that lowers one shows here (skipped where ../shared/real is
// absent).
var realFloors = map[string]float64{"officials": 0.99, "met": 0.98, "meetings": 0.97, "planned": 0.97, "holds": 0.975, "topics": 0.84}

var realAccuracyFloors = map[string]float64{"kind": 0.95, "location": 0.89, "date": 0.98, "published": 0.95}

// TestRealScore scores the 32 real development articles of ../shared/real.
func TestRealScore(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "real")
	if _, err := os.Stat(filepath.Join(dir, "real.gold.yaml")); err != nil {
		t.Skip("../shared/real not present")
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(context.Background(), []string{filepath.Join(dir, "real.gold.yaml")},
		[]string{filepath.Join(dir, "articles")}, g, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, realFloors, realAccuracyFloors)
}
