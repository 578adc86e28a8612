package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/pipeline"
)

func newExtract(gl *globals) *cobra.Command {
	var format string
	var closed bool
	var fields []string
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the facts of articles in the gold format (a draft gold file)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "yaml" && format != "json" {
				return fmt.Errorf("--format %q: want yaml or json", format)
			}
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			ro, err := readOptions(fields, cmd.InOrStdin())
			if err != nil {
				return err
			}
			pipeline.ExtractGC()
			f, skipped, err := pipeline.ExtractGold(cmd.Context(), pipeline.Input{Paths: args, Read: ro}, g, extract.Options{Closed: closed})
			if err != nil {
				return err
			}
			for _, s := range skipped {
				fmt.Fprintf(cmd.ErrOrStderr(), "skipped %s\n", s.Error())
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(f)
			}
			enc := yaml.NewEncoder(out)
			enc.SetIndent(2)
			if err := enc.Encode(f); err != nil {
				return err
			}
			if len(skipped) > 0 {
				return errSilent
			}
			return enc.Close()
		},
	}
	cmd.Flags().StringVar(&format, "format", "yaml", "yaml or json")
	cmd.Flags().BoolVar(&closed, "closed", false, "only officials of the gazetteer (no provisional ones)")
	cmd.Flags().StringArrayVar(&fields, "field", nil, fieldHelp)
	return cmd
}
