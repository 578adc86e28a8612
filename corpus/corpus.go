// Package corpus finds article files and reads them as text, refusing what
// cannot be read as an article with a message that names the file.
//
// What each kind of bad input gets is listed in docs/bad-input.md.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxSize is the largest article file read (bytes). Larger files are
// refused from their size alone, without reading them.
const MaxSize = 16 << 20

// MaxText is the most text (bytes, after decoding and HTML stripping) an
// article may hold: far more than any news article, and a bound on the
// time one file can take to extract.
const MaxText = 1 << 20

// Article is an article's text and where it came from.
type Article struct {
	Path string // as found
	ID   string // base name without extension
	Text string
	// Note says what was done to read it (decoded from another encoding,
	// HTML stripped, normalised), or "".
	Note string
	// FileOffsets is true when byte offsets into Text are byte offsets
	// into the file: nothing was decoded, stripped or normalised. (Zero-width
	// characters made spaces and lone CRs read as line breaks keep every
	// offset outside the words that held them.)
	FileOffsets bool

	// What the article says of itself or its record gives, when known.
	URL   string // the page's URL (canonical link, og:url, record field, WARC target)
	Title string
	Date  string // publication date, YYYY-MM-DD (also first in Text as a date line)
	// Position is where a record of a multi-record file starts ("line 3",
	// "record 2", "offset 1234"); "" for a file that is one article.
	Position string
	Record   int    // the record's number in its file (from 1); 0 for a one-article file
	Lang     string // Language(Text)
	Digest   string // TextDigest(Text): equal for the same story under two URLs
}

// Extensions of files that a folder walk takes as articles.
var Extensions = []string{".txt", ".html", ".htm"}

// Skipped is an error for a file that cannot be used as an article. Its
// Reason begins with a fixed phrase (see docs/bad-input.md) that build
// summaries count by.
type Skipped struct {
	Path string
	// Position is the bad record's place in a multi-record file ("line
	// 7", "offset 1234"), or "" when the whole file is skipped.
	Position string `json:",omitempty"`
	Reason   string
}

func (e *Skipped) Error() string {
	if e.Position != "" {
		return e.Path + " (" + e.Position + "): " + e.Reason
	}
	return e.Path + ": " + e.Reason
}

// NotArticles reports a file skipped because it holds no articles at all
// rather than bad ones: an extension dipgraph does not read, or a table
// (CSV, TSV) without a text column, such as a list of officials beside
// the articles.
func (e *Skipped) NotArticles() bool {
	return strings.HasPrefix(e.Reason, "unsupported extension") || strings.HasPrefix(e.Reason, noTextColumn)
}

const noTextColumn = "no text (no text column"

// IsSkipped reports whether err is a Skipped file and returns it.
func IsSkipped(err error) (*Skipped, bool) {
	var s *Skipped
	ok := errors.As(err, &s)
	return s, ok
}

// Files lists the article files under paths: files as given, folders
// walked for files with an article extension, in name order. A path that
// does not exist is an error; a folder inside that cannot be read is
// listed itself, so that Read reports it as skipped and the rest goes on.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable folder (or entry): Read tells why.
				found = append(found, path)
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			for _, e := range Extensions {
				if ext == e {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, dedup(found)...)
	}
	return out, nil
}

// dedup drops repeats from a sorted list.
func dedup(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// Read reads one article file. Everything that keeps the file from being
// used as an article is a *Skipped error naming the file and why.
func Read(path string) (*Article, error) {
	skip := func(format string, args ...any) error {
		return &Skipped{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, skip("cannot read: %v", unwrapPath(err))
	}
	return readStated(path, fi)
}

// readStated is Read of a file already stated (fi): a reader that stated
// it to tell its kind does not state it again.
func readStated(path string, fi fs.FileInfo) (*Article, error) {
	skip := func(format string, args ...any) error {
		return &Skipped{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	switch {
	case fi.IsDir():
		if _, err := os.ReadDir(path); err != nil {
			return nil, skip("cannot read folder: %v", unwrapPath(err))
		}
		return nil, skip("not a regular file (a folder)")
	case !fi.Mode().IsRegular():
		return nil, skip("not a regular file (%s)", fileType(fi.Mode()))
	case fi.Size() > MaxSize:
		return nil, skip("file too large (%s; articles are read up to %s)", size(fi.Size()), size(MaxSize))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, skip("cannot read: %v", unwrapPath(err))
	}
	defer f.Close()
	b, err := readAll(f, fi.Size())
	if err != nil {
		return nil, skip("cannot read: %v", unwrapPath(err))
	}
	if len(b) > MaxSize {
		return nil, skip("file too large (more than %s; articles are read up to %s)", size(MaxSize), size(MaxSize))
	}
	return Decode(path, b)
}

// unwrapPath drops the path from a *fs.PathError: the message names the
// file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return m.Type().String()
}

// size writes a byte count for a person.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Decode turns a file's bytes into an article's text: UTF-8 as it is,
// UTF-16 with a byte order mark and unambiguous Windows-1258 decoded, HTML
// stripped to its text, NFD text composed; anything else is refused with a
// *Skipped error that says where the problem is.
func Decode(path string, b []byte) (*Article, error) {
	a, err := decode(path, b)
	if err != nil {
		return nil, err
	}
	a.Lang = Language(a.Text)
	return a, nil
}

// decode is Decode without the language, for a record whose text gets a
// header first (its language is told once, of the whole text).
func decode(path string, b []byte) (*Article, error) {
	a := &Article{Path: path, ID: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), FileOffsets: true}
	skip := func(format string, args ...any) error {
		return &Skipped{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	if blank(string(b)) {
		return nil, skip("empty file")
	}
	if kind := magic(b); kind != "" {
		return nil, skip("binary file (%s)", kind)
	}
	var notes []string
	var text string
	switch {
	case hasUTF16BOM(b):
		t, enc, err := decodeUTF16(b)
		if err != nil {
			return nil, skip("not valid UTF-16 (%v)", err)
		}
		text = t
		notes = append(notes, "decoded from "+enc)
		a.FileOffsets = false
	case utf8.Valid(b):
		if i := bytes.IndexByte(b, 0); i >= 0 {
			return nil, skip("binary file (NUL byte at offset %d, %s%s)", i, where(b, i), utf16Hint(b))
		}
		text = string(b)
	default:
		if i := bytes.IndexByte(b, 0); i >= 0 {
			return nil, skip("binary file (NUL byte at offset %d, %s%s)", i, where(b, i), utf16Hint(b))
		}
		off := invalidAt(b)
		if t, ok := decodeWindows1258(b); ok {
			text = t
			notes = append(notes, "decoded from Windows-1258")
			a.FileOffsets = false
			break
		}
		if looksVNI(b) {
			return nil, skip("legacy encoding: looks like VNI (first non-UTF-8 byte 0x%02X at offset %d, %s); convert it to UTF-8", b[off], off, where(b, off))
		}
		return nil, skip("not valid UTF-8 (byte 0x%02X at offset %d, %s; not readable as Windows-1258 either)", b[off], off, where(b, off))
	}
	if i, n := controls(text); n > 0 && n*100 > utf8.RuneCountInString(text) {
		return nil, skip("binary file (%d control characters, the first at offset %d)", n, i)
	}
	if isHTML(path, text) {
		t, meta := stripHTML(text)
		if blank(t) {
			return nil, skip("HTML page without text")
		}
		a.URL, a.Title, a.Date = meta.URL, meta.Title, meta.Date
		title := ""
		if meta.Headline {
			title = meta.Title
		}
		text = withHeader(t, meta.Date, title)
		notes = append(notes, "HTML: tags stripped, entities decoded")
		a.FileOffsets = false
	}
	if !nfcByRange(text) && !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
		notes = append(notes, "normalised to NFC")
		a.FileOffsets = false
	}
	if t, n := loneCR(text); n > 0 {
		text = t
		notes = append(notes, fmt.Sprintf("%d lone CR line ends read as line breaks", n))
	}
	if t, n := blankZeroWidth(text); n > 0 {
		text = t
		notes = append(notes, fmt.Sprintf("%d invisible characters (zero-width, byte order mark, soft hyphen) read as spaces", n))
	}
	if blank(text) {
		return nil, skip("empty file (only invisible characters)")
	}
	if len(text) > MaxText {
		return nil, skip("file too large (%s of text; articles are read up to %s)", size(int64(len(text))), size(MaxText))
	}
	a.Text = text
	a.Note = strings.Join(notes, "; ")
	return a, nil
}

// withHeader puts a date line ("date YYYY-MM-DD") and the title before
// an article's text, as a .txt file has them: the title only when none
// of the text's first three lines is it already. A text that begins
// with a date line and gets no date keeps that line first.
func withHeader(text, date, title string) string {
	var b strings.Builder
	if date != "" {
		b.WriteString("date " + date + "\n")
	} else if first, rest, ok := strings.Cut(text, "\n"); ok && isDateLine(first) {
		b.WriteString(first + "\n")
		text = rest
	}
	if title = strings.TrimSpace(title); title != "" && !startsWithLine(text, title) {
		b.WriteString(title + "\n")
	}
	return b.String() + text
}

// startsWithLine reports whether one of text's first three non-blank
// lines is line (compared without case and surrounding space).
func startsWithLine(text, line string) bool {
	n := 0
	for l := range strings.Lines(text) {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if strings.EqualFold(l, line) {
			return true
		}
		if n++; n == 3 {
			break
		}
	}
	return false
}

// blank reports text with nothing but white space, byte order marks and
// zero-width characters.
func blank(s string) bool {
	for _, r := range s {
		if !unicodeSpace(r) && !isZeroWidth(r) {
			return false
		}
	}
	return true
}

// where gives the line and column (1-based, in bytes) of offset i.
func where(b []byte, i int) string {
	line := 1 + bytes.Count(b[:i], []byte{'\n'})
	col := i + 1
	if j := bytes.LastIndexByte(b[:i], '\n'); j >= 0 {
		col = i - j
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// controls counts C0 control characters other than white space and ESC,
// and returns the offset of the first.
func controls(s string) (first, n int) {
	first = -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0x1b {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return first, n
}

// magic names the kind of a binary file from its first bytes, or "".
func magic(b []byte) string {
	for _, m := range []struct{ prefix, kind string }{
		{"%PDF-", "a PDF document"},
		{"PK\x03\x04", "a ZIP archive or office document"},
		{"\x89PNG\r\n\x1a\n", "a PNG image"},
		{"GIF87a", "a GIF image"},
		{"GIF89a", "a GIF image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"\x1f\x8b", "gzip-compressed"},
		{"\xfd7zXZ\x00", "xz-compressed"},
		{"\x28\xb5\x2f\xfd", "zstd-compressed"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"},
		{"{\\rtf", "an RTF document"},
		{"\x7fELF", "an executable"},
		{"SQLite format 3\x00", "an SQLite database"},
	} {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			return m.kind
		}
	}
	return ""
}

// readAll reads r to its end, up to MaxSize+1 bytes, into a buffer the
// size the file had when stated (io.ReadAll starts at 512 bytes and grows:
// several reads for an article).
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, min(size, MaxSize)+1)
	lr := io.LimitReader(r, MaxSize+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// nfcByRange reports whether every character of s is one that is in NFC
// whatever stands around it (NFC quick check "yes" and combining class
// 0): ASCII, U+00A0–U+024F (Latin-1 and Latin Extended-A/B), U+1E00–U+1EFF
// (Latin Extended Additional, Vietnamese letters) and U+2002–U+206F
// (general punctuation). Such text is NFC; Vietnamese news is made of it,
// and this is several times faster than norm's own check, which is needed
// only for text with other characters.
func nfcByRange(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !nfcSafe(r) {
			return false
		}
		i += size
	}
	return true
}

func nfcSafe(r rune) bool {
	return r < utf8.RuneSelf || r >= 0xA0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2002 && r <= 0x206F
}
