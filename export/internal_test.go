package export

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestDotID(t *testing.T) {
	for in, want := range map[string]string{
		`Tô Lâm`:       `"Tô Lâm"`,
		`say "hi"`:     `"say \"hi\""`,
		`back\slash`:   `"back\\slash"`,
		"two\nlines":   `"two\nlines"`,
		`node -> x; ]`: `"node -> x; ]"`,
	} {
		if got := dotID(in); got != want {
			t.Errorf("dotID(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestExportPictureSize(t *testing.T) {
	big := &exportGraph{View: ViewFull}
	for i := 0; i <= FullDrawMax; i++ {
		big.Nodes = append(big.Nodes, gNode{ID: fmt.Sprintf("official/o%d", i), Kind: "official"})
	}
	err := renderDOT(context.Background(), &bytes.Buffer{}, big, FormatSVG, "false")
	if err == nil || !strings.Contains(err.Error(), "--view met") {
		t.Errorf("a full view of %d nodes: error %v, want a refusal with advice", len(big.Nodes), err)
	}
	for _, n := range []struct {
		nodes int
		want  string
	}{{MetNeatoMax, "layout=neato"}, {MetNeatoMax + 1, "layout=sfdp"}} {
		g := &exportGraph{View: ViewMet}
		for i := 0; i < n.nodes; i++ {
			g.Nodes = append(g.Nodes, gNode{ID: fmt.Sprintf("official/o%d", i), Kind: "official"})
		}
		var b bytes.Buffer
		if err := writeDOT(&b, g); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), n.want) {
			t.Errorf("met view of %d officials: DOT lacks %s", n.nodes, n.want)
		}
	}
}
