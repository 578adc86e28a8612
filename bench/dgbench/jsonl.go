package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dipgraph/dipgraph/corpus"
)

// jsonlCmd writes the article files under the paths as one JSON Lines
// file, one record a line: the article's whole text (its date line
// first, as in the file) under "text", and a URL made of its path
// relative to its folder (or to -base) under "url" — the same articles, for the build
// figure of a JSON Lines corpus.
func jsonlCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("jsonl", flag.ExitOnError)
	out := fs.String("o", "corpus.jsonl", "the JSON Lines file to write")
	base := fs.String("base", "", "make the URLs of the paths relative to this folder (default: each path given; needed when files are given one by one)")
	fs.Parse(args)
	f, err := os.Create(*out)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	records, bytes := 0, int64(0)
	for _, root := range fs.Args() {
		files, err := corpus.Files([]string{root})
		if err != nil {
			f.Close()
			return nil, err
		}
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Close()
				return nil, err
			}
			from := root
			if *base != "" {
				from = *base
			}
			rel, err := filepath.Rel(from, p)
			if err != nil {
				f.Close()
				return nil, err
			}
			line, err := json.Marshal(map[string]string{"url": "https://bench.example.vn/" + filepath.ToSlash(rel), "text": string(b)})
			if err != nil {
				f.Close()
				return nil, err
			}
			w.Write(line)
			w.WriteByte('\n')
			records++
			bytes += int64(len(b))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return nil, fmt.Errorf("write %s: %w", *out, err)
	}
	return map[string]any{"records": records, "bytes": bytes}, f.Close()
}
