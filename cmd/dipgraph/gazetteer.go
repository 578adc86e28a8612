package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/pipeline"
)

func newGazetteer(gl *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "gazetteer", Short: "Check and curate gazetteers"}
	var strict, noLint bool
	check := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Validate and lint gazetteer files (default: the embedded one); every problem as file:line:col",
		Long: `Validate gazetteer files and lint their data. Load problems (malformed
YAML, unknown fields, duplicate ids, clashing aliases, tenures that end before
they start, unknown roles) make the exit status 1. Lint problems, marked
"lint:", do not stop the files loading: a single-holder role held by two
officials at once or left without a holder for more than a month, a covered
country's office without a holder since 2015, a surname or alias key shared
by two officials of one country in office together without a disambiguate
note, a role no title reaches. They are printed on stdout; with --strict they
make the exit status 1 too.

Name the default gazetteer "default" to check your files merged with it:
  dipgraph gazetteer check default my-officials.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			files := args
			if len(files) == 0 {
				files = gl.gazetteers
			}
			var loadProbs, lint gazetteer.Problems
			for _, p := range gazetteer.Check(files...) {
				if strings.HasPrefix(p.Msg, "lint: ") {
					lint = append(lint, p)
				} else {
					loadProbs = append(loadProbs, p)
				}
			}
			if len(loadProbs) > 0 {
				return loadProbs
			}
			g, err := gazetteer.Load(files...)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if !noLint {
				for _, p := range lint {
					fmt.Fprintln(out, p)
				}
			}
			fmt.Fprintf(out, "ok: %d countries, %d places, %d roles (%d from templates), %d officials, %d topics, %d meeting kinds",
				len(g.Countries), len(g.Places), len(g.Roles)+len(g.Generated), len(g.Generated), len(g.Officials), len(g.Topics), len(g.Kinds))
			if !noLint {
				fmt.Fprintf(out, "; %d lint problem(s)", len(lint))
			}
			fmt.Fprintln(out)
			if strict && !noLint && len(lint) > 0 {
				return fmt.Errorf("%d lint problem(s)", len(lint))
			}
			return nil
		},
	}
	check.Flags().BoolVar(&strict, "strict", false, "exit 1 on lint problems too")
	check.Flags().BoolVar(&noLint, "no-lint", false, "only validate: do not lint")
	suggest := &cobra.Command{
		Use:   "suggest PATH...",
		Short: "List officials found by their titles but missing from the gazetteer, as YAML to paste into one",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			sugs, err := pipeline.Suggest(cmd.Context(), args, g)
			if err != nil {
				return err
			}
			return pipeline.WriteSuggestions(cmd.OutOrStdout(), sugs)
		},
	}
	unused := &cobra.Command{
		Use:   "unused PATH...",
		Short: "List the gazetteer's names, aliases and topic keywords that no article matched",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			phrases, err := pipeline.Unused(cmd.Context(), args, g)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, p := range phrases {
				fmt.Fprintf(out, "%s\t%s\t%s\n", p.Kind, p.ID, p.Text)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d of %d names and keywords never matched\n", len(phrases), len(g.Phrases()))
			return nil
		},
	}
	cmd.AddCommand(check, suggest, unused)
	return cmd
}
