package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/bench/gen"
)

func newGen(gl *globals) *cobra.Command {
	var o gen.Options
	var aliases string
	cmd := &cobra.Command{
		Use:   "gen DIR",
		Short: "Write a synthetic corpus of N articles (for benchmarks), deterministic for a seed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := gl.gazetteer()
			if err != nil {
				return err
			}
			if aliases != "" {
				text := strings.Join(gen.Aliases(g), "\n") + "\n"
				if err := os.WriteFile(aliases, []byte(text), 0o644); err != nil {
					return fmt.Errorf("write aliases: %w", err)
				}
			}
			o.Dir = args[0]
			sum, err := gen.Generate(g, o)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d articles (%.1f MB) to %s\n", sum.Articles, float64(sum.Bytes)/1e6, o.Dir)
			return nil
		},
	}
	cmd.Flags().IntVarP(&o.N, "articles", "n", 1000, "number of articles")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "seed: the same seed writes the same corpus")
	cmd.Flags().StringVar(&aliases, "aliases", "", "also write the gazetteer's match strings to this file, one a line")
	return cmd
}
