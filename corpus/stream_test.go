package corpus_test

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/corpus"
)

// generated is a JSON Lines corpus made as it is read, n records of
// about size bytes: nothing of a record exists before the reader asks
// for it, so started (the records of which a byte has been read) tells
// how far the reader has read ahead of what it has handed on.
type generated struct {
	n, size int
	next    int
	pending string
	started int
}

func (g *generated) Read(p []byte) (int, error) {
	if g.pending == "" {
		if g.next == g.n {
			return 0, io.EOF
		}
		g.next++
		g.started = g.next
		g.pending = generatedRecord(g.next, g.size)
	}
	k := copy(p, g.pending)
	g.pending = g.pending[k:]
	return k, nil
}

// generatedRecord is record i: a Vietnamese text of about size bytes
// under "text", its own URL.
func generatedRecord(i, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Ngày 3/%d, đoàn đại biểu hai tỉnh đã trao đổi về hợp tác giáo dục, văn hóa và du lịch tại thành phố cảng.", i%28+1)
	for b.Len() < size {
		fmt.Fprintf(&b, " Các bên nhất trí tăng cường giao lưu nhân dân và mở thêm đường bay thứ %d.", b.Len())
	}
	return fmt.Sprintf("{\"url\": \"https://tin.example.vn/bai-%d.html\", \"text\": %q}\n", i, b.String())
}

// A JSON Lines file is read record by record: when record k is handed
// on, the reader has read no further than its input buffer past it —
// not the whole file, whatever its length.
func TestJSONLinesAreStreamed(t *testing.T) {
	const size = 2048
	g := &generated{n: 2000, size: size}
	// The reader's buffer (64 KiB) holds at most this many records
	// ahead, plus the one being read.
	ahead := 64<<10/size + 2
	seen := 0
	err := corpus.ReadSource(corpus.Source{Path: corpus.Stdin}, corpus.Options{Stdin: g}, func(a *corpus.Article, err error) error {
		if err != nil {
			return fmt.Errorf("record %d: %w", seen+1, err)
		}
		seen++
		if a.Record != seen || a.URL != fmt.Sprintf("https://tin.example.vn/bai-%d.html", seen) {
			return fmt.Errorf("record %d: got record %d, %s", seen, a.Record, a.URL)
		}
		if g.started > seen+ahead {
			return fmt.Errorf("record %d handed on after %d records were read: more than %d ahead", seen, g.started, ahead)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != g.n {
		t.Errorf("%d records read, want %d", seen, g.n)
	}
}

// BenchmarkRead reads the same 500 articles as .txt files and as one
// JSON Lines file (ns/op is per article): a record should cost no more
// than a file.
func BenchmarkRead(b *testing.B) {
	const n = 500
	dir := b.TempDir()
	var jsonl strings.Builder
	for i := 1; i <= n; i++ {
		rec := generatedRecord(i, 2048)
		var v struct{ Text string }
		if err := json.Unmarshal([]byte(rec), &v); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(v.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		jsonl.WriteString(rec)
	}
	jl := filepath.Join(b.TempDir(), "all.jsonl")
	if err := os.WriteFile(jl, []byte(jsonl.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	srcs, _, err := corpus.Sources([]string{dir})
	if err != nil || len(srcs) != n {
		b.Fatalf("%d sources, %v", len(srcs), err)
	}
	for _, tc := range []struct {
		name string
		srcs []corpus.Source
	}{
		{"txt", srcs},
		{"jsonl", []corpus.Source{{Path: jl, Root: filepath.Dir(jl)}}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				got := 0
				for _, s := range tc.srcs {
					err := corpus.ReadSource(s, corpus.Options{}, func(a *corpus.Article, err error) error {
						if err != nil {
							return err
						}
						got++
						return nil
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				if got != n {
					b.Fatalf("%d articles, want %d", got, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
		})
	}
}
