package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// layout is where the parts of an article lie, as byte offsets.
type layout struct {
	published  schema.Date // from a date line, if any
	body       int         // where the body starts
	furniture  int         // where page furniture (byline, teasers, footer) starts
	skipRanges [][2]int    // lines inside the body that are not text ("Chú thích ảnh")
}

// dateLine matches a leading date line: "date 2025-12-01", "Ngày đăng:
// 09/12/2020 10:15", "Published: 2025-04", "Cập nhật: 10:15 09/12/2020".
var dateLine = regexp.MustCompile(`(?i)^[\s\x{feff}]*(?:date|ngày đăng|ngày|published|cập nhật|đăng lúc|thời gian)\s*[:：]?\s*(?:(?:thứ\s+\S+|chủ nhật)\s*,?\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:,\s*)?)?(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})(?:\s*,?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(?(?:GMT|UTC)[+-]?\d*\)?)?`)

// creditLine is a photo credit that may follow the date on a date line and
// is not text: "Photo : YONHAP News", "Ảnh: TTXVN/AFP". Only the agency's
// upper-case words belong to it, so that a body run on after it on the same
// line stays text.
var creditLine = regexp.MustCompile(`^\s*(?i:photo|ảnh|nguồn ảnh)\s*:\s*[A-ZĐ][A-ZĐ0-9/.&-]*(?:\s+(?:News|Agency|Photo|[A-ZĐ][A-ZĐ0-9/.&-]+))*`)

// bylineRe matches a byline or source line that ends the body.
var bylineRe = regexp.MustCompile(`^(?:[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,5}\s*)?\((?:TTXVN|VNA|VOV|Vietnam\+|Vietnamplus|KBS|Yonhap|AFP|Reuters|AP|Xinhua|TTXVN/Vietnam\+|[A-ZĐ]{2,8})(?:/[^)]{1,30})?\)\s*$`)

// furnitureStart lists line beginnings of page furniture after the body.
var furnitureStart = []string{"chia sẻ", "tin liên quan", "bài liên quan", "xem thêm", "đọc thêm", "tin cùng chuyên mục", "từ khóa", "tags:", "bình luận", "theo dõi", "các tin khác", "tin khác"}

// parseLayout finds the date line, the body and the furniture of a text.
func parseLayout(text string) layout {
	lay := layout{furniture: len(text)}
	// The date line is the first non-empty line, if it carries a date.
	first := 0
	for first < len(text) && (text[first] == '\n' || text[first] == '\r') {
		first++
	}
	lineEnd := strings.IndexByte(text[first:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text) - first
	}
	line := text[first : first+lineEnd]
	if m := dateLine.FindStringSubmatchIndex(line); m != nil {
		if d, ok := parseLineDate(line[m[2]:m[3]]); ok {
			lay.published = d
			rest := line[m[1]:]
			lay.body = first + m[1]
			if c := creditLine.FindStringIndex(rest); c != nil {
				lay.body += c[1]
			}
			if strings.TrimSpace(line[lay.body-first:]) == "" {
				lay.body = first + lineEnd
			}
		}
	}
	// Walk the lines of the body for its end and for caption labels.
	pos := lay.body
	var lines [][2]int
	for pos < len(text) {
		e := strings.IndexByte(text[pos:], '\n')
		if e < 0 {
			e = len(text) - pos
		}
		lines = append(lines, [2]int{pos, pos + e})
		pos += e + 1
	}
	trim := func(l [2]int) string { return strings.TrimFunc(text[l[0]:l[1]], isSpaceRune) }
	nonEmpty := func(i int) int {
		for j := i; j < len(lines); j++ {
			if trim(lines[j]) != "" {
				return j
			}
		}
		return -1
	}
	seenText := false
	for i, l := range lines {
		s := trim(l)
		if s == "" {
			continue
		}
		// Labels and furniture prefixes are short: lower-case the head of
		// the line only (body paragraphs are long).
		head := s
		if len(head) > 48 {
			head = head[:48]
			for len(head) > 0 && !utf8.RuneStart(s[len(head)]) {
				head = head[:len(head)-1]
			}
		}
		low := strings.ToLower(head)
		if low == "chú thích ảnh" || low == "ảnh minh họa" || low == "ảnh minh hoạ" {
			lay.skipRanges = append(lay.skipRanges, l)
			continue
		}
		if seenText {
			if strings.HasSuffix(s, ")") && bylineRe.MatchString(s) {
				lay.furniture = l[0]
				break
			}
			if hasPrefixAny(low, furnitureStart) {
				lay.furniture = l[0]
				break
			}
			if j := nonEmpty(i + 1); j >= 0 && trim(lines[j]) == s && utf8.RuneCountInString(s) > 20 {
				lay.furniture = l[0]
				break
			}
		}
		seenText = true
		if strings.HasSuffix(s, "/.") {
			lay.furniture = l[1]
			break
		}
	}
	return lay
}

func isSpaceRune(r rune) bool { return vntext.IsSpace(r) || unicode.IsSpace(r) }

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// parseLineDate reads the date of a date line: ISO (YYYY, YYYY-MM,
// YYYY-MM-DD) or day first (DD/MM/YYYY, DD-MM-YY).
func parseLineDate(s string) (schema.Date, bool) {
	if len(s) >= 4 && isDigits(s[:4]) {
		d, err := schema.ParseDate(s)
		return d, err == nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 {
		return schema.Date{}, false
	}
	d, m, y := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if len(parts[2]) == 2 {
		// Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999.
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	}
	date, err := schema.MakeDate(y, m, d)
	return date, err == nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
		if n > 1e6 {
			return -1
		}
	}
	return n
}

// sentence is a run of tokens [start, end).
type sentence struct {
	start, end int
	furniture  bool
}

// splitSentences cuts tokens into sentences: at line breaks, and after a
// full stop, question or exclamation mark followed by a capitalised word
// (also with no space between, "qua.Seoul"), except after initials ("D.C",
// "V. Putin") and inside abbreviations ("TP.HCM").
func splitSentences(text string, toks []vntext.Token) []sentence {
	var out []sentence
	start := 0
	cut := func(i int) {
		if i > start {
			out = append(out, sentence{start: start, end: i})
		}
		start = i
	}
	wrapped := hardWrapped(text, toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Newline && i > start && !(wrapped && wrapBreak(text, toks, i)) {
			cut(i)
		}
		if t.Kind != vntext.Punct || !(t.Norm == "." || t.Norm == "!" || t.Norm == "?" || t.Norm == "...") {
			continue
		}
		j := i + 1
		// A closing quote or bracket right after the stop stays with it.
		for j < len(toks) && !toks[j].Space && (toks[j].Norm == `"` || toks[j].Norm == "'" || toks[j].Norm == ")") {
			j++
		}
		if j >= len(toks) {
			continue
		}
		next := toks[j]
		if next.Newline {
			continue // the line break cuts
		}
		if !(next.Upper || next.Norm == `"` || next.Kind == vntext.Number && next.Space) {
			continue
		}
		if t.Norm == "." && i > 0 {
			prev := toks[i-1]
			runes := utf8.RuneCountInString(prev.Norm)
			if prev.Kind == vntext.Word && prev.Upper && runes == 1 {
				continue // an initial
			}
			if prev.Kind == vntext.Word && !next.Space && runes <= 4 && isAllUpper(text[prev.Start:prev.End]) && next.Upper {
				continue // TP.HCM, D.C
			}
		}
		cut(j)
		i = j - 1
	}
	cut(len(toks))
	return out
}

// hardWrapped reports a text broken into lines inside its sentences (a
// copy of a blog or mail: "… ba nhà\nlãnh đạo …"): three or more single
// line breaks with a lower-case word after and no stop before.
func hardWrapped(text string, toks []vntext.Token) bool {
	n := 0
	for i := 1; i < len(toks); i++ {
		if wrapBreak(text, toks, i) && !toks[i].Upper && toks[i].Kind == vntext.Word {
			n++
		}
	}
	return n >= 3
}

// wrapBreak reports a single line break before token i with no stop,
// colon or closing bracket before it: one that may fall inside a sentence.
func wrapBreak(text string, toks []vntext.Token, i int) bool {
	if i == 0 || !toks[i].Newline {
		return false
	}
	prev := toks[i-1]
	if strings.Count(text[prev.End:toks[i].Start], "\n") != 1 {
		return false
	}
	switch prev.Norm {
	case ".", "!", "?", "...", ":", "|", ")", `"`:
		return false
	}
	return true
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
