package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// An article of our own naming a Japanese vice minister the gazetteer does
// not have: the build keeps him as a provisional official.
const provisionalArticle = ` date 2023-10-05
Thứ trưởng Ngoại giao Mỹ Wendy Sherman ngày 4/10 đã hội đàm với Thứ trưởng Ngoại giao Nhật Bản Haruki Shimazaki tại Washington. Hai bên trao đổi về hợp tác kinh tế và an ninh chuỗi cung ứng.
`

// metStore builds the test corpus and the provisional article into a
// store file.
func metStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	arts := filepath.Join(dir, "more")
	if err := os.Mkdir(arts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arts, "shimazaki.txt"), []byte(provisionalArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	if r := runInProcess(t, terminals{}, "--db", db, "build", "../../testdata/corpus", arts); r.code != 0 {
		t.Fatalf("build: %d\n%s", r.code, r.stderr)
	}
	return db
}

// metJSON is what dipgraph met --json prints.
type metJSON struct {
	Official graph.Official `json:"official"`
	Met      []graph.MetRow `json:"met"`
}

func runMetJSON(t *testing.T, db, name string) metJSON {
	t.Helper()
	r := runInProcess(t, terminals{}, "--db", db, "met", "--json", name)
	if r.code != 0 {
		t.Fatalf("met --json %s: %d %s", name, r.code, r.stderr)
	}
	var got metJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	return got
}

var metSummaryRE = regexp.MustCompile(`\) met (\d+) time\(s\)`)

func TestMet(t *testing.T) {
	db := metStore(t)

	// Pompeo's visit to Seoul: a trilateral meeting (with Kang Kyung-wha
	// and Taro Kono) and a bilateral one (Moon Jae-in), three rows of
	// the JSON, two meetings.
	pompeo := runMetJSON(t, db, "Pompeo")
	meetings := map[string][]string{}
	for _, r := range pompeo.Met {
		meetings[r.Meeting] = append(meetings[r.Meeting], r.Counterpart.Name)
	}
	var trilateral []string
	for _, names := range meetings {
		if len(names) > 1 {
			trilateral = names
		}
	}
	if len(meetings) < 2 || len(meetings) == len(pompeo.Met) || trilateral == nil {
		t.Fatalf("the test wants a trilateral and another meeting: %v", meetings)
	}

	t.Run("one row per meeting, counted", func(t *testing.T) {
		for _, term := range []terminals{{}, {out: true, width: 120}} {
			r := runInProcess(t, term, "--db", db, "met", "Pompeo")
			if r.code != 0 {
				t.Fatalf("%+v: exit %d %s", term, r.code, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			m := metSummaryRE.FindStringSubmatch(lines[0])
			if m == nil || m[1] != fmt.Sprint(len(meetings)) {
				t.Errorf("%+v: summary %q, want %d meetings (%d rows)", term, lines[0], len(meetings), len(pompeo.Met))
			}
			if rows := len(lines) - 2; rows != len(meetings) {
				t.Errorf("%+v: %d table rows, want one per meeting (%d):\n%s", term, rows, len(meetings), r.stdout)
			}
			together := 0
			for _, l := range lines[2:] {
				has := 0
				for _, name := range trilateral {
					if strings.Contains(l, name) {
						has++
					}
				}
				if has == len(trilateral) && strings.Contains(l, listSep) {
					together++
				}
			}
			if together != 1 {
				t.Errorf("%+v: want one row with %v joined by %q:\n%s", term, trilateral, listSep, r.stdout)
			}
		}
	})

	t.Run("tsv", func(t *testing.T) {
		r := runInProcess(t, terminals{}, "--db", db, "met", "--format", "tsv", "Pompeo")
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if r.code != 0 || len(lines) != len(meetings)+1 {
			t.Fatalf("exit %d, %d lines, want %d:\n%s%s", r.code, len(lines), len(meetings)+1, r.stdout, r.stderr)
		}
		head := strings.Split(lines[0], "\t")
		col := map[string]int{}
		for i, h := range head {
			col[h] = i
		}
		parties := map[string]bool{}
		for _, l := range lines[1:] {
			cells := strings.Split(l, "\t")
			if len(cells) != len(head) {
				t.Fatalf("%d cells, want %d: %q", len(cells), len(head), l)
			}
			id := cells[col["meeting"]]
			if want := fmt.Sprint(len(meetings[id]) + 1); cells[col["n_participants"]] != want {
				t.Errorf("meeting %s: n_participants %s, want %s", id, cells[col["n_participants"]], want)
			}
			parties[cells[col["n_participants"]]] = true
		}
		if !parties["2"] || !parties["3"] {
			t.Errorf("want a bilateral and a trilateral: %v", parties)
		}
	})

	// Every line fits a terminal; a pipe (and --wide) gets every cell
	// whole.
	t.Run("width", func(t *testing.T) {
		moon := runMetJSON(t, db, "Moon Jae-in")
		var topics []string
		for _, r := range moon.Met {
			if s := strings.Join(r.Topics, ", "); len(s) > len(strings.Join(topics, ", ")) {
				topics = r.Topics
			}
		}
		if len(strings.Join(topics, ", ")) < 60 {
			t.Fatalf("the test wants a meeting with long topics: %v", topics)
		}
		for _, width := range []int{160, 120, 100, 80, 60, 40, 20} {
			r := runInProcess(t, terminals{out: true, width: width}, "--db", db, "met", "Moon Jae-in")
			if r.code != 0 {
				t.Fatalf("exit %d %s", r.code, r.stderr)
			}
			for _, l := range strings.Split(r.stdout, "\n") {
				if textWidth(l) > width {
					t.Errorf("width %d: a line of %d columns: %q", width, textWidth(l), l)
				}
			}
			if width == 120 && (!strings.Contains(r.stdout, "…") || strings.Contains(r.stdout, strings.Join(topics, ", "))) {
				t.Errorf("width 120: want the long topics cut with …:\n%s", r.stdout)
			}
		}
		for _, tc := range []struct {
			term terminals
			args []string
		}{{terminals{}, nil}, {terminals{out: true, width: 80}, []string{"--wide"}}} {
			r := runInProcess(t, tc.term, append([]string{"--db", db, "met", "Moon Jae-in"}, tc.args...)...)
			if r.code != 0 || strings.Contains(r.stdout, "…") || !strings.Contains(r.stdout, strings.Join(topics, ", ")) {
				t.Errorf("%+v %v: want every cell whole:\n%s", tc.term, tc.args, r.stdout)
			}
		}
	})

	// A provisional official is found by surname, by met and by export
	// --official (one resolver).
	t.Run("provisional surname", func(t *testing.T) {
		got := runMetJSON(t, db, "Shimazaki")
		if got.Official.ID != "haruki-shimazaki" || !got.Official.Provisional || len(got.Met) != 1 {
			t.Fatalf("met Shimazaki: %+v", got)
		}
		r := runInProcess(t, terminals{}, "--db", db, "export", "--format", "json", "--official", "Shimazaki")
		if r.code != 0 || !strings.Contains(r.stdout, "haruki-shimazaki") {
			t.Errorf("export --official Shimazaki: exit %d %s", r.code, r.stderr)
		}
		if r := runInProcess(t, terminals{}, "--db", db, "met", "Shimazak"); r.code != 1 || !strings.Contains(r.stderr, "no official named") {
			t.Errorf("met Shimazak: exit %d %s", r.code, r.stderr)
		}
	})

	// An ambiguous surname lists first the candidates the articles
	// mention, most mentioned first, and only counts the others.
	t.Run("candidates", func(t *testing.T) {
		ctx := context.Background()
		st, err := graph.OpenReadOnly(db, graph.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		_, err = st.ResolveOfficial(ctx, "Kim")
		var amb *graph.AmbiguousError
		if !errors.As(err, &amb) || len(amb.Candidates) < 2 || len(amb.Unmentioned) == 0 {
			t.Fatalf("ResolveOfficial(Kim) = %v; want candidates and unmentioned officials", err)
		}
		mentions := func(id string) int {
			res, err := st.Gizmo(ctx, fmt.Sprintf(`g.V("<official/%s>").In("<mentions>").All()`, id), 0)
			if err != nil {
				t.Fatal(err)
			}
			return len(res.Results)
		}
		for i, o := range amb.Candidates {
			if n := mentions(o.ID); n == 0 || n != amb.Articles[i] || i > 0 && n > amb.Articles[i-1] {
				t.Errorf("candidate %d %s: %d articles (said %d), after %v", i, o.ID, n, amb.Articles[i], amb.Articles[:i])
			}
		}
		for _, o := range amb.Unmentioned {
			if n := mentions(o.ID); n != 0 {
				t.Errorf("unmentioned %s: in %d articles", o.ID, n)
			}
		}
		r := runInProcess(t, terminals{}, "--db", db, "met", "Kim")
		if r.code != 1 || r.stderr != "dipgraph: "+err.Error()+"\n" {
			t.Fatalf("met Kim: exit %d %q, want %q", r.code, r.stderr, err.Error())
		}
		at := -1
		for _, o := range amb.Candidates {
			i := strings.Index(r.stderr, o.Name+" ("+o.Country+", "+o.ID)
			if i < at {
				t.Errorf("%s listed out of order: %s", o.ID, r.stderr)
			}
			at = i
		}
		for _, o := range amb.Unmentioned {
			if strings.Contains(r.stderr, o.ID) {
				t.Errorf("unmentioned %s listed: %s", o.ID, r.stderr)
			}
		}
		if !strings.Contains(r.stderr, fmt.Sprintf("and %d in the gazetteer that no article mentions", len(amb.Unmentioned))) {
			t.Errorf("the unmentioned are not counted: %s", r.stderr)
		}
	})
}
