package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/gazetteer"
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
	cmd.AddCommand(check)
	return cmd
}
