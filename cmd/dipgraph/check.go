package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
)

type checkOptions struct {
	io       *IO
	gl       *globals
	json     bool
	lockWait time.Duration
}

func newCheck(gl *globals, ios *IO) *cobra.Command {
	o := checkOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify an embedded store: the engine's own checks and a read of every key",
		Long: `Check the embedded store given by --db without writing to it. A bolt file:
its meta pages and size, bolt's consistency check (every page reachable
once or free, of the right type) and a read of every key and value. A
leveldb or badger directory: the engine's open of its manifest and log, a
read of every key and value with each block's checksum checked, and
Cayley's metadata. It prints what is wrong
and exits 1 when anything is; a damaged store should be restored from a
copy or built again into a new file. build and remove run the same check
before they write.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd.Context(), &o)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print the report as JSON")
	cmd.Flags().DurationVar(&o.lockWait, "lock-wait", time.Second, "how long to wait for a writer to release the store")
	return cmd
}

func runCheck(ctx context.Context, o *checkOptions) error {
	if o.gl.db == graph.Memory || graph.IsPostgres(o.gl.db) {
		return fmt.Errorf("check: %s is not an embedded store (a bolt file, a leveldb or badger directory)", o.gl.db)
	}
	rep, err := graph.Check(ctx, o.gl.db, o.lockWait)
	if err != nil {
		return err
	}
	out := o.io.Out
	if o.json {
		if err := printJSON(out, rep); err != nil {
			return err
		}
	} else if len(rep.Problems) == 0 && rep.Backend != "" && rep.Backend != "bolt" {
		fmt.Fprintf(out, "store %s: ok (%s, %d bytes, %d keys; checked in %s)\n", rep.Path, rep.Backend, rep.Size, rep.Keys, rep.Took)
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
}
