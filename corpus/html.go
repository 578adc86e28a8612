package corpus

import (
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlStart matches the beginning of an HTML page.
var htmlStart = regexp.MustCompile(`(?i)^[\s\x{feff}]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]`)

// htmlTag matches common HTML tags, to tell a text file holding a page
// (or a fragment of one) from text that merely mentions a "<".
var htmlTag = regexp.MustCompile(`(?i)</?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|li|ul|ol|table|tr|td|img|figure|figcaption|script|style|section|article)(?:\s[^<>]*)?/?>`)

// isHTML reports whether a file is an HTML page: by its extension, by its
// first tag, or by holding at least three common tags.
func isHTML(path, text string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	if strings.IndexByte(text, '<') < 0 {
		return false // both patterns below start with a tag
	}
	if htmlStart.MatchString(text) {
		return true
	}
	return len(htmlTag.FindAllStringIndex(text, 3)) >= 3
}

// skipContent lists elements whose content is not article text.
var skipContent = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true,
}

// blocks lists elements that begin and end a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Main: true, atom.Blockquote: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
	atom.Pre: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Address: true, atom.Body: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true,
}

// dateMeta are meta names and properties that carry a publication date.
var dateMeta = map[string]bool{
	"article:published_time": true, "datepublished": true, "pubdate": true, "publishdate": true,
	"date": true, "dc.date": true, "dc.date.issued": true, "og:published_time": true,
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// stripHTML returns the text of an HTML page, one line per block, with
// entities decoded and the content of scripts, styles, navigation,
// footers, asides and forms left out; and the page's publication date
// (YYYY-MM-DD) from its meta tags or first <time datetime>, if any.
func stripHTML(page string) (text, date string) {
	z := html.NewTokenizer(strings.NewReader(page))
	var out strings.Builder
	var line strings.Builder
	flush := func() {
		if s := strings.TrimSpace(line.String()); s != "" {
			out.WriteString(s)
			out.WriteByte('\n')
		}
		line.Reset()
	}
	skip := 0 // depth inside elements whose content is skipped
	pre := 0
	var metaDate, timeDate string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			if metaDate != "" {
				date = metaDate
			} else {
				date = timeDate
			}
			return out.String(), date
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := string(z.Text())
			if pre > 0 {
				for i, part := range strings.Split(t, "\n") {
					if i > 0 {
						flush()
					}
					line.WriteString(part)
				}
				continue
			}
			line.WriteString(collapseSpace(t))
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
			}
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				switch a {
				case atom.Meta:
					key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
					if dateMeta[key] && metaDate == "" && isoDay.MatchString(attrs["content"]) {
						metaDate = attrs["content"][:10]
					}
				case atom.Time:
					if timeDate == "" && isoDay.MatchString(attrs["datetime"]) {
						timeDate = attrs["datetime"][:10]
					}
				}
			}
			if a == atom.Body && tt == html.StartTagToken {
				skip = 0 // an unclosed <head> (or script) ends at <body>
			}
			selfClosing := tt == html.SelfClosingTagToken || isVoid(a)
			if skipContent[a] && !selfClosing {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if a == atom.Pre && !selfClosing {
				if tt == html.StartTagToken {
					pre++
				} else if pre > 0 {
					pre--
				}
			}
			if blocks[a] {
				flush()
			} else if a == atom.Td || a == atom.Th {
				line.WriteByte(' ')
			}
		}
	}
}

// isVoid reports elements that never have content.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// collapseSpace turns runs of white space (line breaks included, as in
// HTML) into one space; non-breaking spaces become spaces too.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicodeSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
