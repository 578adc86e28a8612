package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

type metOptions struct {
	io      *IO
	gl      *globals
	name    string
	json    bool
	planned bool
	sources bool
}

func newMet(gl *globals, ios *IO) *cobra.Command {
	o := metOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "met NAME",
		Short: "Who NAME (any name, alias, surname or id) has met: counterpart, role, date, place, kind, topics, source",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.name = strings.Join(args, " ")
			return runMet(cmd.Context(), &o)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
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
	if o.json {
		return printJSON(out, struct {
			Official graph.Official `json:"official"`
			Met      []graph.MetRow `json:"met"`
		}{off, rows})
	}
	fmt.Fprintf(out, "%s (%s) met %d time(s):\n", off.Name, off.Country, len(rows))
	tw := tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tCOUNTERPART\tROLE\tKIND\tPLACE\tSTATUS\tTOPICS\tSOURCE")
	for _, r := range rows {
		srcs := graph.DistinctSources(r.Sources)
		fmt.Fprintf(tw, "%s\t%s (%s)\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(graph.FormatDate(r.Date)), r.Counterpart.Name, r.Counterpart.Country,
			dash(strings.Join(r.Roles, ", ")), dash(r.Kind), dash(r.Place), r.Status, dash(strings.Join(r.Topics, ", ")), strings.Join(srcs, ", "))
	}
	tw.Flush()
	if o.sources {
		for _, r := range rows {
			fmt.Fprintf(out, "\n%s, %s:\n", dash(graph.FormatDate(r.Date)), r.Counterpart.Name)
			last := ""
			for _, s := range r.Sources {
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
