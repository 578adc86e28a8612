package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

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
		Short: "Who NAME (any name, alias or surname) has met: counterpart, role, date, place, kind, topics, source",
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

func runMet(ctx context.Context, o *metOptions) error {
	name := o.name
	st, err := o.gl.store()
	if err != nil {
		return err
	}
	defer st.Close()
	offs, err := st.FindOfficials(ctx, name)
	if err != nil {
		return err
	}
	switch len(offs) {
	case 0:
		return fmt.Errorf("no official named %q in %s", name, st.Path())
	case 1:
	default:
		var b strings.Builder
		for _, o := range offs {
			fmt.Fprintf(&b, "\n  %s (%s, %s)", o.Name, o.Country, o.ID)
		}
		return fmt.Errorf("%q names %d officials; give a fuller name:%s", name, len(offs), b.String())
	}
	rows, err := st.Met(ctx, offs[0].ID, o.planned)
	if err != nil {
		return err
	}
	out := o.io.Out
	if o.json {
		return printJSON(out, struct {
			Official graph.Official `json:"official"`
			Met      []graph.MetRow `json:"met"`
		}{offs[0], rows})
	}
	fmt.Fprintf(out, "%s (%s) met %d time(s):\n", offs[0].Name, offs[0].Country, len(rows))
	tw := tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tCOUNTERPART\tROLE\tKIND\tPLACE\tSTATUS\tTOPICS\tSOURCE")
	for _, r := range rows {
		var srcs []string
		for _, s := range r.Sources {
			if !contains(srcs, s.Article) {
				srcs = append(srcs, s.Article)
			}
		}
		fmt.Fprintf(tw, "%s\t%s (%s)\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(graph.FormatDate(r.Date)), r.Counterpart.Name, r.Counterpart.Country,
			dash(strings.Join(r.Roles, ", ")), dash(r.Kind), dash(r.Place), r.Status, dash(strings.Join(r.Topics, ", ")), strings.Join(srcs, ", "))
	}
	tw.Flush()
	if o.sources {
		for _, r := range rows {
			fmt.Fprintf(out, "\n%s, %s:\n", dash(graph.FormatDate(r.Date)), r.Counterpart.Name)
			for _, s := range r.Sources {
				fmt.Fprintf(out, "  %s [%s] %s\n", s.File, s.Span, s.Sentence)
			}
		}
	}
	return nil
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
