package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

type metOptions struct {
	io      *IO
	gl      *globals
	name    string
	format  string
	json    bool
	wide    bool
	planned bool
	sources bool
}

func newMet(gl *globals, ios *IO) *cobra.Command {
	o := metOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "met NAME",
		Short: "Who NAME (any name, alias, surname or id) has met: one row per meeting with date, counterparts, kind, place, status, sources, topics",
		Long: `Who NAME (any name, alias, surname or id) has met: one row per meeting,
by date, with all its counterparts in the row ("A (KR) + B (JP)" for a
trilateral meeting), kind, place, status, the number of source articles
and the topics.

On a terminal the table fits its width (the terminal's, else $COLUMNS,
else 100 columns): long cells are cut with "…", topics first; --wide
prints every column whole (roles and article ids too), as does any output
that is not a terminal. --format tsv gives one row per meeting with every
field, --format json (or --json) every meeting and counterpart as
"dipgraph serve" answers /api/v1/met: one entry per meeting and
counterpart.

A name several officials share is an error that lists those the store's
articles mention, most mentioned first, and counts the gazetteer's others.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.name = strings.Join(args, " ")
			if o.json {
				if cmd.Flags().Changed("format") && o.format != "json" {
					return fmt.Errorf("--json and --format %s: give one", o.format)
				}
				o.format = "json"
			}
			switch o.format {
			case "table", "json":
			case "tsv":
				if o.sources {
					return fmt.Errorf("--sources is for the table (--format json has the sentences)")
				}
			default:
				return fmt.Errorf("--format %q: want table, tsv or json", o.format)
			}
			return runMet(cmd.Context(), &o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "table", "table, tsv (one row per meeting, every field) or json")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (= --format json)")
	cmd.Flags().BoolVar(&o.wide, "wide", false, "on a terminal too, every column whole (roles and articles too)")
	cmd.Flags().BoolVar(&o.planned, "planned", false, "include planned meetings")
	cmd.Flags().BoolVar(&o.sources, "sources", false, "print the sentences that report each meeting")
	return cmd
}

// sourceLine names a source article: its title, URL, file and record
// position, as far as known.
func sourceLine(s graph.Source) string {
	var parts []string
	if s.Title != "" {
		parts = append(parts, "«"+s.Title+"»")
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	file := s.File
	if file == "" {
		file = s.Article
	}
	if s.Position != "" {
		file += " (" + s.Position + ")"
	}
	parts = append(parts, file)
	return strings.Join(parts, " ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func runMet(ctx context.Context, o *metOptions) error {
	st, err := o.gl.readStore(time.Second)
	if err != nil {
		return err
	}
	defer st.Close()
	off, err := st.ResolveOfficial(ctx, o.name)
	if err != nil {
		return err
	}
	rows, err := st.Met(ctx, off.ID, o.planned)
	if err != nil {
		return err
	}
	out := o.io.Out
	if o.format == "json" {
		return printJSON(out, struct {
			Official graph.Official `json:"official"`
			Met      []graph.MetRow `json:"met"`
		}{off, rows})
	}
	meetings := graph.MetMeetings(rows)
	if o.format == "tsv" {
		return writeMetTSV(out, meetings)
	}
	limit := o.io.width()
	wide := o.wide || limit == 0
	if wide {
		limit = 0
	}
	fmt.Fprintln(out, wrapLine(metSummary(off, meetings), limit))
	if err := writeTable(out, metColumns(wide), metCells(meetings, wide), limit, metFit); err != nil {
		return err
	}
	if o.sources {
		for _, m := range meetings {
			fmt.Fprintf(out, "\n%s, %s:\n", dash(graph.FormatDate(m.Date)), strings.Join(counterpartNames(m, false), listSep))
			last := ""
			for _, s := range m.Sources {
				if s.Article != last {
					last = s.Article
					fmt.Fprintf(out, "  %s\n", sourceLine(s))
				}
				fmt.Fprintf(out, "    [%s] %s\n", s.Span, s.Sentence)
			}
		}
	}
	return nil
}

// metSummary is the line above the table: how many meetings, with how
// many officials, and how many of the meetings had several counterparts.
func metSummary(off graph.Official, meetings []graph.MetMeeting) string {
	people := map[string]bool{}
	multi := 0
	for _, m := range meetings {
		for _, c := range m.Counterparts {
			people[c.ID] = true
		}
		if len(m.Counterparts) > 1 {
			multi++
		}
	}
	s := fmt.Sprintf("%s (%s) met %d time(s)", off.Name, off.Country, len(meetings))
	if len(meetings) > 0 {
		s += fmt.Sprintf(", %d official(s)", len(people))
	}
	if multi > 0 {
		s += fmt.Sprintf("; %d meeting(s) with several counterparts", multi)
	}
	return s + ":"
}

// counterpartNames lists a meeting's counterparts as "Name (CC)", or by
// id when ids is true.
func counterpartNames(m graph.MetMeeting, ids bool) []string {
	var out []string
	for _, c := range m.Counterparts {
		switch {
		case ids:
			out = append(out, c.ID)
		case c.Country != "":
			out = append(out, c.Name+" ("+c.Country+")")
		default:
			out = append(out, c.Name)
		}
	}
	return out
}

// metColumns are the table's columns; metFit fits the narrow ones to a
// terminal.
func metColumns(wide bool) []column {
	if wide {
		return []column{{head: "DATE"}, {head: "COUNTERPARTS"}, {head: "ROLES"}, {head: "KIND"}, {head: "PLACE"},
			{head: "STATUS"}, {head: "SOURCES"}, {head: "TOPICS"}, {head: "ARTICLES"}}
	}
	return []column{{head: "DATE"}, {head: "COUNTERPARTS", cut: cutList}, {head: "KIND"}, {head: "PLACE"},
		{head: "STATUS"}, {head: "SOURCES"}, {head: "TOPICS"}}
}

// metFit fits the narrow table to a terminal: topics are cut, then left
// out; then counterparts, place and kind are cut, place and kind left out,
// counterparts cut further (cutList keeps the number left out: "A (KR) +1").
var metFit = []fitStep{{6, 12}, {6, -1}, {1, 24}, {3, 8}, {2, 8}, {1, 16}, {3, -1}, {2, -1}, {1, 12}}

// metCells are the table's cells, in metColumns' order.
func metCells(meetings []graph.MetMeeting, wide bool) [][]string {
	var rows [][]string
	for _, m := range meetings {
		date := dash(graph.FormatDate(m.Date))
		who := strings.Join(counterpartNames(m, false), listSep)
		topics := dash(strings.Join(m.Topics, ", "))
		n := strconv.Itoa(m.SourceCount)
		if !wide {
			rows = append(rows, []string{date, who, dash(m.Kind), dash(m.Place), m.Status, n, topics})
			continue
		}
		var roles []string
		for _, c := range m.Counterparts {
			roles = append(roles, dash(strings.Join(c.Roles, ", ")))
		}
		rows = append(rows, []string{date, who, strings.Join(roles, listSep), dash(m.Kind), dash(m.Place), m.Status, n, topics,
			strings.Join(graph.DistinctSources(m.Sources), ", ")})
	}
	return rows
}

// writeMetTSV writes one line per meeting with every field, lists joined
// by "; " (roles: one entry per counterpart, its roles joined by ",").
func writeMetTSV(w io.Writer, meetings []graph.MetMeeting) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("meeting\tdate\tstatus\tkind\tplace\tn_sources\tn_participants\tcounterparts\tcounterpart_ids\tcountries\troles\ttopics\tarticles\n")
	for _, m := range meetings {
		var names, ids, countries, roles []string
		for _, c := range m.Counterparts {
			names = append(names, c.Name)
			ids = append(ids, c.ID)
			countries = append(countries, c.Country)
			roles = append(roles, strings.Join(c.Roles, ","))
		}
		cells := []string{m.Meeting, graph.FormatDate(m.Date), m.Status, m.Kind, m.Place, strconv.Itoa(m.SourceCount),
			strconv.Itoa(len(m.Counterparts) + 1), strings.Join(names, "; "), strings.Join(ids, "; "), strings.Join(countries, "; "),
			strings.Join(roles, "; "), strings.Join(m.Topics, "; "), strings.Join(graph.DistinctSources(m.Sources), "; ")}
		for i, c := range cells {
			cells[i] = tsvCell(c)
		}
		bw.WriteString(strings.Join(cells, "\t") + "\n")
	}
	return bw.Flush()
}

// tsvCell keeps a cell on its line and column: tabs and line breaks
// become spaces.
func tsvCell(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
