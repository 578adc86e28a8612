package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestReadersShareWritersWait: read-only opens share the store; a writer
// that comes meanwhile gets ErrInUse within its lock timeout; a reader that
// comes while a writer holds it waits, then gets ErrInUse (each embedded
// backend).
func TestReadersShareWritersWait(t *testing.T) {
	for _, b := range Backends() {
		t.Run(b, func(t *testing.T) { readersShareWritersWait(t, exportFile(t, b)) })
	}
}

func readersShareWritersWait(t *testing.T, path string) {
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
	start := time.Now()
	if _, err := OpenReadOnly(path, Options{LockTimeout: 200 * time.Millisecond}); !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), path) {
		t.Errorf("a reader while a writer holds the store: %v, want ErrInUse naming %s", err, path)
	} else if took := time.Since(start); took < 150*time.Millisecond {
		t.Errorf("a reader gave up after %s, before its lock timeout (200ms)", took)
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

// TestWriterGoesFirst: a writer waiting for a reader to leave keeps new
// readers out (its intent, intent_linux.go) and gets in when the reader
// closes (each embedded backend).
func TestWriterGoesFirst(t *testing.T) {
	for _, b := range Backends() {
		t.Run(b, func(t *testing.T) {
			path := exportFile(t, b)
			r1, err := OpenReadOnly(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := make(chan error, 1)
			go func() {
				w, err := Open(path, Options{LockTimeout: 20 * time.Second, SkipVerify: true})
				if err == nil {
					w.Close()
				}
				got <- err
			}()
			time.Sleep(300 * time.Millisecond) // the writer waits, its intent taken
			if r2, err := OpenReadOnly(path, Options{LockTimeout: 200 * time.Millisecond}); !errors.Is(err, ErrInUse) {
				if err == nil {
					r2.Close()
				}
				t.Errorf("a new reader while a writer waits: %v, want ErrInUse", err)
			}
			r1.Close()
			select {
			case err := <-got:
				if err != nil {
					t.Errorf("the waiting writer: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the waiting writer did not get in after the reader closed")
			}
		})
	}
}
