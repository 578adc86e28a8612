package pipeline_test

// Faults of the store: rebuilding, changing and removing articles, a build
// killed with SIGKILL, a second process, a read-only store, a full disk.
// The tests that run the dipgraph binary or mount a file system are skipped
// with -short; .ci/run runs them.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/pipeline"
)

// testArticles lists the test corpus's articles.
func testArticles(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(paths) < 10 {
		t.Fatalf("test corpus: %d files, %v", len(paths), err)
	}
	return paths
}

// copyArticles copies articles into dir, copies times each (the copies
// named name-2.txt and so on: other article ids).
func copyArticles(t *testing.T, dir string, paths []string, copies int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(p), ".txt")
		for c := 1; c <= copies; c++ {
			name := base + ".txt"
			if c > 1 {
				name = fmt.Sprintf("%s-%d.txt", base, c)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func defaultGazetteer(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// storeDir is a folder for test stores: in /dev/shm when there is one
// (bolt syncs the file at every commit, and a disk busy with other work
// can make each sync take seconds), else a temporary folder.
func storeDir(t *testing.T) string {
	t.Helper()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if d, err := os.MkdirTemp("/dev/shm", "dipgraph-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(d) })
			return d
		}
	}
	return t.TempDir()
}

func openStore(t *testing.T, path string) *graph.Store {
	t.Helper()
	st, err := graph.Open(path, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func build(t *testing.T, st *graph.Store, paths ...string) *pipeline.Summary {
	t.Helper()
	sum, err := pipeline.Build(context.Background(), pipeline.Options{Paths: paths, Gazetteer: defaultGazetteer(t), Store: st})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return sum
}

// contents is what a store holds: its quad count and a digest of its
// quads, labels included, as N-Quads. (Read through the export, one pass
// over the quads: a Gizmo query over every node, such as
// g.V().Tag("s").Out(null, "p").All(), takes a second in most runs on
// bolt and minutes in some.)
type contents struct {
	Quads  int
	Digest string
}

func storeContents(t *testing.T, st *graph.Store) contents {
	t.Helper()
	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := st.WriteRDF(ctx, &b, graph.FormatNQuads, "", nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	sort.Strings(lines)
	h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return contents{Quads: stats.Quads, Digest: fmt.Sprintf("%d quads %s", len(lines), hex.EncodeToString(h[:8]))}
}

func storeContentsAt(t *testing.T, path string) contents {
	t.Helper()
	st := openStore(t, path)
	defer st.Close()
	return storeContents(t, st)
}

func TestRebuildIsStable(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	copyArticles(t, articles, testArticles(t), 1)
	stores := storeDir(t)
	st := openStore(t, filepath.Join(stores, "a.db"))
	defer st.Close()
	first := build(t, st, articles)
	want := storeContents(t, st)
	if first.Articles < 10 || want.Quads == 0 {
		t.Fatalf("first build: %+v, %+v", first, want)
	}
	again := build(t, st, articles)
	if again.Added != 0 || again.Deleted != 0 || again.Unchanged != again.Articles || again.Articles != first.Articles {
		t.Errorf("rebuild changed the store: %d articles, %d unchanged, +%d -%d", again.Articles, again.Unchanged, again.Added, again.Deleted)
	}
	if got := storeContents(t, st); got != want {
		t.Errorf("after a rebuild: %+v, want %+v", got, want)
	}
	// Another store built from the same articles holds the same.
	other := openStore(t, filepath.Join(stores, "b.db"))
	defer other.Close()
	build(t, other, articles)
	if got := storeContents(t, other); got != want {
		t.Errorf("a second store: %+v, want %+v", got, want)
	}
}

func TestChangedArticleReplacesItsFacts(t *testing.T) {
	dir := t.TempDir()
	paths := testArticles(t)[:4]
	articles := filepath.Join(dir, "articles")
	copyArticles(t, articles, paths, 1)
	stores := storeDir(t)
	st := openStore(t, filepath.Join(stores, "a.db"))
	defer st.Close()
	build(t, st, articles)
	before := storeContents(t, st)

	// Change the first article: drop its second half, change its date.
	p := filepath.Join(articles, filepath.Base(paths[0]))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	changed := strings.Join(lines[:len(lines)/2], "\n")
	changed = strings.Replace(changed, "date 20", "date 19", 1)
	if changed == string(b) {
		t.Fatal("the change changed nothing")
	}
	if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := build(t, st, articles)
	if sum.Deleted == 0 || sum.Unchanged != sum.Articles-1 {
		t.Errorf("rebuild after a change: +%d -%d, %d of %d unchanged", sum.Added, sum.Deleted, sum.Unchanged, sum.Articles)
	}
	got := storeContents(t, st)
	fresh := openStore(t, filepath.Join(stores, "fresh.db"))
	defer fresh.Close()
	build(t, fresh, articles)
	if want := storeContents(t, fresh); got != want || got == before {
		t.Errorf("after the change: %+v; a fresh build: %+v; before: %+v", got, want, before)
	}
}

func TestRemoveArticle(t *testing.T) {
	dir := t.TempDir()
	paths := testArticles(t)[:3]
	all := filepath.Join(dir, "all")
	copyArticles(t, all, paths, 1)
	var rest []string // the same files but the first
	for _, p := range paths[1:] {
		rest = append(rest, filepath.Join(all, filepath.Base(p)))
	}
	stores := storeDir(t)
	st := openStore(t, filepath.Join(stores, "a.db"))
	defer st.Close()
	build(t, st, all)
	id := strings.TrimSuffix(filepath.Base(paths[0]), ".txt")
	n, err := st.Remove(context.Background(), graph.ArticleLabel(id))
	if err != nil || n == 0 {
		t.Fatalf("Remove(%s) = %d, %v", id, n, err)
	}
	if n, err := st.Remove(context.Background(), graph.ArticleLabel(id)); err != nil || n != 0 {
		t.Errorf("second Remove(%s) = %d, %v; want 0", id, n, err)
	}
	got := storeContents(t, st)
	fresh := openStore(t, filepath.Join(stores, "rest.db"))
	defer fresh.Close()
	build(t, fresh, rest...)
	if want := storeContents(t, fresh); got != want {
		t.Errorf("after removing %s: %+v; built without it: %+v", id, got, want)
	}
}

func TestBuildSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := testArticles(t)[:2]
	copyArticles(t, dir, good, 1)
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("empty.txt", nil)
	write("binary.txt", []byte("abc\x00\x01\x02"))
	write("latin.txt", []byte("Ng\xe0y \xff\xfe h\xf4m nay \x80\x81"))
	vni, _ := charmap.Windows1252.NewEncoder().String("Boä tröôûng Ngoaïi giao hai nöôùc ñaõ hoäi ñaøm taïi Haø Noäi.")
	write("vni.txt", []byte(vni))
	write("page.html", []byte("<html><body><script>x()</script></body></html>"))
	huge := filepath.Join(dir, "huge.txt")
	write("huge.txt", nil)
	if err := os.Truncate(huge, 200<<20); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t, graph.Memory)
	defer st.Close()
	sum := build(t, st, dir)
	if sum.Articles != len(good) {
		t.Errorf("%d articles built, want %d", sum.Articles, len(good))
	}
	want := map[string]string{
		"empty.txt":  "empty file",
		"binary.txt": "binary file",
		"latin.txt":  "not valid UTF-8",
		"vni.txt":    "legacy encoding",
		"page.html":  "HTML page without text",
		"huge.txt":   "file too large",
		"fifo.txt":   "not a regular file",
	}
	for _, s := range sum.Skipped {
		name := filepath.Base(s.Path)
		if w, ok := want[name]; !ok || !strings.HasPrefix(s.Reason, w) {
			t.Errorf("skipped %s: %s; want %q", name, s.Reason, w)
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("%s not skipped", name)
	}
	total := 0
	for _, n := range sum.ByReason {
		total += n
	}
	if total != len(sum.Skipped) || sum.ByReason["empty file"] != 1 {
		t.Errorf("ByReason %v does not count the %d skipped files", sum.ByReason, len(sum.Skipped))
	}
}

// --- Tests with a real dipgraph process ----------------------------------

// dipgraphBinary builds the command into a temporary folder.
func dipgraphBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the dipgraph binary; run without -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to build the dipgraph binary")
	}
	bin := filepath.Join(t.TempDir(), "dipgraph")
	out, err := exec.Command(goTool, "build", "-o", bin, "../cmd/dipgraph").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// checkWholeArticles reports articles that a store (a copy of it, as the
// check writes) holds in part: for each article, writing its quads again
// must add all of them (it was not there) or none (it was there whole),
// and delete none.
func checkWholeArticles(t *testing.T, path string, articles string) (present, absent int) {
	t.Helper()
	cp := filepath.Join(storeDir(t), "check.db")
	if err := os.CopyFS(cp, os.DirFS(path)); err != nil {
		// a bolt file, not a directory
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cp, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := graph.Open(cp, graph.Options{})
	if err != nil {
		t.Fatalf("store after the kill does not open: %v", err)
	}
	defer st.Close()
	g := defaultGazetteer(t)
	ctx := context.Background()
	// As a build writes it: with its digest, which a whole gazetteer
	// matches (nothing to write) and an absent one lacks (all of it, and
	// the digest).
	added, deleted, err := st.ReplaceUnlessSame(ctx, "gazetteer", graph.GazetteerQuads(g))
	if err != nil || deleted != 0 || added != 0 && added != len(unique(graph.GazetteerQuads(g)))+1 {
		t.Errorf("gazetteer partly written: +%d -%d of %d (%v)", added, deleted, len(graph.GazetteerQuads(g)), err)
	}
	// Each article's quads as a build makes them (with its source).
	err = pipeline.ExtractAll(ctx, []string{articles}, g, extract.Options{}, 0, func(e pipeline.Extracted) error {
		if e.Err != nil {
			return e.Err
		}
		qs := graph.ArticleQuadsFrom(g, pipeline.Source(e.Article), e.Result)
		added, deleted, err := st.Replace(ctx, graph.ArticleLabel(e.Result.Article), qs)
		if err != nil {
			return err
		}
		n := len(unique(qs))
		switch {
		case deleted != 0 || added != 0 && added != n:
			t.Errorf("article %s half written: %d of its %d quads were missing, %d extra", e.Result.Article, added, n, deleted)
		case added == 0:
			present++
		default:
			absent++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return present, absent
}

// unique counts quads as the store does: the same quad twice is one.
func unique[Q fmt.Stringer](qs []Q) map[string]bool {
	m := map[string]bool{}
	for _, q := range qs {
		m[q.String()] = true
	}
	return m
}

// TestKillDuringBuild kills builds of each embedded backend's store at a
// quarter, nearly half and two thirds of their time: each store opens and
// holds every article of the batches committed whole, none in part.
func TestKillDuringBuild(t *testing.T) {
	bin := dipgraphBinary(t)
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	copyArticles(t, articles, testArticles(t), 12) // about 300 articles, a few seconds
	for _, backend := range graph.Backends() {
		t.Run(backend, func(t *testing.T) { killDuringBuild(t, bin, backend, articles) })
	}
}

func killDuringBuild(t *testing.T, bin, backend, articles string) {
	stores := storeDir(t)
	ref := filepath.Join(stores, "ref.db")
	start := time.Now()
	if out, err := exec.Command(bin, "--db", backend+":"+ref, "build", articles).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted build: %v\n%s", err, out)
	}
	full := time.Since(start)
	want := storeContentsAt(t, ref)
	t.Logf("uninterrupted build: %s, %d quads", full.Round(time.Millisecond), want.Quads)

	db := filepath.Join(stores, "killed.db")
	kills := 0
	for _, frac := range []float64{0.25, 0.45, 0.65} {
		cmd := exec.Command(bin, "--db", backend+":"+db, "build", articles)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(full)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Logf("build at %.0f%% was not killed (%v): it had finished\n%s", frac*100, err, out.String())
			continue
		}
		kills++
		present, absent := checkWholeArticles(t, db, articles)
		t.Logf("killed at %.0f%% of the build: %d articles whole, %d not yet written, none in part", frac*100, present, absent)
	}
	if kills == 0 {
		t.Fatal("no build was killed while running")
	}
	if out, err := exec.Command(bin, "--db", db, "build", articles).CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	if got := storeContentsAt(t, db); got != want {
		t.Errorf("after kills and a rebuild: %+v; uninterrupted: %+v", got, want)
	}
}

func TestSecondProcessGetsInUse(t *testing.T) {
	bin := dipgraphBinary(t)
	for _, backend := range graph.Backends() {
		t.Run(backend, func(t *testing.T) { secondProcessGetsInUse(t, bin, backend) })
	}
}

func secondProcessGetsInUse(t *testing.T, bin, backend string) {
	db := filepath.Join(storeDir(t), "a.db")
	st := openStore(t, backend+":"+db) // holds the store's lock
	defer st.Close()
	for _, args := range [][]string{
		{"query", "g.V().Count()"},
		{"build", "--lock-wait", "1s", "../testdata/corpus/a01_moon-trump-seoul-summit.txt"},
		{"remove", "--lock-wait", "1s", "a01_moon-trump-seoul-summit"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, bin, append([]string{"--db", db}, args...)...)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		took := time.Since(start)
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("dipgraph %s hung on a store in use", args[0])
		}
		if err == nil || !strings.Contains(string(out), "store is in use by another process") {
			t.Errorf("dipgraph %s on a store in use: %v\n%s", args[0], err, out)
		}
		if took > 5*time.Second {
			t.Errorf("dipgraph %s took %s to give up (the lock wait is 1s)", args[0], took)
		}
	}
}

// --- Read-only store and full disk ----------------------------------------

// mountTmpfs mounts a tmpfs of size bytes on a new folder, or skips.
func mountTmpfs(t *testing.T, size int) string {
	t.Helper()
	if testing.Short() {
		t.Skip("mounts a tmpfs; run without -short")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v): needs root (CAP_SYS_ADMIN)", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// makeReadOnly makes dir read-only: a read-only remount as root (file
// modes do not stop root), file modes otherwise.
func makeReadOnly(t *testing.T, dir string, mounted bool) {
	t.Helper()
	if mounted {
		if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
			t.Fatalf("remount read-only: %v", err)
		}
		return
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			mode := os.FileMode(0o444)
			if d.IsDir() {
				mode = 0o555
			}
			os.Chmod(p, mode)
		}
		return nil
	})
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestReadOnlyStore(t *testing.T) {
	var dir string
	mounted := os.Geteuid() == 0
	if mounted {
		dir = mountTmpfs(t, 64<<20)
	} else {
		dir = t.TempDir()
	}
	db := filepath.Join(dir, "a.db")
	st := openStore(t, db)
	build(t, st, testArticles(t)[:2]...)
	st.Close()
	before := fileSum(t, db)
	makeReadOnly(t, dir, mounted)

	_, err := graph.Open(db, graph.Options{})
	if err == nil || !strings.Contains(err.Error(), db) || !(strings.Contains(err.Error(), "read-only") || strings.Contains(err.Error(), "permission denied")) {
		t.Errorf("opening a read-only store: %v; want an error naming it and saying why", err)
	}
	_, err = graph.Open(filepath.Join(dir, "new.db"), graph.Options{})
	if err == nil || !strings.Contains(err.Error(), "new.db") {
		t.Errorf("creating a store in a read-only folder: %v; want an error naming it", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); err == nil {
		t.Errorf("new.db was created in a read-only folder")
	}
	if after := fileSum(t, db); after != before {
		t.Errorf("the read-only store changed")
	}
}

func TestFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs (a full disk)")
	}
	// A tmpfs that holds the store of a few articles but not of all.
	dir := mountTmpfs(t, 10<<20)
	small, big := filepath.Join(t.TempDir(), "small"), filepath.Join(t.TempDir(), "big")
	paths := testArticles(t)
	copyArticles(t, small, paths[:2], 1)
	copyArticles(t, big, paths, 10)
	for _, p := range paths[:2] { // the same ids as small's: left out
		os.Remove(filepath.Join(big, filepath.Base(p)))
	}
	db := filepath.Join(dir, "a.db")
	st, err := graph.Open(db, graph.Options{})
	if err != nil {
		t.Skipf("the store does not fit a 10 MB tmpfs at all: %v", err)
	}
	g := defaultGazetteer(t)
	ctx := context.Background()
	if _, err := pipeline.Build(ctx, pipeline.Options{Paths: []string{small}, Gazetteer: g, Store: st}); err != nil {
		st.Close()
		t.Skipf("2 articles do not fit a 10 MB tmpfs: %v", err)
	}
	_, err = pipeline.Build(ctx, pipeline.Options{Paths: []string{small, big}, Gazetteer: g, Store: st})
	st.Close()
	if err == nil {
		t.Fatal("a build onto a full disk reported no error")
	}
	if !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("full disk: %v; want it to say no space left on device", err)
	}
	t.Logf("full disk: %v", err)
	// The store opens, holds the first build whole, and no article in part.
	present, _ := checkWholeArticles(t, db, small)
	if present != 2 {
		t.Errorf("%d of the first build's 2 articles left whole", present)
	}
	p2, a2 := checkWholeArticles(t, db, big)
	t.Logf("of the big build: %d articles written whole before the disk was full, %d not", p2, a2)
}
