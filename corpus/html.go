package corpus

import (
	"encoding/json"
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

// pageMeta is what a page says of itself in its head.
type pageMeta struct {
	Date  string // YYYY-MM-DD
	Title string
	URL   string // canonical link, og:url or JSON-LD url
	// Headline is the title from og:title or JSON-LD, not only <title>
	// (which often holds the site's name too).
	Headline bool
}

// furniture lists parts of class and id names that mark page furniture:
// menus, breadcrumbs, share buttons, related links, comments, ads.
var furniture = map[string]bool{
	"menu": true, "nav": true, "navbar": true, "breadcrumb": true, "breadcrumbs": true,
	"related": true, "comment": true, "comments": true, "share": true, "social": true,
	"banner": true, "advert": true, "advertisement": true, "ads": true, "ad": true,
	"sidebar": true, "cookie": true, "newsletter": true, "footer": true, "subscribe": true,
	"popup": true, "modal": true, "tags": true,
}

// isFurniture reports an element whose class or id names page furniture
// ("box-related", "social_share", "main-menu").
func isFurniture(attrs map[string]string) bool {
	for _, tok := range strings.Fields(attrs["class"] + " " + attrs["id"]) {
		for _, part := range strings.FieldsFunc(strings.ToLower(tok), func(r rune) bool { return r == '-' || r == '_' }) {
			if furniture[part] {
				return true
			}
		}
	}
	return false
}

// stripHTML returns the text of an HTML page, one line per block, with
// entities decoded and the content of scripts, styles, navigation,
// footers, asides, forms and elements whose class or id names furniture
// (menus, share buttons, related links, comments, ads) left out; when the
// page has an <article>, <main> or articleBody element with most of the
// text, only that element's text. And what the page says of itself: the
// publication date (YYYY-MM-DD) from article:published_time or other date
// meta, JSON-LD datePublished, or the first <time datetime>; the title
// from og:title, JSON-LD headline or <title>; the URL from the canonical
// link, og:url or JSON-LD.
func stripHTML(page string) (string, pageMeta) {
	z := html.NewTokenizer(strings.NewReader(page))
	var out, main strings.Builder
	var line strings.Builder
	inMain := 0 // depth inside the main element (0: outside)
	var mainAtom atom.Atom
	mainSeen := false
	flush := func() {
		if s := strings.TrimSpace(line.String()); s != "" {
			out.WriteString(s)
			out.WriteByte('\n')
			if inMain > 0 {
				main.WriteString(s)
				main.WriteByte('\n')
			}
		}
		line.Reset()
	}
	skip := 0 // depth inside elements whose content is skipped
	var furnAtom atom.Atom
	furn := 0 // depth inside a furniture element
	pre := 0
	var metaDate, timeDate, ldDate, ogTitle, ldTitle, titleTag, canonical, ogURL, ldURL string
	inTitle, inLD := false, false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			var m pageMeta
			m.Date = first(metaDate, ldDate, timeDate)
			m.Title = strings.TrimSpace(collapseSpace(first(ogTitle, ldTitle, titleTag)))
			m.Headline = ogTitle != "" || ldTitle != ""
			m.URL = strings.TrimSpace(first(canonical, ogURL, ldURL))
			text := out.String()
			if mt := main.String(); mainSeen && len(strings.TrimSpace(mt)) > 0 && len(mt)*2 >= len(text) {
				text = mt
			}
			return text, m
		case html.TextToken:
			if inLD {
				d, t, u := jsonLD(z.Text())
				ldDate, ldTitle, ldURL = first(ldDate, d), first(ldTitle, t), first(ldURL, u)
				continue
			}
			if inTitle && titleTag == "" {
				titleTag = html.UnescapeString(string(z.Text()))
			}
			if skip > 0 || furn > 0 {
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
			start := tt == html.StartTagToken || tt == html.SelfClosingTagToken
			if start {
				switch a {
				case atom.Meta:
					key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
					content := attrs["content"]
					switch {
					case dateMeta[key] && metaDate == "" && isoDay.MatchString(content):
						metaDate = content[:10]
					case key == "og:title" && ogTitle == "":
						ogTitle = content
					case key == "og:url" && ogURL == "":
						ogURL = content
					}
				case atom.Link:
					if strings.EqualFold(strings.TrimSpace(attrs["rel"]), "canonical") && canonical == "" {
						canonical = attrs["href"]
					}
				case atom.Time:
					if timeDate == "" && isoDay.MatchString(attrs["datetime"]) {
						timeDate = attrs["datetime"][:10]
					}
				}
			}
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
			}
			if a == atom.Script {
				inLD = tt == html.StartTagToken && strings.Contains(strings.ToLower(attrs["type"]), "ld+json")
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
			if !selfClosing && skip == 0 {
				switch {
				case furn > 0 && a == furnAtom && tt == html.StartTagToken:
					furn++
				case furn > 0 && a == furnAtom && tt == html.EndTagToken:
					furn--
					if furn == 0 {
						continue
					}
				case furn == 0 && tt == html.StartTagToken && isFurniture(attrs):
					flush()
					furnAtom, furn = a, 1
				}
			}
			if !selfClosing && furn == 0 && skip == 0 {
				isMain := a == atom.Article || a == atom.Main || strings.EqualFold(attrs["itemprop"], "articleBody")
				switch {
				case inMain == 0 && !mainSeen && tt == html.StartTagToken && isMain:
					flush()
					mainAtom, inMain, mainSeen = a, 1, true
				case inMain > 0 && a == mainAtom && tt == html.StartTagToken:
					inMain++
				case inMain > 0 && a == mainAtom && tt == html.EndTagToken:
					flush()
					inMain--
				}
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

// first returns the first of its arguments that is not empty.
func first(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// jsonLD reads a JSON-LD script: the datePublished (YYYY-MM-DD),
// headline and url of the first NewsArticle (or Article, BlogPosting,
// ReportageNewsArticle) in it, at its top, in a list or in an @graph.
func jsonLD(b []byte) (date, title, u string) {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return "", "", ""
	}
	var walk func(v any, depth int) bool
	walk = func(v any, depth int) bool {
		if depth > 4 {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if walk(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				if d, _ := x["datePublished"].(string); isoDay.MatchString(d) {
					date = d[:10]
				}
				title, _ = x["headline"].(string)
				u, _ = x["url"].(string)
				if u == "" {
					switch m := x["mainEntityOfPage"].(type) {
					case string:
						u = m
					case map[string]any:
						u, _ = m["@id"].(string)
					}
				}
				return true
			}
			if g, ok := x["@graph"]; ok {
				return walk(g, depth+1)
			}
		}
		return false
	}
	walk(v, 0)
	return date, title, u
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		switch x {
		case "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle":
			return true
		}
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
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
