package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/corpus"
)

func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội về hợp tác kinh tế và thương mại.", corpus.LangVietnamese},
		{"Bo truong Ngoai giao cua hai nuoc da hoi dam tai Ha Noi va nhat tri thuc day hop tac kinh te.", corpus.LangVietnamese},
		{"The foreign ministers of the two countries met in Seoul on Monday and discussed trade and security.", corpus.LangEnglish},
		{"Die Außenminister der beiden Länder trafen sich am Montag in Seoul und sprachen über den Handel, die Sicherheit in der Region und die Lage auf der koreanischen Halbinsel. Beide Seiten vereinbarten, die Zusammenarbeit in der Wirtschaft, der Energie und der Technologie im kommenden Jahr weiter auszubauen.", corpus.LangOther},
		{"Kenji Kanasugi\nLee Tae-ho\nKim Yeon-chul\nJeong Kyeong-doo\nHiroyuki Namazu\nSun Weidong\nAndrei Rudenko", corpus.LangUnknown},
		{"Ông A gặp ông B.", corpus.LangUnknown},
	} {
		if got := corpus.Language(tc.text); got != tc.want {
			t.Errorf("Language(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestArticleID(t *testing.T) {
	a := corpus.ArticleID("https://www.Tin.example.vn/the-gioi/hoi-dam-123.html?utm_source=fb#top", "x", 3)
	b := corpus.ArticleID("http://tin.example.vn/the-gioi/hoi-dam-123.html", "y", 0)
	if a != b || !strings.HasPrefix(a, "tin.example.vn/the-gioi/hoi-dam-123-") {
		t.Errorf("the same page: %q and %q", a, b)
	}
	if c := corpus.ArticleID("https://tin.example.vn/the-gioi/hoi-dam-124.html", "", 0); c == a {
		t.Errorf("two pages, one id %q", c)
	}
	if c := corpus.ArticleID("https://tin.example.vn/p?id=1", "", 0); c == corpus.ArticleID("https://tin.example.vn/p?id=2", "", 0) {
		t.Errorf("query parameters that name the page are kept: %q", c)
	}
	for _, tc := range []struct {
		url, rel string
		record   int
		want     string
	}{
		{"", "a01", 0, "a01"},
		{"", "2025/03/a01", 0, "2025/03/a01"},
		{"", "news.jsonl", 3, "news.jsonl/3"},
		{"not a url", "x", 0, "x"},
		{"ftp://host/x", "x", 0, "x"},
	} {
		if got := corpus.ArticleID(tc.url, tc.rel, tc.record); got != tc.want {
			t.Errorf("ArticleID(%q, %q, %d) = %q, want %q", tc.url, tc.rel, tc.record, got, tc.want)
		}
	}
	if d1, d2 := corpus.TextDigest("date 2025-01-01\nHai bên  hội đàm."), corpus.TextDigest("date 2025-01-02\nhai bên hội đàm"); d1 != d2 {
		t.Errorf("digests of one text differ: %s %s", d1, d2)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2025-04-02", "2025-04-02"},
		{"2025-04-02T10:15:00+07:00", "2025-04-02"},
		{"2025-04-02 10:15:00", "2025-04-02"},
		{"02/04/2025", "2025-04-02"},
		{"2/4/2025 10:15", "2025-04-02"},
		{"Wed, 02 Apr 2025 10:15:00 GMT", "2025-04-02"},
		{"1743563700", "2025-04-02"},
		{"1743563700000", "2025-04-02"},
		{"2025-02-30", ""},
		{"hôm qua", ""},
	} {
		if got := corpus.ParseDate(tc.in); got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHTMLMetadataAndMainText(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Tiêu đề - Báo X</title>
<link rel="canonical" href="https://bao.example.vn/a-1.html">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Hai ngoại trưởng hội đàm","datePublished":"2025-05-06T09:00:00+07:00"}]}</script>
</head><body><ul class="main-menu"><li>Thời sự</li></ul>
<div class="container"><p>Quảng cáo ngoài bài</p>
<div itemprop="articleBody"><p>Ngày 5/5, hai ngoại trưởng đã hội đàm tại Hà Nội về hợp tác kinh tế và thương mại giữa hai nước trong năm nay và các năm tới.</p>
<div class="box-related"><p>Tin liên quan: một bài khác</p></div>
<p>Hai bên nhất trí tăng cường trao đổi đoàn các cấp.</p></div></div>
<footer>Bản quyền</footer></body></html>`
	a, err := corpus.Decode("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://bao.example.vn/a-1.html" || a.Title != "Hai ngoại trưởng hội đàm" || a.Date != "2025-05-06" {
		t.Errorf("metadata: url %q title %q date %q", a.URL, a.Title, a.Date)
	}
	want := "date 2025-05-06\nHai ngoại trưởng hội đàm\nNgày 5/5, hai ngoại trưởng"
	if !strings.HasPrefix(a.Text, want) {
		t.Errorf("text begins %q, want %q", a.Text[:min(len(a.Text), 80)], want)
	}
	for _, furniture := range []string{"Thời sự", "Quảng cáo", "Tin liên quan", "Bản quyền"} {
		if strings.Contains(a.Text, furniture) {
			t.Errorf("text keeps %q:\n%s", furniture, a.Text)
		}
	}
	if !strings.Contains(a.Text, "Hai bên nhất trí") {
		t.Errorf("text lost the paragraph after the related box:\n%s", a.Text)
	}
}

func TestSourcesAndFields(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.jsonl.gz", "c.csv", "d.warc.gz", "e.md", "f.pdf", "sub/g.tsv.zst"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, skipped, err := corpus.Sources([]string{dir, "-"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range srcs {
		got = append(got, strings.TrimPrefix(s.Path, dir+"/"))
	}
	if strings.Join(got, " ") != "a.txt b.jsonl.gz c.csv d.warc.gz sub/g.tsv.zst -" {
		t.Errorf("sources %v", got)
	}
	if len(skipped) != 2 || !strings.HasPrefix(skipped[0].Reason, "unsupported extension (.md)") {
		t.Errorf("skipped %+v", skipped)
	}
	if f, n, err := corpus.ParseField("text=body"); err != nil || f != "text" || n != "body" {
		t.Errorf("ParseField: %q %q %v", f, n, err)
	}
	for _, bad := range []string{"text", "colour=x", "text="} {
		if _, _, err := corpus.ParseField(bad); err == nil {
			t.Errorf("ParseField(%q) accepted", bad)
		}
	}
}

// read collects what ReadSource gives for a file.
func read(t *testing.T, path string, opt corpus.Options) (arts []*corpus.Article, skipped []string) {
	t.Helper()
	err := corpus.ReadSource(corpus.Source{Path: path, Root: filepath.Dir(path)}, opt, func(a *corpus.Article, err error) error {
		if err != nil {
			s, ok := corpus.IsSkipped(err)
			if !ok {
				t.Fatalf("not a Skipped: %v", err)
			}
			skipped = append(skipped, s.Position+": "+s.Reason)
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts, skipped
}

func TestRecordsRead(t *testing.T) {
	dir := t.TempDir()
	body := "Chiều 11/8 tại Seoul, hai bộ trưởng ngoại giao đã hội đàm và nhất trí thúc đẩy hợp tác thương mại."
	jsonl := `{"url": "https://tin.example.vn/a.html", "title": "Hội đàm", "published": "2025-08-12T08:00:00+07:00", "content": "` + body + `"}
["not", "an", "object"]

{"headline": "Không URL", "body": "<p>` + body + `</p>", "pubdate": "12/08/2025"}
`
	p := filepath.Join(dir, "x.jsonl")
	os.WriteFile(p, []byte(jsonl), 0o644)
	arts, skipped := read(t, p, corpus.Options{Fields: map[string]string{"text": "body", "date": "pubdate"}})
	// With text mapped to "body", the first record has no text.
	if len(arts) != 1 || len(skipped) != 2 || !strings.HasPrefix(skipped[0], "line 1: no text (no body field") || !strings.HasPrefix(skipped[1], "line 2: bad record: not a JSON object (a JSON array") {
		t.Fatalf("mapped: %d articles, skipped %q", len(arts), skipped)
	}
	a := arts[0]
	if a.ID != "x.jsonl/3" || a.Position != "line 4" || a.Text != "date 2025-08-12\nKhông URL\n"+body+"\n" || a.Lang != "vi" {
		t.Errorf("record: id %q position %q lang %q text %q", a.ID, a.Position, a.Lang, a.Text)
	}
	arts, _ = read(t, p, corpus.Options{})
	if len(arts) != 2 || arts[0].URL != "https://tin.example.vn/a.html" || arts[0].Title != "Hội đàm" || !strings.HasPrefix(arts[0].Text, "date 2025-08-12\nHội đàm\n") {
		t.Errorf("unmapped: %+v", arts)
	}
}
