package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/pipeline"
)

func newEval(gl *globals) *cobra.Command {
	var goldPaths []string
	var asJSON, closed, brief bool
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH...",
		Short: "Score extraction against gold annotations: precision, recall, F1, and every miss and false fact",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(goldPaths) == 0 {
				return fmt.Errorf("--gold FILE is required")
			}
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			rep, err := pipeline.Evaluate(cmd.Context(), goldPaths, args, g, extract.Options{Closed: closed})
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			rep.Write(cmd.OutOrStdout(), !brief)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&goldPaths, "gold", nil, "gold annotations (YAML; repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().BoolVar(&brief, "brief", false, "figures only, without the list of misses and false facts")
	return cmd
}
