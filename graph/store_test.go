package graph

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// newBoltStore makes a bolt store file with a little in it and closes it.
func newBoltStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	newStoreAt(t, BackendBolt+":"+path)
	return path
}

// newStoreAt makes a store at dsn with a little in it and closes it.
func newStoreAt(t *testing.T, dsn string) {
	t.Helper()
	st, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Replace(t.Context(), "article/x", []quad.Quad{quad.MakeIRI("official/a", "met", "official/b", "")}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenInUse: a second writer of each embedded backend waits its lock
// timeout and gets ErrInUse naming the path; once the first closes, it opens.
func TestOpenInUse(t *testing.T) {
	for _, b := range Backends() {
		t.Run(b, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			newStoreAt(t, b+":"+path)
			openInUse(t, path)
		})
	}
}

func openInUse(t *testing.T, path string) {
	first, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		st, err := Open(path, Options{LockTimeout: 100 * time.Millisecond})
		if err == nil {
			st.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), path) {
			t.Errorf("second Open: %v, want ErrInUse naming %s", err, path)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("second Open of a store in use hung")
	}
	first.Close()
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after the first closed: %v", err)
	}
	st.Close()
}

func TestOpenNotAStore(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	content := []byte("these are notes, not a database\n")
	if err := os.WriteFile(text, bytes.Repeat(content, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, says string
	}{
		{"a text file", text, "invalid database"},
		{"a folder", dir, "is a directory"},
		{"a missing folder", filepath.Join(dir, "no", "such", "s.db"), "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := Open(tc.path, Options{})
			if err == nil {
				st.Close()
				t.Fatalf("Open(%s) worked", tc.path)
			}
			if !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("Open(%s): %v; want it to name the file and say %q", tc.path, err, tc.says)
			}
		})
	}
	if b, _ := os.ReadFile(text); !bytes.Equal(b, bytes.Repeat(content, 1000)) {
		t.Errorf("Open changed the text file it refused")
	}
}

// TestOpenTruncatedStore opens a store cut short (a copy that did not
// finish) in a child process, so that a panic inside bolt fails this test
// instead of ending the test binary.
func TestOpenTruncatedStore(t *testing.T) {
	if p := os.Getenv("DIPGRAPH_TEST_OPEN"); p != "" {
		st, err := Open(p, Options{})
		if err == nil {
			_, err = st.Stats(t.Context())
			st.Close()
		}
		if err == nil {
			t.Fatal("no error")
		}
		t.Logf("error: %v", err)
		return
	}
	path := newBoltStore(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// Cut it after its first pages (the two meta pages stay): a bolt file
	// may hold unused room at its end, so a cut by proportion might not
	// reach a page in use.
	if err := os.Truncate(path, min(fi.Size()/3, 3*int64(os.Getpagesize()))); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenTruncatedStore$", "-test.v")
	cmd.Env = append(os.Environ(), "DIPGRAPH_TEST_OPEN="+path)
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("panic:")) {
		t.Errorf("opening a truncated store: %v (want an error, not a crash)\n%s", err, firstLines(out, 8))
	}
}

func firstLines(b []byte, n int) string {
	lines := strings.SplitN(string(b), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// ReplaceUnlessSame writes a label once, skips an unchanged rewrite, and
// rewrites a changed one in full (every backend).
func TestReplaceUnlessSame(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			st := b.open(t)
			q1 := []quad.Quad{quad.MakeIRI("official/a", "name", "x", ""), quad.MakeIRI("official/b", "name", "y", "")}
			ctx := t.Context()
			if added, _, err := st.ReplaceUnlessSame(ctx, "gazetteer", q1); err != nil || added != 3 {
				t.Fatalf("first write: added %d (%v), want 2 quads and the digest", added, err)
			}
			// The same quads in another order: nothing written.
			if added, deleted, err := st.ReplaceUnlessSame(ctx, "gazetteer", []quad.Quad{q1[1], q1[0]}); err != nil || added+deleted != 0 {
				t.Fatalf("unchanged: +%d -%d (%v), want nothing", added, deleted, err)
			}
			q2 := []quad.Quad{q1[0], quad.MakeIRI("official/c", "name", "z", "")}
			if added, deleted, err := st.ReplaceUnlessSame(ctx, "gazetteer", q2); err != nil || added != 2 || deleted != 2 {
				t.Fatalf("changed: +%d -%d (%v), want +2 -2 (a quad and the digest)", added, deleted, err)
			}
		})
	}
}
