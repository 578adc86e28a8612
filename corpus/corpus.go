// Package corpus finds article files and reads them as text, refusing what
// cannot be read as an article with a message that names the file.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest article file read (bytes).
const MaxSize = 16 << 20

// Article is an article's text and where it came from.
type Article struct {
	Path string // as found
	ID   string // base name without extension
	Text string
	// Note says what was done to read it (decoded from another encoding,
	// HTML stripped), or "".
	Note string
}

// Extensions of files that a folder walk takes as articles.
var Extensions = []string{".txt", ".html", ".htm"}

// Skipped is an error for a file that cannot be used as an article.
type Skipped struct {
	Path   string
	Reason string
}

func (e *Skipped) Error() string { return e.Path + ": " + e.Reason }

// IsSkipped reports whether err is a Skipped file and returns it.
func IsSkipped(err error) (*Skipped, bool) {
	var s *Skipped
	ok := errors.As(err, &s)
	return s, ok
}

// Files lists the article files under paths: files as given, folders
// walked for files with an article extension, in name order.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			for _, e := range Extensions {
				if ext == e {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// Read reads one article file.
func Read(path string) (*Article, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxSize {
		return nil, &Skipped{path, fmt.Sprintf("file too large (%d MB; articles are read up to %d MB)", fi.Size()>>20, MaxSize>>20)}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Decode(path, b)
}

// Decode turns a file's bytes into an article's text.
func Decode(path string, b []byte) (*Article, error) {
	a := &Article{Path: path, ID: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &Skipped{path, "empty file"}
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, &Skipped{path, fmt.Sprintf("binary file (NUL byte at offset %d)", i)}
	}
	if !utf8.Valid(b) {
		off := invalidAt(b)
		return nil, &Skipped{path, fmt.Sprintf("not valid UTF-8 (first bad byte at offset %d)", off)}
	}
	a.Text = string(b)
	return a, nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
