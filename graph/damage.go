package graph

// A damaged bolt file (a page overwritten, a disk error) makes bolt index
// past its slices (a panic) or read through a wild pointer into its
// mapping (a fault, which Go turns into a panic only on a goroutine that
// asked for it: debug.SetPanicOnFault). Every Store method that reads or
// writes bolt recovers both into a DamagedError, and a writer first checks
// the whole file (bolt's consistency check) in a child process, where a
// fault bolt's check cannot survive ends the child, not the build.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"time"

	bolt "github.com/coreos/bbolt"
)

// ErrDamaged matches every DamagedError.
var ErrDamaged = errors.New("store damaged")

// DamagedError says that a store's file is damaged and what was found.
type DamagedError struct {
	Path   string
	Detail string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("store damaged: %s: %s; run dipgraph check --db %s (restore a copy, or build again into a new file)", e.Path, e.Detail, e.Path)
}

func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// protect turns a panic or a memory fault below it, on this goroutine,
// into a DamagedError in *err. Use as `defer protect(path, &err)()`: the
// function it returns is the deferred one, which recover needs.
func protect(path string, err *error) func() {
	old := debug.SetPanicOnFault(true)
	return func() {
		r := recover()
		debug.SetPanicOnFault(old)
		if r != nil {
			*err = &DamagedError{Path: path, Detail: fmt.Sprintf("%v", r)}
		}
	}
}

// guard is protect for a store's methods: a store found damaged is not
// closed through bolt any more (a panic may have left a transaction
// holding bolt's lock).
func (s *Store) guard(err *error) func() {
	if !s.embedded() {
		return func() {}
	}
	old := debug.SetPanicOnFault(true)
	return func() {
		// recover works only when called by the deferred function itself.
		r := recover()
		debug.SetPanicOnFault(old)
		if r != nil {
			s.damaged.Store(true)
			*err = &DamagedError{Path: s.path, Detail: fmt.Sprintf("%v", r)}
			return
		}
		if e := *err; e != nil && damagedErr(e) && !errors.Is(e, ErrDamaged) {
			*err = &DamagedError{Path: s.path, Detail: e.Error()}
		}
	}
}

// decodeFailed reports whether err is Cayley failing to decode what bolt
// gave it: the bytes of a value were damaged (a whole page of garbage that
// still looks like a page).
func decodeFailed(err error) bool {
	msg := err.Error()
	for _, s := range []string{"varint: overflow", "proto: ", "illegal tag", "wrong wireType", "unexpected int size",
		"cannot decode indexes", "unexpected EOF", "unexpected node type", "trying to add to map bucket"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// CheckReport is what a store check found.
type CheckReport struct {
	Path     string   `json:"path"`
	Backend  string   `json:"backend,omitempty"`
	Size     int64    `json:"size"`
	Pages    int      `json:"pages"`
	Buckets  int      `json:"buckets"`
	Keys     int      `json:"keys"`
	Problems []string `json:"problems,omitempty"`
	Took     string   `json:"took"`
}

// maxProblems is how many problems a check lists.
const maxProblems = 20

// Check verifies the embedded store at path (a --db value; bolt:, leveldb:
// and badger: prefixes allowed). A leveldb or badger store is checked by
// checkDir. A bolt store: its meta pages and size
// (checkBoltFile), bolt's consistency check (every page reachable once or
// free, of the right type), and a read of every key and value. It runs in
// a child process of this binary (which must call RunWorkerIfAsked), so
// that a damage bolt cannot survive shows up as a problem. The error is
// for a check that could not run (no such file, in use, no worker).
func Check(ctx context.Context, path string, lockTimeout time.Duration) (*CheckReport, error) {
	if lockTimeout <= 0 {
		lockTimeout = time.Second
	}
	backend, path, exists, err := resolveDSN(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err) // "no such file or directory"
		}
		return nil, fmt.Errorf("store %s: is a directory that holds no store (make one with dipgraph build)", path)
	}
	if backend != BackendBolt {
		return checkDir(ctx, backend, path, lockTimeout)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	rep := &CheckReport{Path: path, Backend: backend, Size: fi.Size()}
	if err := checkBoltFile(path); err != nil {
		rep.Problems = []string{err.Error()}
		return rep, nil
	}
	start := time.Now()
	walked, err := walkBoltFile(path, maxProblems)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if len(walked.Problems) > 0 {
		walked.Took = time.Since(start).Round(time.Millisecond).String()
		return walked, nil
	}
	// Then bolt's own check and a read of every key, in a child process
	// with a time bound (bolt's check loops on some damage).
	ctx, cancel := context.WithTimeout(ctx, 2*checkTime(fi.Size()))
	defer cancel()
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	in, _ := json.Marshal(workerRequest{Kind: "check", DSN: path, LockTimeout: lockTimeout, Memory: 1 << 30})
	cmd := exec.CommandContext(ctx, exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), workerEnv+"=1", "GOTRACEBACK=none")
	cmd.Stdin = bytes.NewReader(in)
	stderr := &headBuffer{max: 8 << 10}
	cmd.Stderr = stderr
	cmd.SysProcAttr = workerSysProcAttr()
	cmd.Cancel = func() error { killGroup(cmd.Process.Pid); return nil }
	var out bytes.Buffer
	cmd.Stdout = &out
	waitErr := cmd.Run()
	var got struct {
		workerLine
		Report *CheckReport `json:"report"`
	}
	line, _ := bufio.NewReader(&out).ReadBytes('\n')
	if json.Unmarshal(line, &got) == nil && got.End {
		switch {
		case got.InUse:
			return nil, fmt.Errorf("store %s: %w", path, ErrInUse)
		case got.Report != nil:
			got.Report.Size = rep.Size
			return got.Report, nil
		case got.Error != "":
			rep.Problems = []string{got.Error}
			return rep, nil
		}
	}
	if ctx.Err() != nil {
		rep.Problems = []string{fmt.Sprintf("bolt's consistency check did not end within %s (a damaged page can make it loop)", 2*checkTime(fi.Size()))}
		return rep, nil
	}
	if waitErr == nil && strings.TrimSpace(stderr.String()) == "" {
		return nil, errNoWorker
	}
	_, detail := deathCause(stderr.String(), waitErr)
	rep.Problems = []string{"the check could not read the file through: " + detail}
	return rep, nil
}

// errNoWorker: the running binary does not answer as a worker (a test
// binary without RunWorkerIfAsked in its TestMain).
var errNoWorker = errors.New("this program cannot check stores (it does not call graph.RunWorkerIfAsked)")

// verifyBeforeWrite checks an existing bolt file before a writer opens
// it (walkBoltFile: every page of every bucket's tree, read with bounds
// checked, no memory map); a damaged one is refused with what was found.
func verifyBeforeWrite(path string) (err error) {
	defer protect(path, &err)()
	rep, err := walkBoltFile(path, 3)
	if err != nil {
		return nil // Open says why
	}
	if len(rep.Problems) > 0 {
		d := rep.Problems[0]
		if n := len(rep.Problems) - 1; n > 0 {
			d += fmt.Sprintf(" (and %d more problems)", n)
		}
		return &DamagedError{Path: path, Detail: d}
	}
	return nil
}

// checkTime bounds bolt's check of a file of size bytes: it reads about
// 100 MB/s on a busy 2-core machine (385 MB in 2-5 s); a damaged page
// whose header claims billions of overflow pages makes it loop instead.
func checkTime(size int64) time.Duration {
	return 3*time.Second + time.Duration(size>>20)*40*time.Millisecond
}

// runCheck is the worker's side of Check.
func runCheck(req workerRequest, end func(workerLine, *CheckReport) int) int {
	start := time.Now()
	rep := &CheckReport{Path: req.DSN}
	db, err := bolt.Open(req.DSN, 0o644, &bolt.Options{ReadOnly: true, Timeout: req.LockTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return end(workerLine{InUse: true, Error: ErrInUse.Error()}, nil)
	}
	if err != nil {
		return end(workerLine{Error: "open: " + err.Error()}, nil)
	}
	if err := limitSelf(req.Memory, 0); err != nil {
		return end(workerLine{Error: err.Error()}, nil)
	}
	add := func(p string) bool {
		rep.Problems = append(rep.Problems, p)
		return len(rep.Problems) < maxProblems
	}
	err = func() (err error) {
		defer protect(req.DSN, &err)()
		return db.View(func(tx *bolt.Tx) error {
			rep.Pages = int(tx.Size() / int64(db.Info().PageSize))
			for e := range tx.Check() {
				if !add(e.Error()) {
					return nil
				}
			}
			if len(rep.Problems) > 0 {
				return nil
			}
			// Every key and value read, on this goroutine (faults recovered).
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return walkBucket(b, rep, 0)
			})
		})
	}()
	if err != nil {
		add(err.Error())
	}
	rep.Took = time.Since(start).Round(time.Millisecond).String()
	return end(workerLine{}, rep)
}

func walkBucket(b *bolt.Bucket, rep *CheckReport, depth int) error {
	rep.Buckets++
	if depth > 16 {
		return errors.New("buckets nested more than 16 deep")
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		rep.Keys++
		if v == nil {
			if child := b.Bucket(k); child != nil {
				if err := walkBucket(child, rep, depth+1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeCheckEnd writes the worker's answer to a check.
func writeCheckEnd(w io.Writer, l workerLine, rep *CheckReport) {
	l.End = true
	b, _ := json.Marshal(struct {
		workerLine
		Report *CheckReport `json:"report,omitempty"`
	}{l, rep})
	w.Write(append(b, '\n'))
}
