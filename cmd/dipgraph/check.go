package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

func newCheck(gl *globals) *cobra.Command {
	var asJSON bool
	var lockWait time.Duration
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify a store file: bolt's consistency check and a read of every key",
		Long: `Check the bolt store given by --db without writing to it: its meta pages
and size, bolt's consistency check (every page reachable once or free, of
the right type) and a read of every key and value. It prints what is wrong
and exits 1 when anything is; a damaged store should be restored from a
copy or built again into a new file. build and remove run the same check
before they write.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gl.db == graph.Memory || graph.IsPostgres(gl.db) {
				return fmt.Errorf("check: %s is not a bolt file", gl.db)
			}
			rep, err := graph.Check(cmd.Context(), gl.db, lockWait)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else if len(rep.Problems) == 0 {
				fmt.Fprintf(out, "store %s: ok (%d bytes, %d pages, %d buckets, %d keys; checked in %s)\n", rep.Path, rep.Size, rep.Pages, rep.Buckets, rep.Keys, rep.Took)
			} else {
				fmt.Fprintf(out, "store %s: damaged (%d bytes):\n", rep.Path, rep.Size)
				for _, p := range rep.Problems {
					fmt.Fprintf(out, "  %s\n", p)
				}
				fmt.Fprintln(out, "restore it from a copy, or build again into a new file")
			}
			if len(rep.Problems) > 0 {
				return errSilent
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().DurationVar(&lockWait, "lock-wait", time.Second, "how long to wait for a writer to release the store")
	return cmd
}
