package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/pipeline"
)

// generated is a JSON Lines corpus made as it is read, n records of
// about size bytes. It checks, each time a record is read, that no more
// than ahead records are read beyond the articles handed on (done), and
// closes overrun (once) when more are.
type generated struct {
	n, size, ahead int
	done           atomic.Int64 // articles handed on, counted by the consumer
	next           int
	pending        string
	worst          atomic.Int64 // the most records read ahead of done
	overrun        chan struct{}
	once           sync.Once
}

func (g *generated) Read(p []byte) (int, error) {
	if g.pending == "" {
		if g.next == g.n {
			return 0, io.EOF
		}
		g.next++
		if d := int64(g.next) - g.done.Load(); d > g.worst.Load() {
			g.worst.Store(d)
			if d > int64(g.ahead) {
				g.once.Do(func() { close(g.overrun) })
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "Sáng 9/%d, lãnh đạo hai thành phố kết nghĩa đã gặp gỡ và bàn về hợp tác đào tạo nghề.", g.next%28+1)
		for b.Len() < g.size {
			fmt.Fprintf(&b, " Hai bên cũng trao đổi về chương trình học bổng và trại hè thanh niên lần thứ %d.", b.Len())
		}
		g.pending = fmt.Sprintf("{\"url\": \"https://bao.example.vn/tin-%d\", \"text\": %q}\n", g.next, b.String())
	}
	k := copy(p, g.pending)
	g.pending = g.pending[k:]
	return k, nil
}

// Extraction of a JSON Lines corpus holds a bounded number of records
// whatever the corpus's size and however slow the consumer (a store
// writing a batch): beyond the articles handed on, at most the
// read-ahead of 8 per worker, the one the reader is queueing and what
// fits in the reader's 64 KiB buffer are read. The consumer holds the
// first article until the reader overruns that bound or for a second: a
// correct reader passes whatever the timing; one that reads the whole
// input, or queues without bound, overruns at once and fails.
func TestExtractionReadsABoundedWayAhead(t *testing.T) {
	const size, workers = 2048, 2
	g := &generated{n: 600, size: size, ahead: 8*workers + 1 + 64<<10/size + 2, overrun: make(chan struct{})}
	in := pipeline.Input{Paths: []string{corpus.Stdin}, Read: corpus.Options{Stdin: g}}
	k := 0
	err := pipeline.ExtractInput(context.Background(), in, defaultGazetteer(t), extract.Options{}, workers, func(e pipeline.Extracted) error {
		if e.Err != nil {
			return fmt.Errorf("article %d: %w", k+1, e.Err)
		}
		if k == 0 {
			select {
			case <-g.overrun:
			case <-time.After(time.Second):
			}
		}
		k++
		g.done.Store(int64(k))
		if want := fmt.Sprintf("https://bao.example.vn/tin-%d", k); e.Article.URL != want {
			return fmt.Errorf("article %d is %s, want %s", k, e.Article.URL, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if k != g.n {
		t.Errorf("%d articles, want %d", k, g.n)
	}
	t.Logf("at most %d records read ahead of the articles handed on (bound %d)", g.worst.Load(), g.ahead)
	if w := g.worst.Load(); w > int64(g.ahead) {
		t.Errorf("%d records read ahead of the articles handed on, more than %d", w, g.ahead)
	}
}
