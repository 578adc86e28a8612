package graph

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dirDigest is a digest of every file in a store's directory (name and
// content), to show that a refused open wrote nothing.
func dirDigest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h.Write([]byte(p + "\x00"))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(h.Sum(nil))
}

// largest returns the largest file of dir whose name ends in ext.
func largest(t *testing.T, dir, ext string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	best, size := "", int64(-1)
	for _, e := range ents {
		fi, err := e.Info()
		if err == nil && strings.HasSuffix(e.Name(), ext) && fi.Size() > size {
			best, size = filepath.Join(dir, e.Name()), fi.Size()
		}
	}
	if best == "" {
		t.Fatalf("no %s file in %s", ext, dir)
	}
	return best
}

// TestDamagedLevelDB damages a leveldb store three ways: a writer's open
// refuses it with a DamagedError naming the path (no panic) and leaves
// every file as it was; Check says what is wrong.
func TestDamagedLevelDB(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		says   string
	}{
		{"a table overwritten", func(t *testing.T, dir string) {
			f := largest(t, dir, ".ldb")
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i := len(b) / 4; i < len(b)/2; i++ {
				b[i] = byte(i * 7)
			}
			if err := os.WriteFile(f, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "checksum"},
		{"a table missing", func(t *testing.T, dir string) {
			if err := os.Remove(largest(t, dir, ".ldb")); err != nil {
				t.Fatal(err)
			}
		}, "missing"},
		{"CURRENT missing", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "CURRENT")); err != nil {
				t.Fatal(err)
			}
		}, "CURRENT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := exportFile(t, BackendLevelDB)
			tc.damage(t, dir)
			before := dirDigest(t, dir)
			st, err := Open(dir, Options{})
			if err == nil {
				st.Close()
				t.Fatal("a damaged store opened for writing")
			}
			if !strings.Contains(err.Error(), dir) || !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tc.says)) {
				t.Errorf("Open: %v; want it to name %s and say %q", err, dir, tc.says)
			}
			if tc.name != "CURRENT missing" && !errors.Is(err, ErrDamaged) {
				t.Errorf("Open: %v, want a DamagedError", err)
			}
			if dirDigest(t, dir) != before {
				t.Error("the refused open changed the store's files")
			}
			rep, err := Check(t.Context(), dir, 0)
			if err != nil && !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("Check: %v", err)
			}
			if err == nil && len(rep.Problems) == 0 {
				t.Errorf("Check found nothing wrong: %+v", rep)
			}
			if dirDigest(t, dir) != before {
				t.Error("Check changed the store's files")
			}
		})
	}
}
