package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

// reasons are the phrases a Skipped reason from Decode begins with.
var reasons = []string{"empty file", "binary file", "not valid UTF-8", "not valid UTF-16", "legacy encoding", "HTML page without text", "file too large"}

// FuzzRead feeds arbitrary bytes to the article reader and the text it
// gives to the extractor: no panic, a Skipped error with a known reason, or
// NFC UTF-8 text whose evidence spans are in range.
//
//	go test ./corpus -run='^$' -fuzz=FuzzRead -fuzztime=60s
func FuzzRead(f *testing.F) {
	g, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	// Seeds: the first lines of a few test articles (short, so that each
	// run and the minimising of what the fuzzer finds stay fast).
	paths, _ := filepath.Glob("../testdata/corpus/a0*.txt")
	for _, p := range paths[:min(3, len(paths))] {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		b = firstBytes(b, 600)
		f.Add(b, false)
		f.Add([]byte(strings.ReplaceAll(string(b), "\n", "\r\n")), false)
		f.Add([]byte(norm.NFD.String(string(b))), false)
		f.Add([]byte(htmlPage(string(b))), true)
		if cp, err := tryWindows1258(string(b)); err == nil {
			f.Add(cp, false)
		}
	}
	f.Add([]byte("\ufeffdate 2020-02-31\nÔng Mo\u200bon hội\u00adđàm.\r"), false)
	f.Add([]byte("Boä tröôûng Ngoaïi giao hai nöôùc ñaõ hoäi ñaøm taïi Haø Noäi.\xe4\xf8"), false)
	f.Add([]byte("<html><head><meta name=\"pubdate\" content=\"2020-13-45\"><title>x</title><body><pre>a\nb</pre><p>&amp;&#x1F600;</p>"), true)
	f.Add(utf16LE("Hội đàm"), false)
	f.Add([]byte{0xff, 0xfe, 0x00, 0xd8}, false)
	f.Add([]byte("%PDF-1.4"), false)
	f.Fuzz(func(t *testing.T, data []byte, isHTML bool) {
		path := "f.txt"
		if isHTML {
			path = "f.html"
		}
		a, err := corpus.Decode(path, data)
		if err != nil {
			s, ok := corpus.IsSkipped(err)
			if !ok {
				t.Fatalf("error %v is not a Skipped", err)
			}
			if s.Path != path || !hasAnyPrefix(s.Reason, reasons) {
				t.Fatalf("skip %q: unknown reason or path", err)
			}
			return
		}
		if !utf8.ValidString(a.Text) || !norm.NFC.IsNormalString(a.Text) {
			t.Fatalf("text not NFC UTF-8: %q", a.Text)
		}
		if len(a.Text) > corpus.MaxText || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("text of %d bytes accepted", len(a.Text))
		}
		if a.FileOffsets && len(a.Text) != len(data) {
			t.Fatalf("FileOffsets with %d bytes of text for %d", len(a.Text), len(data))
		}
		r := extract.Extract(g, a.ID, a.Text, extract.Options{})
		for _, s := range r.Sentences {
			if s.Start < 0 || s.Start > s.End || s.End > len(a.Text) || a.Text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d-%d out of the text", s.Start, s.End)
			}
		}
	})
}

// firstBytes cuts b to at most n bytes at a line end.
func firstBytes(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	if i := strings.LastIndexByte(string(b[:n]), '\n'); i > 0 {
		return b[:i+1]
	}
	return b[:n]
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
