// Package pipeline runs dipgraph's main jobs over many articles: reading,
// extracting on all cores, and writing each article to the store in one
// transaction.
package pipeline

import (
	"context"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"io"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// Options of a build.
type Options struct {
	Paths     []string
	Gazetteer *gazetteer.Gazetteer
	Store     *graph.Store
	Extract   extract.Options
	// Progress, when not nil, receives a progress line as articles go by
	// (a terminal); nil keeps the build quiet.
	Progress io.Writer
	// Workers extracting at once; 0 means one per CPU.
	Workers int
}

// Summary is what a build did.
type Summary struct {
	Articles  int              `json:"articles"`
	Unchanged int              `json:"unchanged"`
	Skipped   []corpus.Skipped `json:"skipped,omitempty"`
	Officials int              `json:"officials"`
	Meetings  int              `json:"meetings"`
	Facts     int              `json:"facts"`
	// Added and Deleted count every quad written, the gazetteer's too;
	// GazetteerAdded and GazetteerDeleted are the gazetteer's part.
	Added            int            `json:"quads_added"`
	Deleted          int            `json:"quads_deleted"`
	GazetteerAdded   int            `json:"gazetteer_quads_added"`
	GazetteerDeleted int            `json:"gazetteer_quads_deleted"`
	Duration         time.Duration  `json:"duration_ns"`
	Store            graph.Stats    `json:"store"`
	ByReason         map[string]int `json:"skipped_by_reason,omitempty"`
	// Warnings name files with something odd but usable in them.
	Warnings []string `json:"warnings,omitempty"`
}

// Extracted is one article's extraction.
type Extracted struct {
	Path   string
	Result *fact.Result
	Err    error
}

// ExtractAll reads and extracts the articles under paths on all cores and
// calls fn for each, in file order. Unreadable files come with Err set.
func ExtractAll(ctx context.Context, paths []string, g *gazetteer.Gazetteer, eo extract.Options, workers int, fn func(Extracted) error) error {
	files, err := corpus.Files(paths)
	if err != nil {
		return err
	}
	return ExtractFiles(ctx, files, g, eo, workers, fn)
}

// ExtractFiles is ExtractAll for a list of article files already found.
func ExtractFiles(ctx context.Context, files []string, g *gazetteer.Gazetteer, eo extract.Options, workers int, fn func(Extracted) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		i    int
		path string
	}
	jobs := make(chan job)
	results := make([]chan Extracted, len(files))
	for i := range results {
		results[i] = make(chan Extracted, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// At most window articles are read ahead of fn: memory stays flat
	// when the store is slower than extraction.
	window := make(chan struct{}, 8*workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results[j.i] <- extractOne(j.path, g, eo)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, f := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, f}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var ferr error
	for i := range files {
		var e Extracted
		select {
		case e = <-results[i]:
		case <-ctx.Done():
			ferr = ctx.Err()
		}
		if ferr != nil {
			break
		}
		results[i] = nil
		<-window
		if err := fn(e); err != nil {
			ferr = err
			break
		}
	}
	cancel()
	wg.Wait()
	return ferr
}

// extractOne reads and extracts one file. A panic in the extractor (a bug)
// costs that file only: it is reported as skipped, the build goes on.
func extractOne(path string, g *gazetteer.Gazetteer, eo extract.Options) (e Extracted) {
	e.Path = path
	defer func() {
		if r := recover(); r != nil {
			e.Result, e.Err = nil, &corpus.Skipped{Path: path, Reason: fmt.Sprintf("extractor failed: %v", r)}
		}
	}()
	a, err := corpus.Read(path)
	if err != nil {
		e.Err = err
		return e
	}
	if eo.Today.IsZero() {
		now := time.Now()
		eo.Today = schema.DayDate(now.Year(), int(now.Month()), now.Day())
	}
	e.Result = extract.Extract(g, a.ID, a.Text, eo)
	return e
}

// Build extracts the articles under the paths and writes them to the store,
// each in one transaction that replaces what the store held for it.
func Build(ctx context.Context, opt Options) (*Summary, error) {
	start := time.Now()
	sum := &Summary{ByReason: map[string]int{}}
	gadd, gdel, err := opt.Store.ReplaceUnlessSame(ctx, schema.GazetteerLabel, graph.GazetteerQuads(opt.Gazetteer))
	if err != nil {
		return nil, fmt.Errorf("write gazetteer: %w", err)
	}
	sum.GazetteerAdded, sum.GazetteerDeleted = gadd, gdel
	sum.Added, sum.Deleted = gadd, gdel
	officials := map[string]bool{}
	meetings := map[string]bool{}
	ids := map[string]string{} // article id → first file
	files, err := corpus.Files(opt.Paths)
	if err != nil {
		return nil, err
	}
	total := len(files)
	last := time.Time{}
	w := NewBatchWriter(opt.Store, BatchOptions{})
	defer w.Stop()
	err = ExtractFiles(ctx, files, opt.Gazetteer, opt.Extract, opt.Workers, func(e Extracted) error {
		if e.Err != nil {
			if s, ok := corpus.IsSkipped(e.Err); ok {
				sum.Skipped = append(sum.Skipped, *s)
				sum.ByReason[reasonKind(s.Reason)]++
				return nil
			}
			return e.Err
		}
		r := e.Result
		if prev, ok := ids[r.Article]; ok {
			s := corpus.Skipped{Path: e.Path, Reason: fmt.Sprintf("article id %q already used by %s", r.Article, prev)}
			sum.Skipped = append(sum.Skipped, s)
			sum.ByReason["duplicate id"]++
			return nil
		}
		ids[r.Article] = e.Path
		for _, warn := range r.Warnings {
			sum.Warnings = append(sum.Warnings, e.Path+": "+warn)
		}
		qs := graph.ArticleQuads(opt.Gazetteer, e.Path, r)
		err := w.Replace(ctx, graph.Change{Label: graph.ArticleLabel(r.Article), Quads: qs}, func(c graph.Change) {
			sum.Articles++
			if c.Added == 0 && c.Deleted == 0 {
				sum.Unchanged++
			}
			sum.Added += c.Added
			sum.Deleted += c.Deleted
		})
		if err != nil {
			return err
		}
		sum.Facts += len(r.Holds) + len(r.Meetings)
		for _, o := range r.Officials {
			officials[o.ID] = true
		}
		for n, m := range r.Meetings {
			meetings[schema.MeetingID(m.Participants, m.Date, r.Article, n)] = true
			sum.Facts += len(m.Topics)
		}
		if opt.Progress != nil && time.Since(last) > 100*time.Millisecond {
			last = time.Now()
			done := sum.Articles + len(sum.Skipped)
			fmt.Fprintf(opt.Progress, "\r%d/%d articles, %d officials, %d meetings", done, total, len(officials), len(meetings))
		}
		return nil
	})
	if err == nil {
		err = w.Flush(ctx)
	}
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "\r\033[K")
	}
	if err != nil {
		return sum, err
	}
	sum.Officials, sum.Meetings = len(officials), len(meetings)
	sort.Slice(sum.Skipped, func(i, j int) bool { return sum.Skipped[i].Path < sum.Skipped[j].Path })
	sum.Duration = time.Since(start)
	return sum, nil
}

// reasonKind groups skip reasons for the summary.
func reasonKind(reason string) string {
	for _, k := range []string{"empty file", "binary file", "not valid UTF-8", "file too large", "legacy encoding", "HTML"} {
		if len(reason) >= len(k) && reason[:len(k)] == k {
			return k
		}
	}
	return reason
}
