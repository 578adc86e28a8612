package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

type exportOptions struct {
	io                       *IO
	gl                       *globals
	hopsSet                  bool // --hops was given
	format, out, view        string
	official, topic, country string
	from, to                 string
	base                     string
	hops                     int
}

func newExport(gl *globals, ios *IO) *cobra.Command {
	f := exportOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "export --format dot|svg|png|nquads|json|graphml|csv [--out PATH] [filters]",
		Short: "Write the graph (or part of it) as Graphviz, N-Quads, networkx JSON, GraphML or CSV, sources kept",
		Long: `Write the store for drawing and notebooks; see docs/exports.md.

  dot      Graphviz source (UTF-8, names as labels, style by kind, colour by country)
  svg, png the DOT drawn by Graphviz's dot program (apt-get install graphviz)
  nquads   the store's quads with their labels, loadable by cayley load;
           IRIs escaped per the N-Quads grammar (a file name's space is
           %20); --base-iri makes them absolute for rdflib
  json     networkx node-link data (nx.node_link_graph)
  graphml  GraphML for networkx.read_graphml and Gephi
  csv      a folder (--out, required) with nodes.csv and edges.csv

--view met draws officials only: one edge per pair that met, with the number
of meetings and the date range. Filters select meetings; every format
honours them. The store is opened read-only, so an export can run while
dipgraph serve answers.`,
		Example: `  dipgraph export --format svg --view met --out met.svg
  dipgraph export --format json --official "Cho Hyun" --hops 2 --out cho.json
  dipgraph export --format csv --from 2025-07 --to 2025-12 --country VN --out tables/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.hopsSet = cmd.Flags().Changed("hops")
			return runExport(cmd.Context(), &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "", "dot, svg, png, nquads, json, graphml or csv (required)")
	fl.StringVarP(&f.out, "out", "o", "", "file to write (csv: a folder); default stdout")
	fl.StringVar(&f.view, "view", graph.ViewFull, "full (every fact) or met (officials only, one edge per pair)")
	fl.StringVar(&f.official, "official", "", "ego network around this official (name, alias, surname or id)")
	fl.IntVar(&f.hops, "hops", 1, "with --official: how many meetings away")
	fl.StringVar(&f.from, "from", "", "meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "meetings on or before this date")
	fl.StringVar(&f.topic, "topic", "", "meetings that discussed this topic (its id)")
	fl.StringVar(&f.country, "country", "", "meetings with an official of this country (its code, e.g. VN)")
	fl.StringVar(&f.base, "base-iri", "", "nquads: put this absolute IRI before every IRI (for rdflib and other RDF tools; cayley load takes them as stored)")
	return cmd
}

func runExport(ctx context.Context, f *exportOptions) error {
	opt, err := f.options()
	if err != nil {
		return err
	}
	st, err := graph.OpenReadOnly(f.gl.db, graph.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if opt.Format == graph.FormatCSV {
		if f.out == "" || f.out == "-" {
			return fmt.Errorf("--format csv writes a folder: give --out DIR")
		}
		if err := st.ExportCSV(ctx, f.out, opt); err != nil {
			return err
		}
		fmt.Fprintf(f.io.Err, "wrote %s/nodes.csv and %s/edges.csv\n", strings.TrimSuffix(f.out, "/"), strings.TrimSuffix(f.out, "/"))
		return nil
	}
	if f.out == "" || f.out == "-" {
		if opt.Format == graph.FormatPNG && f.io.OutTerminal {
			return fmt.Errorf("--format png is binary: give --out FILE or redirect the output")
		}
		return st.Export(ctx, f.io.Out, opt)
	}
	return graph.WriteFileAtomic(f.out, func(w io.Writer) error { return st.Export(ctx, w, opt) })
}

func (f *exportOptions) options() (graph.ExportOptions, error) {
	if f.format == "" {
		return graph.ExportOptions{}, fmt.Errorf("--format is required: %s", strings.Join(graph.Formats(), ", "))
	}
	if f.hopsSet && f.official == "" {
		return graph.ExportOptions{}, fmt.Errorf("--hops needs --official")
	}
	opt := graph.ExportOptions{Format: f.format, View: f.view, Base: f.base, Filter: graph.Filter{
		Official: f.official, Hops: f.hops, Topic: f.topic, Country: f.country,
	}}
	for _, d := range []struct {
		flag, val string
		to        *schema.Date
	}{{"--from", f.from, &opt.Filter.From}, {"--to", f.to, &opt.Filter.To}} {
		if d.val == "" {
			continue
		}
		v, err := schema.ParseDate(d.val)
		if err != nil {
			return opt, fmt.Errorf("%s: %w", d.flag, err)
		}
		*d.to = v
	}
	return opt, nil
}
