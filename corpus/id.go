package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ArticleID is the one place article ids are made. An article with a URL
// is named by it: the host and path as a slug of safe characters and
// twelve hex digits of a hash of the normalised URL
// ("vnexpress.net/the-gioi/ngoai-truong-gap-nhau-4a5b6c7d8e9f"), the same
// whatever file or format it was read from. Without a URL it is named by
// rel, its file's path relative to the build root without extension
// ("x", "2025/x"); a record of a multi-record file (record > 0) by that
// path with its format extension and the record's number
// ("news.jsonl/3"), which no single-article file can be named.
//
// The id is put into IRIs as it is (article/ID, sentence/ID/START-END):
// a path id keeps the characters of the file name, which the store and
// the exports escape.
func ArticleID(rawURL, rel string, record int) string {
	if n := NormalizeURL(rawURL); n != "" {
		return urlSlug(n) + "-" + shortHash(n)
	}
	rel = strings.TrimPrefix(strings.ReplaceAll(rel, "\\", "/"), "./")
	if record > 0 {
		return rel + "/" + strconv.Itoa(record)
	}
	return rel
}

// NormalizeURL returns a URL without what does not name the page: the
// scheme, "www.", the fragment, a trailing slash, default ports and
// tracking parameters (utm_*, fbclid, gclid); the host lower-cased and the
// other query parameters sorted. It returns "" for what is not an
// absolute http(s) URL.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	p := u.EscapedPath()
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	if p == "/" {
		p = ""
	}
	q := u.Query()
	var keys []string
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var qs []string
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			qs = append(qs, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	out := host + p
	if len(qs) > 0 {
		out += "?" + strings.Join(qs, "&")
	}
	return out
}

// maxSlug bounds the readable part of a URL id (bytes).
const maxSlug = 100

// urlSlug makes a normalised URL readable and safe in an IRI: letters and
// digits (ASCII) kept lower-case, one "/" between the host and each path
// segment, any other run of characters a "-".
func urlSlug(n string) string {
	host, rest, _ := strings.Cut(n, "/")
	var segs []string
	if s := slugPart(host, true); s != "" {
		segs = append(segs, s)
	}
	if rest != "" {
		if un, err := url.PathUnescape(rest); err == nil {
			rest = un
		}
		rest, _, _ = strings.Cut(rest, "?")
		for _, ext := range []string{".html", ".htm", ".shtml", ".php", ".aspx", ".asp", ".chn"} {
			if strings.HasSuffix(strings.ToLower(rest), ext) {
				rest = rest[:len(rest)-len(ext)]
				break
			}
		}
		for _, seg := range strings.Split(rest, "/") {
			if s := slugPart(seg, false); s != "" {
				segs = append(segs, s)
			}
		}
	}
	out := strings.Join(segs, "/")
	if len(out) > maxSlug {
		out = strings.TrimRight(out[:maxSlug], "-/")
	}
	if out == "" {
		out = "url"
	}
	return out
}

func slugPart(s string, host bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldDiacritics(s)) {
		ok := r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || host && (r == '.' || r == ':')
		if ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// foldDiacritics writes Vietnamese letters without their marks (đ as d),
// for slugs.
func foldDiacritics(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if f, ok := fold[r]; ok {
			b.WriteRune(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var fold = func() map[rune]rune {
	m := map[rune]rune{}
	for base, letters := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ", 'e': "èéẻẽẹêềếểễệ", 'i': "ìíỉĩị", 'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự", 'y': "ỳýỷỹỵ", 'd': "đ",
	} {
		for _, r := range letters {
			m[r] = base
			m[unicode.ToUpper(r)] = unicode.ToUpper(base)
		}
	}
	return m
}()

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// TextDigest is a digest of an article's normalised text (letters and
// digits, lower-cased, one space between words; a leading date line left
// out): the same story syndicated under two URLs, or saved as two files,
// has the same digest.
func TextDigest(text string) string {
	if first, rest, ok := strings.Cut(text, "\n"); ok && isDateLine(first) {
		text = rest
	}
	// The normalised text goes to the hash through a buffer on the stack,
	// without a string of it; ASCII (most bytes of Vietnamese text) is
	// read without decoding.
	h := sha256.New()
	var buf [4096]byte
	b := buf[:0]
	space, written := false, false
	for i := 0; i < len(text); {
		if len(b) > len(buf)-utf8.UTFMax-1 {
			h.Write(b)
			b = b[:0]
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			lc := c | 0x20
			if 'a' <= lc && lc <= 'z' || '0' <= c && c <= '9' {
				if space && written {
					b = append(b, ' ')
				}
				space, written = false, true
				if 'A' <= c && c <= 'Z' {
					c = lc
				}
				b = append(b, c)
				continue
			}
			space = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if lr, ok := latinLetterLower(r); ok || unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && written {
				b = append(b, ' ')
			}
			space, written = false, true
			if !ok {
				lr = unicode.ToLower(r)
			}
			b = utf8.AppendRune(b, lr)
			continue
		}
		if unicode.IsMark(r) {
			continue
		}
		space = true
	}
	h.Write(b)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return hex.EncodeToString(sum[:8])
}

func isDateLine(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(strings.ToLower(line)), "date ")
}

// relPath is p relative to root with forward slashes, or p's base name
// when it is not under root.
func relPath(root, p string) string {
	if root != "" {
		if r, err := filepath.Rel(root, p); err == nil && r != ".." && !strings.HasPrefix(r, "../") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.Base(p)
}
