package corpus_test

import (
	"bytes"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

func TestDecodeRefuses(t *testing.T) {
	utf16NoBOM := []byte{}
	for _, r := range "Hội đàm tại Seoul.\n" {
		utf16NoBOM = append(utf16NoBOM, byte(r), byte(r>>8))
	}
	tests := []struct {
		name   string
		path   string
		in     []byte
		reason string   // prefix of Skipped.Reason
		says   []string // also in the reason
	}{
		{"empty", "a.txt", nil, "empty file", nil},
		{"white space only", "a.txt", []byte(" \n\t\r\n "), "empty file", nil},
		{"invisible only", "a.txt", []byte("\ufeff\u200b \u00a0\n"), "empty file", nil},
		{"NUL byte", "a.txt", []byte("Hội đàm\nab\x00cd"), "binary file", []string{"NUL byte at offset 14", "line 2, column 3"}},
		{"UTF-16 without BOM", "a.txt", utf16NoBOM, "binary file", []string{"UTF-16 without a byte order mark?"}},
		{"PNG", "a.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file", []string{"a PNG image"}},
		{"PDF", "a.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "binary file", []string{"a PDF document"}},
		{"gzip", "a.txt", []byte("\x1f\x8b\x08\x00"), "binary file", []string{"gzip"}},
		{"control characters", "a.txt", bytes.Repeat([]byte("ab\x01\x02\x03"), 10), "binary file", []string{"30 control characters", "offset 2"}},
		{"bad UTF-8 byte", "a.txt", []byte("Hội đàm tại Hà Nội.\nÔng Kim \xff nói."), "not valid UTF-8", []string{"byte 0xFF", "offset 38", "line 2, column 10"}},
		{"truncated UTF-8", "a.txt", []byte("Hội đàm tại Hà N\xe1\xbb"), "not valid UTF-8", []string{"offset 23"}},
		{"UTF-16 unpaired surrogate", "a.txt", []byte{0xff, 0xfe, 'a', 0, 0x00, 0xd8, 'b', 0}, "not valid UTF-16", nil},
		{"HTML without text", "a.html", []byte("<!DOCTYPE html><html><head><title>Tin</title><script>var a = 'Moon Jae-in';</script></head><body><nav>Trang chủ</nav></body></html>"), "HTML page without text", nil},
		{"text too long", "a.txt", bytes.Repeat([]byte("Hai bên hội đàm. "), corpus.MaxText/16), "file too large", []string{"of text"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := corpus.Decode(tc.path, tc.in)
			if err == nil {
				t.Fatalf("Decode accepted it: %q (note %q)", trunc(a.Text), a.Note)
			}
			s, ok := corpus.IsSkipped(err)
			if !ok {
				t.Fatalf("error %v is not a Skipped", err)
			}
			if s.Path != tc.path || !strings.HasPrefix(err.Error(), tc.path+": ") {
				t.Errorf("error %q does not name the file %s", err, tc.path)
			}
			if !strings.HasPrefix(s.Reason, tc.reason) {
				t.Errorf("reason %q, want it to begin %q", s.Reason, tc.reason)
			}
			for _, w := range tc.says {
				if !strings.Contains(s.Reason, w) {
					t.Errorf("reason %q does not say %q", s.Reason, w)
				}
			}
		})
	}
}

func TestDecodeLegacy(t *testing.T) {
	// A sentence of our own, written as a Windows-1258 or a VNI file would
	// hold it (tones as combining marks in 1258; VNI mark bytes).
	text := "Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội về hợp tác kinh tế và đầu tư.\n"
	cp := windows1258(t, text)
	a, err := corpus.Decode("a.txt", cp)
	if err != nil {
		t.Fatalf("Windows-1258: %v", err)
	}
	if a.Text != text || a.FileOffsets || !strings.Contains(a.Note, "decoded from Windows-1258") {
		t.Errorf("Windows-1258 read as %q, offsets %v, note %q", a.Text, a.FileOffsets, a.Note)
	}
	// VNI, written by hand for this sentence's first words.
	vni := []byte("Boä tröôûng Ngoaïi giao hai nöôùc ñaõ hoäi ñaøm taïi Haø Noäi.\n")
	vni, _ = charmap.Windows1252.NewEncoder().Bytes(vni)
	_, err = corpus.Decode("v.txt", vni)
	s, ok := corpus.IsSkipped(err)
	if !ok || !strings.HasPrefix(s.Reason, "legacy encoding: looks like VNI") || !strings.Contains(s.Reason, "offset 2") {
		t.Errorf("VNI: got %v, want a legacy encoding skip at offset 2", err)
	}
}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		in      string
		want    string // the text, or with prefix "~" a part of it
		offsets bool
		note    string
	}{
		{"plain", "a.txt", "Hội đàm tại Seoul.\n", "Hội đàm tại Seoul.\n", true, ""},
		{"CRLF", "a.txt", "date 2020-01-02\r\nHội đàm.\r\n", "date 2020-01-02\r\nHội đàm.\r\n", true, ""},
		{"lone CR", "a.txt", "date 2020-01-02\rHội đàm.\r", "date 2020-01-02\nHội đàm.\n", true, "lone CR"},
		{"BOM", "a.txt", "\ufeffdate 2020-01-02\nHội đàm.", "   date 2020-01-02\nHội đàm.", true, "1 invisible"},
		{"NFD", "a.txt", norm.NFD.String("Hội đàm tại Hà Nội."), "Hội đàm tại Hà Nội.", false, "normalised to NFC"},
		{"zero-width in a word", "a.txt", "Ông Mo\u200bon Jae-in.", "Ông    Moon Jae-in.", true, "1 invisible"},
		{"zero-width between words", "a.txt", "Ông\u200b Moon.", "Ông    Moon.", true, "1 invisible"},
		{"UTF-16LE", "a.txt", string(utf16LE("Hội đàm.")), "Hội đàm.", false, "decoded from UTF-16LE"},
		{"long line", "a.txt", strings.Repeat("Hai bên hội đàm tại Seoul, ", 20000), "~Hai bên", true, ""},
		{"HTML page", "a.html", `<!DOCTYPE html><html><head><title>Trang tin</title>
<meta property="article:published_time" content="2021-03-04T08:00:00+07:00">
<script>document.write("<p>Quảng cáo</p>")</script><style>p { color: red }</style></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>Hội đàm &amp; hợp tác</h1>
<p>Hai   bộ trưởng
đã hội đàm&nbsp;tại Seoul &#8211; ngày 3/3.</p><p>Thứ hai<br>thứ ba</p></article>
<footer>Bản quyền</footer></body></html>`,
			"date 2021-03-04\nHội đàm & hợp tác\nHai bộ trưởng đã hội đàm tại Seoul – ngày 3/3.\nThứ hai\nthứ ba\n", false, "HTML"},
		{"HTML in a .txt", "a.txt", "<p>Một</p>\n<p>Hai <b>ba</b></p><div>Bốn</div>", "Một\nHai ba\nBốn\n", false, "HTML"},
		{"a < in plain text", "a.txt", "Giá trị a < b và c > d.", "Giá trị a < b và c > d.", true, ""},
		{"unclosed head", "a.html", "<html><head><title>x</title><body><p>Hội đàm.</p>", "Hội đàm.\n", false, "HTML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := corpus.Decode(tc.path, []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if w, ok := strings.CutPrefix(tc.want, "~"); ok {
				if !strings.Contains(a.Text, w) {
					t.Errorf("text %q lacks %q", trunc(a.Text), w)
				}
			} else if a.Text != tc.want {
				t.Errorf("text\n got %q\nwant %q", a.Text, tc.want)
			}
			if a.FileOffsets != tc.offsets {
				t.Errorf("FileOffsets = %v, want %v", a.FileOffsets, tc.offsets)
			}
			if a.FileOffsets && len(a.Text) != len(tc.in) {
				t.Errorf("FileOffsets but the text has %d bytes, the file %d", len(a.Text), len(tc.in))
			}
			if !strings.Contains(a.Note, tc.note) || (tc.note == "") != (a.Note == "") {
				t.Errorf("note %q, want %q", a.Note, tc.note)
			}
			if !utf8.ValidString(a.Text) || !norm.NFC.IsNormalString(a.Text) {
				t.Errorf("text is not NFC UTF-8")
			}
			if a.ID != "a" {
				t.Errorf("ID %q", a.ID)
			}
		})
	}
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := write("huge.txt", nil)
	if err := os.Truncate(huge, 200<<20); err != nil { // sparse: no 200 MB written
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	ok := write("ok.txt", []byte("Hai bên hội đàm.\n"))
	tests := []struct {
		path   string
		reason string
	}{
		{huge, "file too large (200.0 MB; articles are read up to 16.0 MB)"},
		{fifo, "not a regular file (a named pipe)"},
		{dangling, "cannot read: no such file or directory"},
		{dir, "not a regular file (a folder)"},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			_, err := corpus.Read(tc.path) // a FIFO must not block here
			s, isSkip := corpus.IsSkipped(err)
			if !isSkip || s.Reason != tc.reason || s.Path != tc.path {
				t.Fatalf("Read(%s) = %v, want skipped: %s", tc.path, err, tc.reason)
			}
		})
	}
	if _, err := corpus.Read(ok); err != nil {
		t.Errorf("Read(%s): %v", ok, err)
	}
	files, err := corpus.Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if got, want := strings.Join(names, " "), "gone.txt huge.txt ok.txt pipe.txt"; got != want {
		t.Errorf("Files = %s, want %s", got, want)
	}
	if _, err := corpus.Files([]string{filepath.Join(dir, "missing")}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("Files of a missing path: %v, want an error naming it", err)
	}
}

func TestUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop root from reading")
	}
	dir := t.TempDir()
	sub := filepath.Join(dir, "locked")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(sub, "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Hai bên hội đàm."), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Hai bên hội đàm."), 0o000)
	os.Chmod(sub, 0o000)
	defer os.Chmod(sub, 0o755)
	files, err := corpus.Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, f := range files {
		if _, err := corpus.Read(f); err != nil {
			s, _ := corpus.IsSkipped(err)
			reasons = append(reasons, filepath.Base(f)+": "+s.Reason)
		}
	}
	want := "c.txt: cannot read: permission denied|locked: cannot read folder: permission denied"
	if got := strings.Join(reasons, "|"); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestSameFacts reads each test article in the forms a scraper may give
// it and checks that the extractor finds the same facts in each, and that
// evidence offsets point into the file when Article.FileOffsets says so.
func TestSameFacts(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	forms := []struct {
		name string
		make func(t *testing.T, text string) ([]byte, bool) // false: cannot write this one
		ext  string
	}{
		{"crlf", func(t *testing.T, s string) ([]byte, bool) { return []byte(strings.ReplaceAll(s, "\n", "\r\n")), true }, ".txt"},
		{"bom", func(t *testing.T, s string) ([]byte, bool) { return []byte("\ufeff" + s), true }, ".txt"},
		{"nfd", func(t *testing.T, s string) ([]byte, bool) { return []byte(norm.NFD.String(s)), true }, ".txt"},
		{"zero-width", func(t *testing.T, s string) ([]byte, bool) { return []byte(zeroWidthInWords(s)), true }, ".txt"},
		{"utf-16", func(t *testing.T, s string) ([]byte, bool) { return utf16LE(s), true }, ".txt"},
		{"windows-1258", func(t *testing.T, s string) ([]byte, bool) {
			b, err := tryWindows1258(s)
			return b, err == nil
		}, ".txt"},
		{"html", func(t *testing.T, s string) ([]byte, bool) { return []byte(htmlPage(s)), true }, ".html"},
	}
	checked := map[string]int{}
	for _, p := range paths {
		orig, err := corpus.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		want := facts(extract.Extract(g, orig.ID, orig.Text, extract.Options{}))
		for _, f := range forms {
			b, ok := f.make(t, orig.Text)
			if !ok {
				continue
			}
			name := orig.ID + f.ext
			a, err := corpus.Decode(name, b)
			if err != nil {
				t.Errorf("%s as %s: %v", orig.ID, f.name, err)
				continue
			}
			r := extract.Extract(g, a.ID, a.Text, extract.Options{})
			if got := facts(r); got != want {
				t.Errorf("%s as %s: facts differ\n got %s\nwant %s", orig.ID, f.name, got, want)
			}
			for _, s := range r.Sentences {
				if a.Text[s.Start:s.End] != s.Text {
					t.Errorf("%s as %s: sentence %d-%d is not the text there", orig.ID, f.name, s.Start, s.End)
				}
				if !a.FileOffsets {
					continue
				}
				if len(a.Text) != len(b) {
					t.Errorf("%s as %s: FileOffsets, but %d bytes of text for %d in the file", orig.ID, f.name, len(a.Text), len(b))
				}
				// Made spaces, zero-width characters shorten the word
				// that held them: its ends move (by the few bytes of the
				// characters), nothing else does.
				if f.name == "zero-width" {
					w := firstWord(s.Text)
					near := string(b[max(0, s.Start-8):min(len(b), s.Start+len(w)+8)])
					if !strings.Contains(visible(near), w) {
						t.Errorf("%s as %s: sentence %d-%d does not start there in the file", orig.ID, f.name, s.Start, s.End)
					}
				} else if string(b[s.Start:s.End]) != s.Text {
					t.Errorf("%s as %s: sentence %d-%d is not the file's bytes there", orig.ID, f.name, s.Start, s.End)
				}
			}
			checked[f.name]++
		}
	}
	for _, f := range forms {
		if checked[f.name] < 3 {
			t.Errorf("only %d articles checked as %s", checked[f.name], f.name)
		}
	}
}

// facts sums up what an extraction found, without offsets.
func facts(r *fact.Result) string {
	var out []string
	out = append(out, "published "+r.Published.String())
	for _, o := range r.Officials {
		out = append(out, "official "+o.ID)
	}
	for _, h := range r.Holds {
		out = append(out, "holds "+h.Official+" "+h.Role)
	}
	for _, m := range r.Meetings {
		var topics []string
		for _, tp := range m.Topics {
			topics = append(topics, tp.Topic)
		}
		sort.Strings(topics)
		out = append(out, fmt.Sprintf("meeting %v %s %s %s %s %v", m.Participants, m.Status, m.Date, m.Kind, m.Place, topics))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// zeroWidthInWords puts a zero-width space between the second and third
// letters of words of 4 characters or more, a soft hyphen in every other.
func zeroWidthInWords(s string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		r := []rune(w)
		if len(r) >= 4 && isLetters(r[:3]) {
			n++
			mark := "\u200b"
			if n%2 == 0 {
				mark = "\u00ad"
			}
			w = string(r[:2]) + mark + string(r[2:])
		}
		b.WriteString(w)
	}
	return b.String()
}

func isLetters(r []rune) bool {
	for _, c := range r {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 0x7f) {
			return false
		}
	}
	return true
}

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// tryWindows1258 writes text in Windows-1258 (letters precomposed with
// their shape marks, tones combining), or fails for text it cannot hold.
func tryWindows1258(s string) ([]byte, error) {
	var b strings.Builder
	var shape, tone []rune
	flush := func() {
		b.WriteString(norm.NFC.String(string(shape)))
		b.WriteString(string(tone))
		shape, tone = shape[:0], tone[:0]
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == '\u0300' || r == '\u0301' || r == '\u0303' || r == '\u0309' || r == '\u0323':
			tone = append(tone, r)
		case r >= 0x300 && r <= 0x36f:
			shape = append(shape, r)
		default:
			flush()
			shape = append(shape, r)
		}
	}
	flush()
	return charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
}

func windows1258(t *testing.T, s string) []byte {
	t.Helper()
	b, err := tryWindows1258(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// htmlPage wraps a text's lines in paragraphs of a page with the usual
// furniture around them.
func htmlPage(s string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin thế giới</title>\n")
	b.WriteString("<script>var related = \"Tổng thống Donald Trump hội đàm với Chủ tịch Kim Jong Un\";</script>\n")
	b.WriteString("<style>p { margin: 0 }</style></head>\n<body><nav><a href=\"/\">Trang chủ</a> | Thế giới</nav>\n<article>\n")
	for _, line := range strings.Split(s, "\n") {
		b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
	}
	b.WriteString("</article>\n<aside>Tin liên quan: Ngoại trưởng Mỹ gặp Ngoại trưởng Hàn Quốc</aside>\n<footer>© Báo điện tử</footer></body></html>\n")
	return b.String()
}

// visible drops white space and invisible characters.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u200b', '\u00ad', '\ufeff':
			return -1
		}
		return r
	}, s)
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func trunc(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
