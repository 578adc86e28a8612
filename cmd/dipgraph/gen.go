package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/bench/gen"
)

type genOptions struct {
	io      *IO
	gl      *globals
	gen     gen.Options
	aliases string // file for the gazetteer's match strings
}

func newGen(gl *globals, ios *IO) *cobra.Command {
	o := genOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "gen DIR",
		Short: "Write a synthetic corpus of N articles (for benchmarks), deterministic for a seed",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.gen.Dir = args[0]
			return runGen(&o)
		},
	}
	cmd.Flags().IntVarP(&o.gen.N, "articles", "n", 1000, "number of articles")
	cmd.Flags().Uint64Var(&o.gen.Seed, "seed", 1, "seed: the same seed writes the same corpus")
	cmd.Flags().StringVar(&o.aliases, "aliases", "", "also write the gazetteer's match strings to this file, one a line")
	return cmd
}

func runGen(o *genOptions) error {
	g, err := o.gl.gazetteer()
	if err != nil {
		return err
	}
	if o.aliases != "" {
		text := strings.Join(gen.Aliases(g), "\n") + "\n"
		if err := os.WriteFile(o.aliases, []byte(text), 0o644); err != nil {
			return fmt.Errorf("write aliases: %w", err)
		}
	}
	sum, err := gen.Generate(g, o.gen)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.io.Out, "wrote %d articles (%.1f MB) to %s\n", sum.Articles, float64(sum.Bytes)/1e6, o.gen.Dir)
	return nil
}
