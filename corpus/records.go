package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"
)

// Source is an input file and the build root it was found under: the
// folder given on the command line, or the file's own folder for a file
// given directly. Path "-" is standard input.
type Source struct {
	Path string
	Root string
}

// Stdin is the path that names standard input.
const Stdin = "-"

// Options of reading records.
type Options struct {
	// Fields maps a field dipgraph reads (text, title, date, url) to the
	// name a JSON or CSV corpus gives it, before the
	// usual names (Fields below) are tried.
	Fields map[string]string
	// Stdin is read for the path "-" (os.Stdin when nil).
	Stdin io.Reader
}

// Fields are the field names read from JSON and CSV records, by what
// they hold, tried in this order (case does not matter): those of
// news-please, trafilatura, newspaper3k and common scrapers.
var Fields = map[string][]string{
	"text":  {"maintext", "text", "content", "body", "article", "article_text", "raw_text"},
	"title": {"title", "headline"},
	"date":  {"date_publish", "published", "date", "pubdate", "published_at", "publish_date", "date_published", "datepublished", "published_time", "time"},
	"url":   {"url", "canonical_url", "link", "source_url", "uri"},
}

// ParseField reads a --field mapping "text=body".
func ParseField(s string) (field, name string, err error) {
	field, name, ok := strings.Cut(s, "=")
	field, name = strings.ToLower(strings.TrimSpace(field)), strings.TrimSpace(name)
	if !ok || name == "" {
		return "", "", fmt.Errorf("--field %q: want FIELD=NAME, e.g. text=body", s)
	}
	if _, known := Fields[field]; !known {
		return "", "", fmt.Errorf("--field %q: %q is not a field dipgraph reads (text, title, date, url; the language is detected)", s, field)
	}
	return field, name, nil
}

// Input formats, by extension (after a .gz or .zst one).
var formats = map[string]string{
	".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
	".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
	".warc": "warc",
}

// compressions are the compressed-file extensions read.
var compressions = map[string]string{".gz": "gzip", ".gzip": "gzip", ".zst": "zstd", ".zstd": "zstd"}

// formatOf tells a file's format and compression from its name: ("", "")
// for one dipgraph does not read, ("", "") also for stdin, which is told
// by its content.
func formatOf(name string) (format, compression string) {
	ext := strings.ToLower(filepath.Ext(name))
	if c, ok := compressions[ext]; ok {
		compression = c
		name = strings.TrimSuffix(name, filepath.Ext(name))
		ext = strings.ToLower(filepath.Ext(name))
	}
	return formats[ext], compression
}

// Supported reports whether a folder walk reads the file name.
func Supported(name string) bool {
	f, _ := formatOf(name)
	return f != ""
}

// Sources lists the input files under paths, in name order within each
// folder: files given directly are read whatever their extension (by
// their content); in folders, files with an extension Supported reads
// (.txt, .html, .htm, .jsonl, .ndjson, .json, .csv, .tsv, .warc, each
// also .gz or .zst). The other files of folders are returned as skipped,
// "unsupported extension". A path that does not exist is an error.
func Sources(paths []string) ([]Source, []Skipped, error) {
	var out []Source
	var skipped []Skipped
	for _, p := range paths {
		if p == Stdin {
			out = append(out, Source{Path: Stdin})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			out = append(out, Source{Path: p, Root: filepath.Dir(p)})
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, path) // ReadSource tells why
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
			if strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if Supported(path) {
				found = append(found, path)
			} else {
				skipped = append(skipped, Skipped{Path: path, Reason: "unsupported extension (" + strings.ToLower(filepath.Ext(path)) + ")"})
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(found)
		for _, f := range dedup(found) {
			out = append(out, Source{Path: f, Root: p})
		}
	}
	return disambiguate(out), skipped, nil
}

// disambiguate makes the sources of two folders given together keep
// apart: a file whose path relative to its folder is that of a file of
// an earlier folder ("x.txt" in both a/ and b/) is named relative to its
// folder's parent instead ("b/x"), as many levels up as it takes.
func disambiguate(srcs []Source) []Source {
	key := func(s Source) string { return trimExt(relPath(s.Root, s.Path)) }
	owner := map[string]string{} // id path → root
	for i := range srcs {
		for range 8 {
			k := key(srcs[i])
			if r, ok := owner[k]; !ok || r == srcs[i].Root || srcs[i].Path == Stdin {
				owner[k] = srcs[i].Root
				break
			}
			parent := filepath.Dir(srcs[i].Root)
			if parent == srcs[i].Root {
				break
			}
			srcs[i].Root = parent
		}
	}
	return srcs
}

// ReadSource reads the articles of one input file and calls fn with each
// in file order: an article, or a *Skipped error for a record (or the
// whole file) that cannot be used — a bad record names its line or
// offset, and the records after it are still read where the format
// allows (JSON Lines, CSV, WARC). Articles that are not Vietnamese
// (Language) and records without text are skipped. ReadSource returns
// fn's error, if fn returns one.
func ReadSource(src Source, opt Options, fn func(*Article, error) error) error {
	r := &reader{src: src, opt: opt, fn: fn}
	return r.read()
}

type reader struct {
	src  Source
	opt  Options
	fn   func(*Article, error) error
	comp string // the compression being read, or ""
}

func (r *reader) skip(pos, format string, args ...any) error {
	return r.fn(nil, &Skipped{Path: r.src.Path, Position: pos, Reason: fmt.Sprintf(format, args...)})
}

// emit checks an article's language and names it, then hands it on.
func (r *reader) emit(a *Article, err error) error {
	if err != nil {
		if s, ok := IsSkipped(err); ok {
			s.Path = r.src.Path
			if s.Position == "" {
				s.Position = a0(a)
			}
		}
		return r.fn(nil, err)
	}
	a.Path = r.src.Path
	if !Vietnamese(a.Lang) {
		return r.fn(nil, &Skipped{Path: r.src.Path, Position: a.Position, Reason: "not Vietnamese (looks like " + langName(a.Lang) + ")"})
	}
	rel := r.rel()
	if a.Record == 0 {
		rel = trimExt(rel)
	} else {
		rel = trimCompression(rel)
	}
	a.ID = ArticleID(a.URL, rel, a.Record)
	a.Digest = TextDigest(a.Text)
	return r.fn(a, nil)
}

func a0(a *Article) string {
	if a == nil {
		return ""
	}
	return a.Position
}

func langName(l string) string {
	switch l {
	case LangEnglish:
		return "English"
	}
	return "another language"
}

func (r *reader) rel() string {
	if r.src.Path == Stdin {
		return "stdin"
	}
	return relPath(r.src.Root, r.src.Path)
}

// trimExt drops a file name's format and compression extensions.
func trimExt(name string) string {
	name = trimCompression(name)
	return strings.TrimSuffix(name, filepath.Ext(name))
}

func trimCompression(name string) string {
	if _, ok := compressions[strings.ToLower(filepath.Ext(name))]; ok {
		return strings.TrimSuffix(name, filepath.Ext(name))
	}
	return name
}

func (r *reader) read() error {
	format, comp := formatOf(r.src.Path)
	if r.src.Path == Stdin {
		in := r.opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return r.stream(bufio.NewReaderSize(in, 1<<16), "", "")
	}
	fi, err := os.Stat(r.src.Path)
	if err != nil || !fi.Mode().IsRegular() || (format == "text" || format == "html") && comp == "" || format == "" {
		// One article, read (and refused) as Read does.
		if err == nil && fi.Mode().IsRegular() {
			return r.emit(readStated(r.src.Path, fi))
		}
		return r.emit(Read(r.src.Path))
	}
	f, err := os.Open(r.src.Path)
	if err != nil {
		return r.skip("", "cannot read: %v", unwrapPath(err))
	}
	defer f.Close()
	if format == "warc" && comp == "gzip" {
		// WARC files are gzipped record by record: the reader takes them
		// as they are, and the offsets are those of the file.
		return r.warc(f)
	}
	return r.stream(bufio.NewReaderSize(f, 1<<16), format, comp)
}

// stream reads a file or standard input of a format and compression
// (told by the content when "").
func (r *reader) stream(br *bufio.Reader, format, comp string) error {
	magic, _ := br.Peek(4)
	if comp == "" {
		switch {
		case bytes.HasPrefix(magic, []byte("\x1f\x8b")):
			comp = "gzip"
		case bytes.HasPrefix(magic, []byte("\x28\xb5\x2f\xfd")):
			comp = "zstd"
		}
	}
	var in io.Reader = br
	switch comp {
	case "gzip":
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.skip("", "bad record: not gzip-compressed data (%v)", err)
		}
		defer zr.Close()
		in = zr
	case "zstd":
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return r.skip("", "bad record: not zstd-compressed data (%v)", err)
		}
		defer zr.Close()
		in = zr
	}
	if comp != "" {
		br = bufio.NewReaderSize(in, 1<<16)
		r.comp = comp
	}
	if format == "" {
		format = sniff(br, r.opt)
	}
	switch format {
	case "jsonl":
		return r.jsonLines(br)
	case "json":
		return r.jsonDoc(br)
	case "csv":
		return r.csv(br, ',')
	case "tsv":
		return r.csv(br, '\t')
	case "warc":
		return r.warc(br)
	}
	// One article, compressed or from standard input.
	b, err := readAll(br, 64<<10)
	if err != nil {
		return r.skip("", "bad record: %s", readErr(err, comp))
	}
	if len(b) > MaxSize {
		return r.skip("", "file too large (more than %s; articles are read up to %s)", size(MaxSize), size(MaxSize))
	}
	name := trimCompression(r.src.Path)
	if format == "html" && !isHTML(name, "") {
		name += ".html"
	}
	return r.emit(Decode(name, b))
}

// readErr says what a read error of (possibly compressed) data means.
func readErr(err error, comp string) string {
	if comp != "" && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader)) {
		return fmt.Sprintf("truncated or corrupt %s data (%v); the records before it are read", comp, err)
	}
	return "cannot read: " + err.Error()
}

// sniff tells the format of standard input or decompressed data from its
// first bytes: WARC, a JSON array, JSON Lines, CSV or TSV (a header line
// with a text field), HTML, else text.
func sniff(br *bufio.Reader, opt Options) string {
	head, _ := br.Peek(4096)
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\ufeff"))
	switch {
	case bytes.HasPrefix(t, []byte("WARC/")):
		return "warc"
	case bytes.HasPrefix(t, []byte("[")):
		return "json"
	case bytes.HasPrefix(t, []byte("{")):
		return "jsonl"
	}
	firstLine, _, _ := bytes.Cut(t, []byte("\n"))
	for _, sep := range []string{"\t", ","} {
		cols := strings.Split(strings.ToLower(strings.TrimSpace(string(firstLine))), sep)
		if len(cols) < 2 {
			continue
		}
		if _, ok := fieldIndex(cols, "text", opt); ok {
			if sep == "\t" {
				return "tsv"
			}
			return "csv"
		}
	}
	if isHTML("", string(head)) {
		return "html"
	}
	return "text"
}

// maxLine bounds a JSON line (bytes).
const maxLine = MaxSize

// jsonLines reads one JSON object per line; a line that is not one is a
// bad record, and the next lines are read.
func (r *reader) jsonLines(br *bufio.Reader) error {
	line := 0
	n := 0
	for {
		b, err := readLine(br)
		if len(b) > 0 || err == nil || errors.Is(err, errLongLine) {
			line++
		}
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, errLongLine) {
			return r.skip(fmt.Sprintf("line %d", max(line, 1)), "bad record: %s", readErr(err, r.comp))
		}
		if errors.Is(err, errLongLine) {
			n++
			if e := r.skip(fmt.Sprintf("line %d", line), "bad record: line longer than %s", size(maxLine)); e != nil {
				return e
			}
			continue
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			n++
			pos := fmt.Sprintf("line %d", line)
			var rec map[string]any
			if jerr := json.Unmarshal(t, &rec); jerr != nil {
				if e := r.skip(pos, "bad record: not a JSON object (%v)", jsonErr(jerr)); e != nil {
					return e
				}
			} else if e := r.emit(r.record(rec, pos, n)); e != nil {
				return e
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

var errLongLine = errors.New("line too long")

// readLine reads a line without its line end; a line longer than maxLine
// is read to its end and dropped (errLongLine).
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(buf)+len(frag) > maxLine {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLongLine
		}
		buf = append(buf, frag...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at column %d", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "a JSON " + te.Value + ", not an object"
	}
	return err.Error()
}

// jsonDoc reads a JSON array of objects, or JSON objects one after the
// other; a record that does not parse ends the file (JSON cannot be
// resynchronised), the records before it are read.
func (r *reader) jsonDoc(br *bufio.Reader) error {
	dec := json.NewDecoder(br)
	n := 0
	array := false
	if t, _ := br.Peek(1024); len(bytes.TrimLeft(t, " \t\r\n\ufeff")) > 0 && bytes.TrimLeft(t, " \t\r\n\ufeff")[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return r.skip("", "bad record: %v", jsonErr(err))
		}
		array = true
	}
	for {
		if array && !dec.More() {
			return nil
		}
		off := dec.InputOffset()
		var rec map[string]any
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) && !array {
			return nil
		}
		n++
		pos := fmt.Sprintf("record %d (byte %d)", n, off)
		if err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				if e := r.skip(pos, "bad record: %s", jsonErr(err)); e != nil {
					return e
				}
				continue
			}
			return r.skip(pos, "bad record: %s; the rest of the file is not read", jsonErrOrRead(err))
		}
		if e := r.emit(r.record(rec, pos, n)); e != nil {
			return e
		}
	}
}

func jsonErrOrRead(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated JSON or compressed data (unexpected EOF)"
	}
	return jsonErr(err)
}

// csv reads a CSV or TSV file with a header line. A row with the wrong
// number of columns, or that does not parse, is a bad record; the next
// rows are read.
func (r *reader) csv(br *bufio.Reader, comma rune) error {
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return r.skip("", "empty file")
		}
		return r.skip("line 1", "bad record: header: %v", err)
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")))
	}
	if _, ok := fieldIndex(header, "text", r.opt); !ok {
		return r.skip("line 1", noTextColumn+" in the header %q; name one with --field text=COLUMN)", strings.Join(header, string(comma)))
	}
	n := 0
	bad := 0
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		n++
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
				reason := pe.Err.Error()
				if errors.Is(pe.Err, csv.ErrFieldCount) {
					reason = fmt.Sprintf("%d columns, the header has %d", len(row), len(header))
				}
				if e := r.skip(fmt.Sprintf("line %d", line), "bad record: %s", reason); e != nil {
					return e
				}
				if bad++; bad > 10000 {
					return r.skip("", "bad record: too many bad rows; the rest of the file is not read")
				}
				continue
			}
			return r.skip(fmt.Sprintf("line %d", line), "bad record: %s", readErr(err, r.comp))
		}
		rec := map[string]any{}
		for i, v := range row {
			if i < len(header) {
				rec[header[i]] = v
			}
		}
		if e := r.emit(r.record(rec, fmt.Sprintf("line %d", line), n)); e != nil {
			return e
		}
	}
}

// fieldIndex finds the column of a field in a header.
func fieldIndex(header []string, field string, opt Options) (int, bool) {
	names := Fields[field]
	if n, ok := opt.Fields[field]; ok {
		names = []string{strings.ToLower(n)}
	}
	for _, n := range names {
		for i, h := range header {
			if h == n {
				return i, true
			}
		}
	}
	return 0, false
}

// value finds a field of a record: the mapped name, else the usual
// names, case not mattering.
func (r *reader) value(rec map[string]any, field string) string {
	names := Fields[field]
	if n, ok := r.opt.Fields[field]; ok {
		names = []string{n}
	}
	for _, n := range names {
		for k, v := range rec {
			if strings.EqualFold(k, n) {
				if s := valueString(v); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

func valueString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		var parts []string
		for _, e := range x {
			if s := valueString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n")
	}
	return ""
}

// record makes an article of a JSON or CSV record: its text (stripped if
// it is HTML) after a date line and the title, as a .txt file has them.
func (r *reader) record(rec map[string]any, pos string, n int) (*Article, error) {
	text := r.value(rec, "text")
	if blank(text) {
		names := Fields["text"]
		if m, ok := r.opt.Fields["text"]; ok {
			names = []string{m}
		}
		return nil, &Skipped{Position: pos, Reason: "no text (no " + strings.Join(names, ", ") + " field, or it is empty)"}
	}
	a, err := decode("record", []byte(text))
	if err != nil {
		if s, ok := IsSkipped(err); ok {
			s.Position = pos
		}
		return nil, err
	}
	a.Position, a.Record = pos, n
	a.URL = strings.TrimSpace(first(r.value(rec, "url"), a.URL))
	if t := strings.TrimSpace(r.value(rec, "title")); t != "" {
		a.Title = t
	}
	if raw := r.value(rec, "date"); raw != "" {
		if d := ParseDate(raw); d != "" {
			a.Date = d
		}
	}
	a.Text = withHeader(a.Text, a.Date, a.Title)
	a.FileOffsets = false
	a.Lang = Language(a.Text)
	return a, nil
}

// ParseDate reads a publication date as scrapers write it — ISO 8601
// ("2025-04-02", "2025-04-02T10:15:00+07:00", "2025-04-02 10:15:00"),
// day first ("02/04/2025"), RFC 1123 ("Wed, 02 Apr 2025 10:15:00 GMT"),
// or Unix seconds or milliseconds (taken in Vietnam's time) — and returns
// it as YYYY-MM-DD, or "" when it cannot.
func ParseDate(s string) string {
	s = strings.TrimSpace(s)
	if isoDay.MatchString(s) {
		if _, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return s[:10]
		}
		return ""
	}
	for _, layout := range []string{"2/1/2006", "02/01/2006", "2-1-2006", "2.1.2006"} {
		f := strings.Fields(s)
		if len(f) == 0 {
			break
		}
		if t, err := time.Parse(layout, f[0]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 {
		if v > 1e11 {
			v /= 1000 // milliseconds
		}
		return time.Unix(int64(v), 0).In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")
	}
	return ""
}
