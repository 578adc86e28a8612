// Package pipeline runs dipgraph's main jobs over many articles: reading,
// extracting on all cores, and writing each article to the store in one
// transaction.
package pipeline

import (
	"context"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"io"
	"path/filepath"
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
	Paths []string
	// Read says how records are read (--field mappings, standard input).
	Read      corpus.Options
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
	// Duplicates are articles with the same normalised text as one built
	// before them (a story syndicated under two URLs): both are stored,
	// and met counts them as one source.
	Duplicates []Duplicate `json:"likely_duplicates,omitempty"`
}

// Duplicate is an article whose text is that of another.
type Duplicate struct {
	Article string `json:"article"`
	Of      string `json:"of"`
	Path    string `json:"path"`
	URL     string `json:"url,omitempty"`
}

// Extracted is one article's extraction.
type Extracted struct {
	Path    string          // the file it was read from ("-": standard input)
	Article *corpus.Article // what was read: id, URL, title, position, language
	Result  *fact.Result
	Err     error
}

// Input is what an extraction reads: files and folders (or "-"), and how
// their records are read.
type Input struct {
	Paths []string
	Read  corpus.Options
}

// ExtractAll reads and extracts the articles under paths on all cores and
// calls fn for each, in file order. Unreadable files come with Err set.
func ExtractAll(ctx context.Context, paths []string, g *gazetteer.Gazetteer, eo extract.Options, workers int, fn func(Extracted) error) error {
	return ExtractInput(ctx, Input{Paths: paths}, g, eo, workers, fn)
}

// ExtractInput is ExtractAll with record options. Files of folders that
// have no extension dipgraph reads come first, with an "unsupported
// extension" Err.
func ExtractInput(ctx context.Context, in Input, g *gazetteer.Gazetteer, eo extract.Options, workers int, fn func(Extracted) error) error {
	srcs, unsupported, err := corpus.Sources(in.Paths)
	if err != nil {
		return err
	}
	for i := range unsupported {
		if err := fn(Extracted{Path: unsupported[i].Path, Err: &unsupported[i]}); err != nil {
			return err
		}
	}
	return extractSources(ctx, srcs, in.Read, g, eo, workers, fn)
}

// ExtractFiles is ExtractAll for a list of article files already found.
func ExtractFiles(ctx context.Context, files []string, g *gazetteer.Gazetteer, eo extract.Options, workers int, fn func(Extracted) error) error {
	srcs := make([]corpus.Source, len(files))
	for i, f := range files {
		srcs[i] = corpus.Source{Path: f, Root: filepath.Dir(f)}
	}
	return extractSources(ctx, srcs, corpus.Options{}, g, eo, workers, fn)
}

// extractSources reads the sources one after the other, record by record,
// extracts the articles on workers goroutines and calls fn for each in
// order. At most 8 per worker are read ahead of fn: memory stays flat
// whatever the number of records, and when the store is slower than
// extraction.
func extractSources(ctx context.Context, srcs []corpus.Source, ro corpus.Options, g *gazetteer.Gazetteer, eo extract.Options, workers int, fn func(Extracted) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if eo.Today.IsZero() {
		now := time.Now()
		eo.Today = schema.DayDate(now.Year(), int(now.Month()), now.Day())
	}
	type job struct {
		a   *corpus.Article
		out chan Extracted
	}
	jobs := make(chan job)
	order := make(chan chan Extracted, 8*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- extractOne(j.a, g, eo)
			}
		}()
	}
	// The reader: records in order, each with the channel its
	// extraction comes back on.
	go func() {
		defer close(order)
		defer close(jobs)
		queue := func(e Extracted, a *corpus.Article) error {
			ch := make(chan Extracted, 1)
			if a == nil {
				ch <- e
			}
			select {
			case order <- ch:
			case <-ctx.Done():
				return ctx.Err()
			}
			if a != nil {
				select {
				case jobs <- job{a, ch}:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		}
		for _, src := range srcs {
			err := readSource(src, ro, func(a *corpus.Article, err error) error {
				if err != nil {
					return queue(Extracted{Path: src.Path, Err: err}, nil)
				}
				return queue(Extracted{}, a)
			})
			if err != nil {
				return
			}
		}
	}()
	var ferr error
	for ch := range order {
		if ferr != nil {
			continue // drain, so that the reader ends
		}
		var e Extracted
		select {
		case e = <-ch:
		case <-ctx.Done():
			ferr = ctx.Err()
			cancel()
			continue
		}
		if err := fn(e); err != nil {
			ferr = err
			cancel()
		}
	}
	wg.Wait()
	if ferr == nil {
		ferr = ctx.Err()
	}
	return ferr
}

// readSource reads one source; a panic in a reader (a bug, or a library's)
// costs the rest of that file only, reported as skipped.
func readSource(src corpus.Source, ro corpus.Options, fn func(*corpus.Article, error) error) (err error) {
	failed := false
	defer func() {
		if r := recover(); r != nil && !failed {
			failed = true
			err = fn(nil, &corpus.Skipped{Path: src.Path, Reason: fmt.Sprintf("bad record: reader failed: %v", r)})
		}
	}()
	return corpus.ReadSource(src, ro, fn)
}

// extractOne extracts one article. A panic in the extractor (a bug) costs
// that article only: it is reported as skipped, the build goes on.
func extractOne(a *corpus.Article, g *gazetteer.Gazetteer, eo extract.Options) (e Extracted) {
	e.Path, e.Article = a.Path, a
	defer func() {
		if r := recover(); r != nil {
			e.Result, e.Err = nil, &corpus.Skipped{Path: a.Path, Position: a.Position, Reason: fmt.Sprintf("extractor failed: %v", r)}
		}
	}()
	e.Result = extract.Extract(g, a.ID, a.Text, eo)
	return e
}

// Source is what the graph keeps of where an article came from.
func Source(a *corpus.Article) graph.ArticleSource {
	if a == nil {
		return graph.ArticleSource{}
	}
	return graph.ArticleSource{File: a.Path, URL: a.URL, Title: a.Title, Position: a.Position, Language: a.Lang, Digest: a.Digest}
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
	// Article id → where its first article came from: a file of files
	// and a record number, small for 100,000 records.
	type origin struct{ file, record int32 }
	ids := map[string]origin{}
	var files []string
	fileNo := map[string]int32{}
	digests := map[string]string{} // text digest → first article id
	last := time.Time{}
	w := NewBatchWriter(opt.Store, BatchOptions{})
	defer w.Stop()
	err = ExtractInput(ctx, Input{Paths: opt.Paths, Read: opt.Read}, opt.Gazetteer, opt.Extract, opt.Workers, func(e Extracted) error {
		if e.Err != nil {
			if s, ok := corpus.IsSkipped(e.Err); ok {
				sum.Skipped = append(sum.Skipped, *s)
				sum.ByReason[reasonKind(s.Reason)]++
				return nil
			}
			return e.Err
		}
		r := e.Result
		where := e.Path
		if e.Article != nil && e.Article.Position != "" {
			where += " (" + e.Article.Position + ")"
		}
		if prev, ok := ids[r.Article]; ok {
			by := files[prev.file]
			if prev.record > 0 {
				by += fmt.Sprintf(" (record %d)", prev.record)
			}
			s := corpus.Skipped{Path: e.Path, Position: e.Article.Position, Reason: fmt.Sprintf("article id %q already used by %s", r.Article, by)}
			sum.Skipped = append(sum.Skipped, s)
			sum.ByReason["duplicate id"]++
			return nil
		}
		fn, ok := fileNo[e.Path]
		if !ok {
			fn = int32(len(files))
			files = append(files, e.Path)
			fileNo[e.Path] = fn
		}
		ids[r.Article] = origin{fn, int32(e.Article.Record)}
		if d := e.Article.Digest; d != "" {
			if prev, ok := digests[d]; ok {
				sum.Duplicates = append(sum.Duplicates, Duplicate{Article: r.Article, Of: prev, Path: where, URL: e.Article.URL})
			} else {
				digests[d] = r.Article
			}
		}
		for _, warn := range r.Warnings {
			sum.Warnings = append(sum.Warnings, where+": "+warn)
		}
		qs := graph.ArticleQuadsFrom(opt.Gazetteer, Source(e.Article), r)
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
			fmt.Fprintf(opt.Progress, "\r%d articles (%d skipped), %d officials, %d meetings", sum.Articles, len(sum.Skipped), len(officials), len(meetings))
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
	sort.SliceStable(sum.Skipped, func(i, j int) bool { return sum.Skipped[i].Path < sum.Skipped[j].Path })
	sum.Duration = time.Since(start)
	return sum, nil
}

// reasonKind groups skip reasons for the summary.
func reasonKind(reason string) string {
	for _, k := range []string{"empty file", "binary file", "not valid UTF-8", "file too large", "legacy encoding", "HTML",
		"unsupported extension", "not Vietnamese", "no text", "bad record", "cannot read", "not a regular file", "extractor failed"} {
		if len(reason) >= len(k) && reason[:len(k)] == k {
			return k
		}
	}
	return reason
}
