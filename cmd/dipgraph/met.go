package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

func newMet(gl *globals) *cobra.Command {
	var asJSON, planned, sources bool
	cmd := &cobra.Command{
		Use:   "met NAME",
		Short: "Who NAME (any name, alias or surname) has met: counterpart, role, date, place, kind, topics, source",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.Join(args, " ")
			st, err := gl.readStore(time.Second)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
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
			rows, err := st.Met(ctx, offs[0].ID, planned)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(struct {
					Official graph.Official `json:"official"`
					Met      []graph.MetRow `json:"met"`
				}{offs[0], rows})
			}
			fmt.Fprintf(out, "%s (%s) met %d time(s):\n", offs[0].Name, offs[0].Country, len(rows))
			tw := tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
			fmt.Fprintln(tw, "DATE\tCOUNTERPART\tROLE\tKIND\tPLACE\tSTATUS\tTOPICS\tSOURCE")
			for _, r := range rows {
				srcs := graph.DistinctSources(r.Sources)
				fmt.Fprintf(tw, "%s\t%s (%s)\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(graph.FormatDate(r.Date)), r.Counterpart.Name, r.Counterpart.Country,
					dash(strings.Join(r.Roles, ", ")), dash(r.Kind), dash(r.Place), r.Status, dash(strings.Join(r.Topics, ", ")), strings.Join(srcs, ", "))
			}
			tw.Flush()
			if sources {
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
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&planned, "planned", false, "include planned meetings")
	cmd.Flags().BoolVar(&sources, "sources", false, "print the sentences that report each meeting")
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
