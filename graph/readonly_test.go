package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestReadersShareWritersWait: read-only opens share the store; a writer
// that comes meanwhile gets ErrInUse within its lock timeout.
func TestReadersShareWritersWait(t *testing.T) {
	path := exportBoltFile(t)
	r1, err := OpenReadOnly(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := OpenReadOnly(path, Options{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	if _, err := Open(path, Options{LockTimeout: 100 * time.Millisecond}); !errors.Is(err, ErrInUse) {
		t.Errorf("a writer while readers hold the store: %v, want ErrInUse", err)
	}
	if _, err := r1.Remove(context.Background(), ArticleLabel("xa")); err == nil {
		t.Errorf("a read-only store accepted a write")
	}
	r1.Close()
	r2.Close()
	w, err := Open(path, Options{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("a writer after the readers: %v", err)
	}
	w.Close()
	for dsn, want := range map[string]string{Memory: "needs a database file", path + ".missing": "no such file", t.TempDir(): "is a directory"} {
		if _, err := OpenReadOnly(dsn, Options{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("OpenReadOnly(%s): %v, want %q", dsn, err, want)
		}
	}
}

// TestGizmoCutThenClose: a query cut by its limit or its time leaves no
// read running, so closing a bolt store right after does not deadlock (a
// deadlock here fails the test through the client's timeout).
