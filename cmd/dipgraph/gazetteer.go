package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/pipeline"
)

func newGazetteer(gl *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "gazetteer", Short: "Check and curate gazetteers"}
	check := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Validate gazetteer files (default: the embedded one); every problem as file:line:col",
		RunE: func(cmd *cobra.Command, args []string) error {
			files := args
			if len(files) == 0 {
				files = gl.gazetteers
			}
			g, err := gazetteer.Load(files...)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "ok: %d countries, %d places, %d roles, %d officials, %d topics, %d meeting kinds\n",
				len(g.Countries), len(g.Places), len(g.Roles), len(g.Officials), len(g.Topics), len(g.Kinds))
			return nil
		},
	}
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
