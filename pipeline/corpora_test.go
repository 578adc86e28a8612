package pipeline_test

// Real corpora: the five example stories of examples/corpora as .txt,
// JSON Lines, CSV, saved HTML, a WARC file written by wget, compressed
// and on standard input give the same facts; bad records are reported
// and skipped; ids never collide and rebuilds change nothing.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gold"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/pipeline"
)

const corpora = "../examples/corpora"

// storyFacts extracts an input and returns its articles' facts (gold
// format without file, URL and title), sorted, and the articles.
func storyFacts(t *testing.T, in pipeline.Input) ([]string, []gold.Article, []corpus.Skipped) {
	t.Helper()
	f, skipped, err := pipeline.ExtractGold(context.Background(), in, defaultGazetteer(t), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var facts []string
	for _, a := range f.Articles {
		a.File, a.URL, a.Title = "", "", ""
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		facts = append(facts, string(b))
	}
	sort.Strings(facts)
	return facts, f.Articles, skipped
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipped(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zstded(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw, err := zstd.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wgetWARC serves the example HTML pages from a local server and crawls
// them with wget --warc-file; it returns the .warc(.gz) file.
func wgetWARC(t *testing.T, dir string, compress bool) string {
	t.Helper()
	wget, err := exec.LookPath("wget")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("wget is not installed (.ci/run installs it)")
		}
		t.Skip("wget is not installed")
	}
	pages, err := filepath.Glob(filepath.Join(corpora, "html", "*.html"))
	if err != nil || len(pages) != 5 {
		t.Fatalf("example pages: %v %v", pages, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(corpora, "html"))))
	defer srv.Close()
	args := []string{"-q", "--warc-file=" + filepath.Join(dir, "crawl"), "--no-warc-keep-log", "-O", os.DevNull, "--tries=1"}
	if !compress {
		args = append(args, "--no-warc-compression")
	}
	for _, p := range pages {
		args = append(args, srv.URL+"/"+filepath.Base(p))
	}
	if out, err := exec.Command(wget, args...).CombinedOutput(); err != nil {
		t.Fatalf("wget: %v\n%s", err, out)
	}
	if compress {
		return filepath.Join(dir, "crawl.warc.gz")
	}
	return filepath.Join(dir, "crawl.warc")
}

func TestFiveStoriesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	want, _, skipped := storyFacts(t, pipeline.Input{Paths: []string{filepath.Join(corpora, "txt")}})
	if len(want) != 5 || len(skipped) > 0 {
		t.Fatalf("the .txt stories: %d articles, skipped %v", len(want), skipped)
	}
	for _, f := range want {
		if !strings.Contains(f, `"status":"held"`) || !strings.Contains(f, `"published":"2025-`) {
			t.Fatalf("a .txt story without a dated held meeting: %s", f)
		}
	}
	jsonl := readFile(t, filepath.Join(corpora, "jsonl", "stories.jsonl"))
	csvFile := readFile(t, filepath.Join(corpora, "csv", "stories.csv"))
	writeFile(t, filepath.Join(dir, "c", "stories.jsonl.gz"), gzipped(t, jsonl))
	writeFile(t, filepath.Join(dir, "c", "stories.jsonl.zst"), zstded(t, jsonl))
	writeFile(t, filepath.Join(dir, "c", "stories.csv.gz"), gzipped(t, csvFile))
	var tsv bytes.Buffer
	tsv.WriteString("url\ttitle\tdate\tbody\n")
	for _, l := range strings.Split(strings.TrimSpace(string(jsonl)), "\n") {
		var rec map[string]string
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&tsv, "%s\t%s\t%s\t%s\n", rec["url"], rec["title"], rec["date_publish"], rec["maintext"])
	}
	writeFile(t, filepath.Join(dir, "c", "stories.tsv"), tsv.Bytes())
	var array []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(string(jsonl)), "\n") {
		var rec map[string]any
		json.Unmarshal([]byte(l), &rec)
		rec["body"], rec["pubdate"] = rec["maintext"], rec["date_publish"]
		delete(rec, "maintext")
		delete(rec, "date_publish")
		array = append(array, rec)
	}
	arr, _ := json.MarshalIndent(array, "", "  ")
	writeFile(t, filepath.Join(dir, "c", "stories.json"), arr)
	warcGz := wgetWARC(t, filepath.Join(dir, "w1"), true)
	warc := wgetWARC(t, filepath.Join(dir, "w2"), false)
	writeFile(t, filepath.Join(dir, "c", "stories.warc.zst"), zstded(t, readFile(t, warc)))
	mapped := corpus.Options{Fields: map[string]string{"text": "body", "date": "pubdate"}}

	for _, tc := range []struct {
		name      string
		in        pipeline.Input
		stdin     []byte // read anew for each run when not nil
		withURL   bool   // URL and title in every article
		positions string
	}{
		{"jsonl", pipeline.Input{Paths: []string{filepath.Join(corpora, "jsonl")}}, nil, true, `^line [1-5]$`},
		{"csv", pipeline.Input{Paths: []string{filepath.Join(corpora, "csv", "stories.csv")}}, nil, true, `^line [2-6]$`},
		{"html", pipeline.Input{Paths: []string{filepath.Join(corpora, "html")}}, nil, true, `^$`},
		{"warc.gz by wget", pipeline.Input{Paths: []string{warcGz}}, nil, true, `^offset \d+$`},
		{"warc by wget", pipeline.Input{Paths: []string{warc}}, nil, true, `^offset \d+$`},
		{"example warc.gz", pipeline.Input{Paths: []string{filepath.Join(corpora, "warc")}}, nil, true, `^offset \d+$`},
		{"warc.zst", pipeline.Input{Paths: []string{filepath.Join(dir, "c", "stories.warc.zst")}}, nil, true, `^offset \d+$`},
		{"jsonl.gz", pipeline.Input{Paths: []string{filepath.Join(dir, "c", "stories.jsonl.gz")}}, nil, true, `^line`},
		{"jsonl.zst", pipeline.Input{Paths: []string{filepath.Join(dir, "c", "stories.jsonl.zst")}}, nil, true, `^line`},
		{"csv.gz", pipeline.Input{Paths: []string{filepath.Join(dir, "c", "stories.csv.gz")}}, nil, true, `^line`},
		{"tsv, --field text=body", pipeline.Input{Paths: []string{filepath.Join(dir, "c", "stories.tsv")}, Read: corpus.Options{Fields: map[string]string{"text": "body"}}}, nil, true, `^line`},
		{"json array, --field text=body --field date=pubdate", pipeline.Input{Paths: []string{filepath.Join(dir, "c", "stories.json")}, Read: mapped}, nil, true, `^record`},
		{"stdin, jsonl", pipeline.Input{Paths: []string{"-"}}, jsonl, true, `^line`},
		{"stdin, gzipped csv", pipeline.Input{Paths: []string{"-"}}, gzipped(t, csvFile), true, `^line`},
		{"stdin, warc", pipeline.Input{Paths: []string{"-"}}, readFile(t, warc), true, `^offset`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.stdin != nil {
				tc.in.Read.Stdin = bytes.NewReader(tc.stdin)
			}
			got, arts, skipped := storyFacts(t, tc.in)
			if len(skipped) > 0 {
				t.Errorf("skipped %v", skipped)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("facts differ from the .txt stories\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
			}
			for _, a := range arts {
				if tc.withURL && (!strings.HasPrefix(a.URL, "https://tin.example.vn/the-gioi/") || a.Title == "") {
					t.Errorf("%s: url %q, title %q", a.File, a.URL, a.Title)
				}
			}
			// Built, the articles carry their source in the graph.
			st := openStore(t, graph.Memory)
			defer st.Close()
			if tc.stdin != nil {
				tc.in.Read.Stdin = bytes.NewReader(tc.stdin)
			}
			sum, err := pipeline.Build(context.Background(), pipeline.Options{Paths: tc.in.Paths, Read: tc.in.Read, Gazetteer: defaultGazetteer(t), Store: st})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Articles != 5 || len(sum.Skipped) > 0 {
				t.Errorf("build: %d articles, skipped %v", sum.Articles, sum.Skipped)
			}
			nq := exportNQuads(t, st)
			pos := regexp.MustCompile(tc.positions)
			for _, a := range arts {
				if tc.withURL && !strings.Contains(nq, `<url> "`+a.URL+`"`) {
					t.Errorf("no <url> quad for %s", a.URL)
				}
			}
			for _, m := range regexp.MustCompile(`<position> "([^"]*)"`).FindAllStringSubmatch(nq, -1) {
				if !pos.MatchString(m[1]) {
					t.Errorf("position %q, want %s", m[1], tc.positions)
				}
			}
			if n := strings.Count(nq, `<language> "vi"`); n != 5 {
				t.Errorf("%d <language> \"vi\" quads, want 5", n)
			}
		})
	}
	// Standard input holding one .txt article.
	got, _, _ := storyFacts(t, pipeline.Input{Paths: []string{"-"}, Read: corpus.Options{Stdin: bytes.NewReader(readFile(t, filepath.Join(corpora, "txt", "s1_son_cho_hyun_seoul.txt")))}})
	if len(got) != 1 || !contains(want, got[0]) {
		t.Errorf("one .txt on stdin: %v", got)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func exportNQuads(t *testing.T, st *graph.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.WriteRDF(context.Background(), &b, graph.FormatNQuads, "", nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// skippedAt lists "file (position): reason" of a build's skipped records.
func skippedAt(sum *pipeline.Summary) string {
	var out []string
	for _, s := range sum.Skipped {
		out = append(out, filepath.Base(s.Path)+" ("+s.Position+"): "+s.Reason)
	}
	return strings.Join(out, "\n")
}

func TestBadRecordsAreSkipped(t *testing.T) {
	dir := t.TempDir()
	jsonl := strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(corpora, "jsonl", "stories.jsonl")))), "\n")
	csvLines := strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(corpora, "csv", "stories.csv")))), "\n")

	// A broken JSON line (line 3), an English record (line 5), one
	// without text (line 6).
	broken := append([]string{}, jsonl[:2]...)
	broken = append(broken, `{"url": "https://tin.example.vn/x", "maintext": "cắt ngang`, jsonl[2])
	broken = append(broken, `{"url": "https://news.example.com/a", "title": "Talks", "text": "The foreign ministers of the two countries met in Seoul on Monday and discussed trade, investment and the security of the region."}`)
	broken = append(broken, `{"url": "https://tin.example.vn/y", "title": "Không có nội dung"}`, jsonl[3])
	writeFile(t, filepath.Join(dir, "bad", "broken.jsonl"), []byte(strings.Join(broken, "\n")+"\n"))
	// A CSV row with the wrong number of columns (line 3).
	rows := append([]string{}, csvLines[:2]...)
	rows = append(rows, `https://tin.example.vn/z,một cột thừa,2025-01-01,văn bản,thừa`)
	rows = append(rows, csvLines[2:]...)
	writeFile(t, filepath.Join(dir, "bad", "rows.csv"), []byte(strings.Join(rows, "\n")+"\n"))
	// A gzipped JSON Lines file cut off in its fourth record.
	gz := gzipped(t, []byte(strings.Join(jsonl, "\n")+"\n"))
	writeFile(t, filepath.Join(dir, "bad", "cut.jsonl.gz"), gz[:len(gz)*3/4])
	// A WARC file whose second response record has a wrong length.
	warc := readFile(t, wgetWARC(t, filepath.Join(dir, "w"), false))
	badWarc, badOffset := breakWARCLength(t, warc, 2)
	writeFile(t, filepath.Join(dir, "bad", "crawl.warc"), badWarc)
	// And a file of an extension dipgraph does not read.
	writeFile(t, filepath.Join(dir, "bad", "notes.md"), []byte("# ghi chú\n"))

	stores := storeDir(t)
	st := openStore(t, filepath.Join(stores, "s.db"))
	defer st.Close()
	first := build(t, st, filepath.Join(corpora, "txt"))
	before := exportNQuads(t, st)
	var all []string
	byReason := map[string]int{}
	// Each file on its own (their good records are the same stories,
	// under the same URLs: one build would take each once).
	for _, tc := range []struct {
		file string
		good int // articles that go in
	}{
		{"broken.jsonl", 4}, {"rows.csv", 5}, {"cut.jsonl.gz", 3}, {"crawl.warc", 4},
	} {
		sum, err := pipeline.Build(context.Background(), pipeline.Options{Paths: []string{filepath.Join(dir, "bad", tc.file)}, Gazetteer: defaultGazetteer(t), Store: st})
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if sum.Articles != tc.good {
			t.Errorf("%s: %d articles built, want %d:\n%s", tc.file, sum.Articles, tc.good, skippedAt(sum))
		}
		all = append(all, skippedAt(sum))
		for k, n := range sum.ByReason {
			byReason[k] += n
		}
	}
	// The folder as a whole: notes.md is counted as unsupported.
	sum := build(t, openStore(t, graph.Memory), filepath.Join(dir, "bad"))
	all = append(all, skippedAt(sum))
	for k, n := range sum.ByReason {
		byReason[k] += n
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{
		"broken.jsonl (line 3): bad record: not a JSON object",
		"broken.jsonl (line 5): not Vietnamese (looks like English)",
		"broken.jsonl (line 6): no text",
		"rows.csv (line 3): bad record: 5 columns, the header has 4",
		"cut.jsonl.gz (line 4): bad record: truncated or corrupt gzip data",
		fmt.Sprintf("crawl.warc (offset %d): bad record: its Content-Length does not match", badOffset),
		"notes.md (): unsupported extension (.md)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("skipped lacks %q:\n%s", want, got)
		}
	}
	for _, k := range []string{"bad record", "not Vietnamese", "no text", "unsupported extension"} {
		if byReason[k] == 0 {
			t.Errorf("ByReason %v lacks %q", byReason, k)
		}
	}
	// Nothing stored before is lost.
	after := exportNQuads(t, st)
	for _, l := range strings.Split(strings.TrimSpace(before), "\n") {
		if !strings.Contains(after, l) {
			t.Errorf("lost %s", l)
			break
		}
	}
	if first.Articles != 5 || strings.Count(after, "<type> <Article>") != 5+5 {
		t.Errorf("%d articles first, %d in the store now, want 5 and 10", first.Articles, strings.Count(after, "<type> <Article>"))
	}
}

// breakWARCLength adds 40 to the Content-Length of the n-th response
// record of a plain WARC file, and returns the file and that record's
// offset.
func breakWARCLength(t *testing.T, warc []byte, n int) ([]byte, int) {
	t.Helper()
	seen := 0
	for off := 0; off < len(warc); {
		i := bytes.Index(warc[off:], []byte("WARC/1."))
		if i < 0 {
			break
		}
		start := off + i
		head := warc[start:]
		end := bytes.Index(head, []byte("\r\n\r\n"))
		if end < 0 {
			break
		}
		if bytes.Contains(head[:end], []byte("WARC-Type: response")) {
			seen++
			if seen == n {
				m := regexp.MustCompile(`Content-Length: (\d+)`).FindSubmatchIndex(head[:end])
				v, _ := strconv.Atoi(string(head[m[2]:m[3]]))
				out := append([]byte{}, warc[:start+m[2]]...)
				out = append(out, strconv.Itoa(v+40)...)
				out = append(out, warc[start+m[3]:]...)
				return out, start
			}
		}
		off = start + end
	}
	t.Fatalf("no response record %d", n)
	return nil, 0
}

func TestSameNamesInTwoFolders(t *testing.T) {
	dir := t.TempDir()
	stories, _ := filepath.Glob(filepath.Join(corpora, "txt", "*.txt"))
	writeFile(t, filepath.Join(dir, "root", "a", "x.txt"), readFile(t, stories[0]))
	writeFile(t, filepath.Join(dir, "root", "b", "x.txt"), readFile(t, stories[1]))
	writeFile(t, filepath.Join(dir, "one", "x.txt"), readFile(t, stories[2]))
	writeFile(t, filepath.Join(dir, "two", "x.txt"), readFile(t, stories[3]))
	st := openStore(t, graph.Memory)
	defer st.Close()
	sum := build(t, st, filepath.Join(dir, "root"), filepath.Join(dir, "one"), filepath.Join(dir, "two"))
	if sum.Articles != 4 || len(sum.Skipped) > 0 {
		t.Fatalf("%d articles, skipped:\n%s", sum.Articles, skippedAt(sum))
	}
	nq := exportNQuads(t, st)
	for _, id := range []string{"a/x", "b/x", "x", "two/x"} {
		if !strings.Contains(nq, "<article/"+id+"> <type> <Article>") {
			t.Errorf("no article %q", id)
		}
	}
}

func TestRebuildOfCorporaIsUnchanged(t *testing.T) {
	stores := storeDir(t)
	st := openStore(t, filepath.Join(stores, "s.db"))
	defer st.Close()
	paths := []string{filepath.Join(corpora, "txt"), filepath.Join(corpora, "jsonl"), filepath.Join(corpora, "warc")}
	first := build(t, st, paths...)
	want := storeContents(t, st)
	// The WARC file's pages have the URLs of the JSON Lines records: the
	// same articles, their ids already used.
	if first.Articles != 10 || first.ByReason["duplicate id"] != 5 {
		t.Errorf("first build: %d articles, %v", first.Articles, first.ByReason)
	}
	again := build(t, st, paths...)
	if again.Added != 0 || again.Deleted != 0 || again.Unchanged != again.Articles {
		t.Errorf("rebuild: +%d -%d, %d of %d unchanged", again.Added, again.Deleted, again.Unchanged, again.Articles)
	}
	if got := storeContents(t, st); got != want {
		t.Errorf("after a rebuild: %+v, want %+v", got, want)
	}
}

func TestSyndicatedCopyCountedOnce(t *testing.T) {
	dir := t.TempDir()
	line := strings.SplitN(string(readFile(t, filepath.Join(corpora, "jsonl", "stories.jsonl"))), "\n", 2)[0]
	var rec map[string]any
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatal(err)
	}
	rec["url"] = "https://bao-khac.example.vn/quoc-te/hoi-dam-viet-han-123.html"
	rec["maintext"] = "  " + strings.ToUpper(rec["maintext"].(string)[:1]) + rec["maintext"].(string)[1:] + "\n"
	copyLine, _ := json.Marshal(rec)
	writeFile(t, filepath.Join(dir, "two.jsonl"), []byte(line+"\n"+string(copyLine)+"\n"))
	st := openStore(t, graph.Memory)
	defer st.Close()
	sum := build(t, st, filepath.Join(dir, "two.jsonl"))
	if sum.Articles != 2 || len(sum.Duplicates) != 1 || sum.Duplicates[0].URL != rec["url"] {
		t.Fatalf("%d articles, duplicates %+v", sum.Articles, sum.Duplicates)
	}
	rows, err := st.Met(context.Background(), "bui-thanh-son", false)
	if err != nil || len(rows) != 1 {
		t.Fatalf("met: %v %v", rows, err)
	}
	r := rows[0]
	if r.SourceCount != 1 || len(graph.DistinctSources(r.Sources)) != 1 {
		t.Errorf("source count %d, want 1 (two articles, one text)", r.SourceCount)
	}
	urls := map[string]bool{}
	for _, s := range r.Sources {
		urls[s.URL] = s.Title != "" && s.Position != ""
	}
	if len(urls) != 2 || !urls[rec["url"].(string)] {
		t.Errorf("sources %+v: want both URLs with title and position", r.Sources)
	}
}
