package export

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os/exec"
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// ErrNoGraphviz is returned when svg or png is asked for and Graphviz's
// dot program cannot be found.
var ErrNoGraphviz = errors.New(`Graphviz's "dot" program is not installed or not on PATH (Debian: apt-get install graphviz)`)

// countryColours are the fill colours of officials by country; other
// countries get one of spareColours by a hash of their code.
var countryColours = map[string]string{
	"KR": "#9ecae1", "US": "#fc9272", "JP": "#fdd0a2", "CN": "#fee391",
	"VN": "#a1d99b", "KP": "#bcbddc", "RU": "#d9d9d9",
}

var spareColours = []string{"#c7e9c0", "#fdae6b", "#dadaeb", "#c6dbef", "#fcbba1", "#e5f5e0", "#fde0dd", "#f2f0f7"}

func countryColour(cc string) string {
	if c, ok := countryColours[cc]; ok {
		return c
	}
	if cc == "" {
		return "#ffffff"
	}
	h := fnv.New32a()
	h.Write([]byte(cc))
	return spareColours[h.Sum32()%uint32(len(spareColours))]
}

// kindStyle is the Graphviz node style of each kind.
var kindStyle = map[string]string{
	"official": `shape=ellipse, style=filled`,
	"meeting":  `shape=box, style="rounded,filled", fillcolor="#f0f0f0", fontsize=9`,
	"topic":    `shape=note, style=filled, fillcolor="#fff7bc"`,
	"role":     `shape=hexagon, style=filled, fillcolor="#ffffff", fontsize=9`,
	"place":    `shape=house, style=filled, fillcolor="#e0ecf4"`,
}

// dotID quotes a string as a DOT id.
func dotID(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeDOT writes the graph as Graphviz source: UTF-8, quoted ids, names
// as labels, a style per kind, a colour per country, edges labelled with
// the predicate and date, and the sources as tooltips (shown by SVG).
func writeDOT(w io.Writer, g *exportGraph) error {
	bw := bufio.NewWriter(w)
	font := `fontname="DejaVu Sans"`
	if g.View == ViewMet {
		fmt.Fprintln(bw, `graph "dipgraph-met" {`)
		layout, note := metLayout(g)
		fmt.Fprintf(bw, "  charset=\"UTF-8\";\n  graph [%s, sep=\"+12\", %s, fontsize=12, label=%s, labelloc=t];\n",
			layout, font, dotID("Who met whom (held meetings: count and date range)"+note))
	} else {
		fmt.Fprintln(bw, `digraph "dipgraph" {`)
		fmt.Fprintf(bw, "  charset=\"UTF-8\";\n  graph [rankdir=LR, %s, fontsize=12];\n", font)
	}
	fmt.Fprintf(bw, "  node [%s, fontsize=11, color=\"#555555\"];\n  edge [%s, fontsize=8, color=\"#777777\"];\n", font, font)
	countries := map[string]bool{}
	for _, n := range g.Nodes {
		var attrs []string
		if n.Kind == "official" {
			countries[n.Country] = true
			attrs = append(attrs, "fillcolor="+dotID(countryColour(n.Country)))
		}
		label := n.Name
		switch n.Kind {
		case "meeting":
			kind := n.MeetingKind
			if n.Status == schema.Planned {
				kind = "planned " + kind
			}
			label = strings.Join(nonEmptyStrings(kind, n.Date, n.Place), "\n")
		case "official", "role", "place":
			if n.Country != "" && n.Kind != "official" {
				attrs = append(attrs, "color="+dotID(darker(countryColour(n.Country))))
			}
		}
		tip := n.ID
		if n.Country != "" {
			tip += " · " + n.Country
		}
		if len(n.Articles) > 0 {
			tip += " · reported in " + strings.Join(n.Articles, ", ")
		}
		attrs = append(attrs, "label="+dotID(label), "tooltip="+dotID(tip))
		fmt.Fprintf(bw, "  %s [%s, %s];\n", dotID(n.ID), kindStyle[n.Kind], strings.Join(attrs, ", "))
	}
	if g.View == ViewMet {
		names := map[string]string{}
		for _, n := range g.Nodes {
			names[n.ID] = n.Name
		}
		for _, e := range g.Edges {
			width := 1.0 + 0.8*float64(min(e.Meetings, 6)-1)
			tip := fmt.Sprintf("%s — %s: %s; articles %s", names[e.Source], names[e.Target], meetingsLabel(e, ", "), strings.Join(e.ArticleIDs, ", "))
			fmt.Fprintf(bw, "  %s -- %s [label=%s, penwidth=%.1f, tooltip=%s];\n",
				dotID(e.Source), dotID(e.Target), dotID(meetingsLabel(e, "\n")), width, dotID(tip))
		}
	} else {
		writeDOTEdges(bw, g)
	}
	writeLegend(bw, g, countries)
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// writeDOTEdges draws the facts of the full view. Met facts are left out
// (the meeting nodes link their participants; --view met draws them), and
// a fact stated by several articles is drawn once, its articles in the
// tooltip.
func writeDOTEdges(bw *bufio.Writer, g *exportGraph) {
	type key struct{ s, t, p string }
	var order []key
	groups := map[key][]gEdge{}
	for _, e := range g.Edges {
		if e.Predicate == schema.PredMet {
			continue
		}
		k := key{e.Source, e.Target, e.Predicate}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	for _, k := range order {
		es := groups[k]
		dates := []string{}
		var tips []string
		for _, e := range es {
			if e.Date != "" && !slices.Contains(dates, e.Date) {
				dates = append(dates, e.Date)
			}
			tip := e.Article
			if e.Text != "" {
				tip += ": " + truncateRunes(e.Text, 200)
			}
			tips = append(tips, tip)
		}
		sort.Strings(dates)
		label := k.p
		if len(dates) > 0 {
			label += "\n" + strings.Join(dates, ", ")
		}
		fmt.Fprintf(bw, "  %s -> %s [label=%s, tooltip=%s];\n", dotID(k.s), dotID(k.t), dotID(label), dotID(strings.Join(tips, "\n")))
	}
}

// writeLegend adds a box with the countries' colours.
func writeLegend(bw *bufio.Writer, g *exportGraph, countries map[string]bool) {
	var codes []string
	for c := range countries {
		if c != "" {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return
	}
	sort.Strings(codes)
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="1" cellspacing="0" cellpadding="3">`)
	for _, c := range codes {
		name := g.countries[c]
		if name == "" {
			name = c
		}
		fmt.Fprintf(&b, `<tr><td bgcolor="%s">%s</td><td align="left">%s</td></tr>`, countryColour(c), htmlEscape(c), htmlEscape(name))
	}
	b.WriteString(`</table>>`)
	fmt.Fprintf(bw, "  \"legend\" [shape=plaintext, style=\"\", label=%s, tooltip=\"colour by country\"];\n", b.String())
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func nonEmptyStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// darker returns a darker shade of a #rrggbb colour.
func darker(c string) string {
	var r, g, b int
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return c
	}
	return fmt.Sprintf("#%02x%02x%02x", r*3/5, g*3/5, b*3/5)
}

// renderDOT draws the graph with Graphviz's dot program into w as svg or png.
func renderDOT(ctx context.Context, w io.Writer, g *exportGraph, format, program string) error {
	if err := checkDrawable(g, format); err != nil {
		return err
	}
	if program == "" {
		program = "dot"
	}
	path, err := exec.LookPath(program)
	if err != nil {
		return fmt.Errorf("--format %s: %w; --format dot writes the Graphviz source without it", format, ErrNoGraphviz)
	}
	var src bytes.Buffer
	if err := writeDOT(&src, g); err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, path, "-T"+format)
	cmd.Stdin = &src
	cmd.Stdout = w
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if ctx.Err() != nil {
			return fmt.Errorf("render %s with %s: %w", format, path, ctx.Err())
		}
		return fmt.Errorf("render %s with %s: %w: %s", format, path, err, msg)
	}
	return nil
}
