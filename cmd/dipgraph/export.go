package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dipgraph/dipgraph/export"
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
	parquet                  bool
}

func newExport(gl *globals, ios *IO) *cobra.Command {
	f := exportOptions{io: ios, gl: gl}
	cmd := &cobra.Command{
		Use:   "export --format dot|svg|png|nquads|trig|turtle|json|graphml|gexf|csv|neo4j|events|dyads [--out PATH] [filters]",
		Short: "Write the graph (or part of it) as Graphviz, N-Quads, networkx JSON, GraphML or CSV, sources kept",
		Long: `Write the store for drawing and notebooks; see docs/exports.md.

  dot      Graphviz source (UTF-8, names as labels, style by kind, colour by country)
  svg, png the DOT drawn by Graphviz's dot program (apt-get install graphviz)
  nquads   the store's quads with their labels, loadable by cayley load;
           IRIs escaped per the N-Quads grammar (a file name's space is
           %20); absolute under --base for rdflib
  json     networkx node-link data (nx.node_link_graph)
  graphml  GraphML for networkx.read_graphml and Gephi
  csv      a folder (--out, required) with nodes.csv and edges.csv
  events   one row per meeting (CSV; Parquet with --parquet or an --out ending .parquet)
  dyads    one row per pair of participants and meeting (CSV or Parquet)
  gexf     GEXF 1.2 for Gephi, with start/end (and spells in the met view) for its timeline
  neo4j    a folder (--out, required) with nodes.csv and relationships.csv for neo4j-admin import
  trig     the quads as TriG (labels as named graphs), absolute IRIs under --base
  turtle   the triples as Turtle (labels dropped), absolute IRIs under --base

nquads, trig and turtle resolve the store's short IRIs against --base
(default ` + graph.DefaultBase + `); --base '' keeps nquads' IRIs short, as the store
holds them.

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
	fl.StringVar(&f.format, "format", "", strings.Join(export.Formats(), ", ")+" (required)")
	fl.BoolVar(&f.parquet, "parquet", false, "events and dyads: write Parquet, not CSV (also when --out ends in .parquet)")
	fl.StringVar(&f.base, "base", graph.DefaultBase, "nquads, trig, turtle: base IRI the short IRIs are resolved against ('' keeps nquads' IRIs short)")
	fl.StringVarP(&f.out, "out", "o", "", "file to write (csv: a folder); default stdout")
	fl.StringVar(&f.view, "view", export.ViewFull, "full (every fact) or met (officials only, one edge per pair)")
	fl.StringVar(&f.official, "official", "", "ego network around this official (name, alias, surname or id)")
	fl.IntVar(&f.hops, "hops", 1, "with --official: how many meetings away")
	fl.StringVar(&f.from, "from", "", "meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "meetings on or before this date")
	fl.StringVar(&f.topic, "topic", "", "meetings that discussed this topic (its id)")
	fl.StringVar(&f.country, "country", "", "meetings with an official of this country (its code, e.g. VN)")
	fl.StringVar(&f.base, "base-iri", graph.DefaultBase, "the same as --base")
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
	if opt.Format == export.FormatNeo4j {
		if f.out == "" || f.out == "-" {
			return fmt.Errorf("--format neo4j writes a folder: give --out DIR")
		}
		if err := export.WriteNeo4j(ctx, f.out, st, opt); err != nil {
			return err
		}
		dir := strings.TrimSuffix(f.out, "/")
		fmt.Fprintf(f.io.Err, "wrote %s/nodes.csv and %s/relationships.csv (neo4j-admin database import full --nodes=%s/nodes.csv --relationships=%s/relationships.csv)\n", dir, dir, dir, dir)
		return nil
	}
	if opt.Format == export.FormatCSV {
		if f.out == "" || f.out == "-" {
			return fmt.Errorf("--format csv writes a folder: give --out DIR")
		}
		if err := export.WriteCSV(ctx, f.out, st, opt); err != nil {
			return err
		}
		fmt.Fprintf(f.io.Err, "wrote %s/nodes.csv and %s/edges.csv\n", strings.TrimSuffix(f.out, "/"), strings.TrimSuffix(f.out, "/"))
		return nil
	}
	opt.Parquet = f.parquet || export.IsParquetName(f.out)
	if opt.Parquet && opt.Format != export.FormatEvents && opt.Format != export.FormatDyads {
		return fmt.Errorf("parquet: only --format events and dyads are tables of one kind; --format %s is not", opt.Format)
	}
	if viewlessRDF(opt.Format) || opt.Format == export.FormatNQuads {
		opt.Base = f.base
	}
	if f.out == "" || f.out == "-" {
		if (opt.Format == export.FormatPNG || opt.Parquet) && f.io.OutTerminal {
			return fmt.Errorf("--format %s is binary: give --out FILE or redirect the output", opt.Format)
		}
		return export.Write(ctx, f.io.Out, st, opt)
	}
	return export.WriteFileAtomic(f.out, func(w io.Writer) error { return export.Write(ctx, w, st, opt) })
}

func (f *exportOptions) options() (export.Options, error) {
	if f.format == "" {
		return export.Options{}, fmt.Errorf("--format is required: %s", strings.Join(export.Formats(), ", "))
	}
	if f.hopsSet && f.official == "" {
		return export.Options{}, fmt.Errorf("--hops needs --official")
	}
	opt := export.Options{Format: f.format, View: f.view, Filter: export.Filter{
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

func viewlessRDF(format string) bool {
	return format == export.FormatTriG || format == export.FormatTurtle
}
