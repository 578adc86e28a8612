package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/pipeline"
)

type gazetteerCheckOptions struct {
	io     *IO
	gl     *globals
	files  []string
	strict bool
	noLint bool
}

type gazetteerScanOptions struct {
	io    *IO
	gl    *globals
	paths []string
}

func newGazetteer(gl *globals, ios *IO) *cobra.Command {
	cmd := &cobra.Command{Use: "gazetteer", Short: "Check and curate gazetteers"}
	co := gazetteerCheckOptions{io: ios, gl: gl}
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
			co.files = args
			return runGazetteerCheck(&co)
		},
	}
	check.Flags().BoolVar(&co.strict, "strict", false, "exit 1 on lint problems too")
	check.Flags().BoolVar(&co.noLint, "no-lint", false, "only validate: do not lint")
	so := gazetteerScanOptions{io: ios, gl: gl}
	suggest := &cobra.Command{
		Use:   "suggest PATH...",
		Short: "List officials found by their titles but missing from the gazetteer, as YAML to paste into one",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			so.paths = args
			return runGazetteerSuggest(cmd.Context(), &so)
		},
	}
	uo := gazetteerScanOptions{io: ios, gl: gl}
	unused := &cobra.Command{
		Use:   "unused PATH...",
		Short: "List the gazetteer's names, aliases and topic keywords that no article matched",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			uo.paths = args
			return runGazetteerUnused(cmd.Context(), &uo)
		},
	}
	cmd.AddCommand(check, suggest, unused)
	return cmd
}

func runGazetteerCheck(o *gazetteerCheckOptions) error {
	files := o.files
	if len(files) == 0 {
		files = o.gl.gazetteers
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
	out := o.io.Out
	if !o.noLint {
		for _, p := range lint {
			fmt.Fprintln(out, p)
		}
	}
	fmt.Fprintf(out, "ok: %d countries, %d places, %d roles (%d from templates), %d officials, %d topics, %d meeting kinds",
		len(g.Countries), len(g.Places), len(g.Roles)+len(g.Generated), len(g.Generated), len(g.Officials), len(g.Topics), len(g.Kinds))
	if !o.noLint {
		fmt.Fprintf(out, "; %d lint problem(s)", len(lint))
	}
	fmt.Fprintln(out)
	if o.strict && !o.noLint && len(lint) > 0 {
		return fmt.Errorf("%d lint problem(s)", len(lint))
	}
	return nil
}

func runGazetteerSuggest(ctx context.Context, o *gazetteerScanOptions) error {
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	sugs, err := pipeline.Suggest(ctx, o.paths, g)
	if err != nil {
		return err
	}
	return pipeline.WriteSuggestions(o.io.Out, sugs)
}

func runGazetteerUnused(ctx context.Context, o *gazetteerScanOptions) error {
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	phrases, err := pipeline.Unused(ctx, o.paths, g)
	if err != nil {
		return err
	}
	for _, p := range phrases {
		fmt.Fprintf(o.io.Out, "%s\t%s\t%s\n", p.Kind, p.ID, p.Text)
	}
	fmt.Fprintf(o.io.Err, "%d of %d names and keywords never matched\n", len(phrases), len(g.Phrases()))
	return nil
}
