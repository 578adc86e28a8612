package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/dgraph-io/badger"
	boptions "github.com/dgraph-io/badger/options"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
	hbadger "github.com/hidal-go/hidalgo/kv/flat/badger"
	hlevel "github.com/hidal-go/hidalgo/kv/flat/leveldb"
	"github.com/syndtr/goleveldb/leveldb"
	lerrors "github.com/syndtr/goleveldb/leveldb/errors"
	"github.com/syndtr/goleveldb/leveldb/filter"
	lopt "github.com/syndtr/goleveldb/leveldb/opt"
)

// The embedded backends a --db value names with a prefix ("leveldb:PATH").
// An existing store is opened with the backend it was made with, found
// from what is on disk (detectBackend); the prefix only chooses the
// backend of a new store, and must agree with an existing one.
const (
	BackendBolt    = "bolt"    // one file, github.com/coreos/bbolt
	BackendLevelDB = "leveldb" // a directory, github.com/syndtr/goleveldb
	BackendBadger  = "badger"  // a directory, github.com/dgraph-io/badger v1.5.5
)

// DefaultBackend is the backend of a new store whose --db value names no
// backend. Chosen by the measurements of bench/RESULTS.md (2026-12-04,
// session 6, bench/backends, 5,000 articles): bolt builds with 0.58× the
// CPU time of leveldb, rebuilds with 0.24×, answers met and Gizmo hops in
// about a third of the time and exports with 0.29× the CPU; leveldb's
// store is 4.4× smaller and its build's peak RSS 0.68× bolt's (no mapped
// file). Users who need the smaller store choose leveldb:PATH.
const DefaultBackend = BackendBolt

// Backends lists the embedded backends, the default first.
func Backends() []string {
	out := []string{DefaultBackend}
	for _, b := range []string{BackendLevelDB, BackendBolt, BackendBadger} {
		if b != DefaultBackend {
			out = append(out, b)
		}
	}
	return out
}

// engine names of Store.backend (Backend()) for each embedded backend.
var engineOf = map[string]string{BackendBolt: "bbolt", BackendLevelDB: "leveldb", BackendBadger: "badger"}

// splitDSN splits an embedded store's --db value into the backend its
// prefix names ("" for none) and the path.
func splitDSN(dsn string) (backend, path string) {
	for _, b := range []string{BackendBolt, BackendLevelDB, BackendBadger} {
		if p, ok := strings.CutPrefix(dsn, b+":"); ok {
			return b, p
		}
	}
	return "", dsn
}

// resolveDSN says which backend the store at dsn is (or, for a path that
// holds no store yet, will be), where it lives, and whether a store is
// there (an empty directory holds none).
func resolveDSN(dsn string) (backend, path string, exists bool, err error) {
	want, path := splitDSN(dsn)
	if path == "" {
		return "", "", false, fmt.Errorf("store %q: no path", dsn)
	}
	found, exists, err := detectBackend(path)
	if err != nil {
		return "", path, exists, fmt.Errorf("store %s: %w", path, err)
	}
	switch {
	case found == "" && want == "":
		return DefaultBackend, path, false, nil
	case found == "":
		return want, path, false, nil
	case want != "" && want != found:
		return "", path, exists, fmt.Errorf("store %s: is a %s store, not %s (drop the %s: prefix to open it as it is)", path, found, want, want)
	}
	return found, path, exists, nil
}

// detectBackend reads what is at path: a bolt file (by its magic), a
// leveldb directory (CURRENT, MANIFEST-*), a badger directory (MANIFEST,
// *.vlog). "" with exists false: nothing there; "" with exists true: an
// empty directory, where any directory backend may make a store.
func detectBackend(path string) (backend string, exists bool, err error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	} else if err != nil {
		return "", false, err
	}
	if !fi.IsDir() {
		// Bolt is the one backend kept in a single file; a file that is
		// not a bolt file is refused by checkBoltFile, which says why.
		return BackendBolt, true, nil
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return "", true, err
	}
	if len(ents) == 0 {
		return "", true, nil
	}
	has := func(match func(string) bool) bool {
		for _, e := range ents {
			if match(e.Name()) {
				return true
			}
		}
		return false
	}
	switch {
	case has(func(n string) bool { return n == "CURRENT" || strings.HasPrefix(n, "MANIFEST-") }):
		return BackendLevelDB, true, nil
	case has(func(n string) bool { return n == "MANIFEST" || strings.HasSuffix(n, ".vlog") }):
		return BackendBadger, true, nil
	case has(func(n string) bool { return strings.HasSuffix(n, ".ldb") || strings.HasSuffix(n, ".log") }):
		return "", true, errors.New("damaged: a leveldb directory without its CURRENT file or MANIFEST (restore it from a copy, or build again into a new store)")
	}
	return "", true, errors.New("is a directory that holds no dipgraph store (neither leveldb's CURRENT nor badger's MANIFEST)")
}

// openDir opens (creating when create) the leveldb or badger store in the
// directory path. Writers take the directory's lock exclusively and readers
// shared, as with bolt: a second writer, or a reader while a writer holds
// the store, waits up to opt.LockTimeout and then gets ErrInUse. A writer
// first takes its intent on the directory's LOCK file (intent_linux.go), so
// that new readers wait for it.
func openDir(backend, path string, create, readOnly bool, opt Options) (_ *Store, err error) {
	if opt.LockTimeout == 0 {
		opt.LockTimeout = time.Second
	}
	deadline := time.Now().Add(opt.LockTimeout)
	lockFile := intentFile(backend, path)
	var intent *os.File
	made := false // the directory was made here (removed if the create fails)
	switch {
	case readOnly:
		if err := waitForWriter(lockFile, deadline); err != nil {
			return nil, fmt.Errorf("store %s: %w (a build or remove is writing it; try again when it ends)", path, err)
		}
	case create:
		if _, err := os.Stat(filepath.Dir(path)); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(path, 0o755); err != nil {
				return nil, fmt.Errorf("store %s: create: %w", path, err)
			}
			made = true
		}
	default:
		if backend == BackendBadger {
			// badger removes its LOCK file when a writer closes: the
			// intent lives on a file of dipgraph's, which badger ignores.
			if f, err := os.OpenFile(lockFile, os.O_RDWR|os.O_CREATE, 0o644); err == nil {
				f.Close()
			}
		}
		if intent, err = waitIntent(lockFile, deadline); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
	}
	opened := false
	defer func() {
		if !opened && intent != nil {
			intent.Close()
		}
	}()
	defer protect(path, &err)()
	open := func(ro bool) (db hkv.KV, err error) {
		for {
			db, err = openEngine(backend, path, create, ro)
			if err == nil || !lockedErr(err) {
				return db, err
			}
			if time.Now().After(deadline) {
				if readOnly {
					return nil, fmt.Errorf("store %s: %w (a build or remove is writing it; try again when it ends)", path, ErrInUse)
				}
				return nil, fmt.Errorf("store %s: %w", path, ErrInUse)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	verify := !readOnly && !create && !opt.SkipVerify
	if verify && backend == BackendLevelDB {
		// A damaged store is found before anything is written to it:
		// leveldb's open for writing writes (a new manifest, the log's
		// records as a table), so the check reads it opened read-only
		// first. A new reader meanwhile waits for this writer's intent.
		db, err := open(true)
		if errors.Is(err, ErrInUse) {
			return nil, err
		}
		if err == nil {
			_, err = scanAll(context.Background(), db)
			db.Close()
		}
		if err != nil {
			if damagedErr(err) || strings.Contains(err.Error(), "missing") {
				return nil, &DamagedError{Path: path, Detail: err.Error()}
			}
			return nil, fmt.Errorf("store %s: open %s: %w", path, backend, err)
		}
		verify = false
	}
	db, err := open(readOnly)
	if errors.Is(err, ErrInUse) {
		return nil, err
	}
	if err != nil {
		if made {
			os.RemoveAll(path)
		}
		if uncleanBadger(err) {
			return nil, fmt.Errorf("store %s: %s", path, badgerUnclean)
		}
		if damagedErr(err) {
			return nil, &DamagedError{Path: path, Detail: err.Error()}
		}
		return nil, fmt.Errorf("store %s: open %s: %w", path, backend, err)
	}
	closeDB := func() { db.Close() }
	if verify {
		// badger: its open for writing may replay its value log first
		// (a read-only open refuses a store that needs it).
		if _, err := scanAll(context.Background(), db); err != nil {
			closeDB()
			return nil, &DamagedError{Path: path, Detail: err.Error()}
		}
	}
	opts := cgraph.Options{"no_bloom": true}
	addLabelIndex()
	if create {
		if err := kv.Init(db, opts); err != nil && err != cgraph.ErrDatabaseExists {
			closeDB()
			if made {
				os.RemoveAll(path)
			}
			return nil, fmt.Errorf("store %s: create: %w", path, err)
		}
	}
	qs, err := kv.New(db, opts)
	if err != nil {
		closeDB()
		if err == cgraph.ErrNotInitialized {
			return nil, fmt.Errorf("store %s: not a dipgraph store (no Cayley metadata)", path)
		}
		if damagedErr(err) {
			return nil, &DamagedError{Path: path, Detail: err.Error()}
		}
		return nil, fmt.Errorf("store %s: open: %w", path, err)
	}
	opened = true
	return &Store{qs: qs, backend: engineOf[backend], path: path, intent: intent}, nil
}

// intentFile is the file of a directory store that a writer's intent is
// taken on: leveldb's LOCK (which leveldb keeps), or for badger (which
// removes its LOCK on close) a file of dipgraph's own.
func intentFile(backend, path string) string {
	if backend == BackendBadger {
		return filepath.Join(path, "dipgraph.intent")
	}
	return filepath.Join(path, "LOCK")
}

// openEngine opens the engine itself, with the options dipgraph wants.
func openEngine(backend, path string, create, readOnly bool) (hkv.KV, error) {
	switch backend {
	case BackendLevelDB:
		o := &lopt.Options{
			ReadOnly:       readOnly,
			ErrorIfMissing: !create,
			// Node and quad lookups by key (Cayley's ValueOf, a fact's
			// node) mostly hit one table: a bloom filter spares the others.
			Filter: filter.NewBloomFilter(10),
			// Cayley writes each batch in one transaction: a larger
			// buffer makes fewer, larger level-0 tables per batch.
			WriteBuffer:         16 << 20,
			CompactionTableSize: 8 << 20,
			// met and Gizmo read many small keys all over the store:
			// goleveldb's default cache (8 MiB) made met 2× slower than
			// 64 MiB on 2,000 articles (bench/RESULTS.md).
			BlockCacheCapacity: 64 << 20,
		}
		db, err := leveldb.OpenFile(path, o)
		if err != nil {
			return nil, err
		}
		h := hlevel.New(db)
		h.SetWriteOptions(&lopt.WriteOptions{Sync: true})
		return flat.Upgrade(h), nil
	case BackendBadger:
		o := badger.DefaultOptions
		o.Dir, o.ValueDir = path, path
		o.ReadOnly = readOnly
		o.SyncWrites = true
		// Tables and the value log read through the file, not mapped nor
		// loaded whole: the resident set stays bounded.
		o.TableLoadingMode = boptions.FileIO
		o.ValueLogLoadingMode = boptions.FileIO
		// A transaction must fit in one memtable: Cayley writes a batch of
		// articles in one.
		o.MaxTableSize = 256 << 20
		db, err := hbadger.Open(o)
		if err != nil {
			return nil, err
		}
		return flat.Upgrade(db), nil
	}
	return nil, fmt.Errorf("unknown backend %q", backend)
}

// badgerUnclean says what a read-only open of a badger store that a killed
// writer left meets: badger replays its value log only when opened for
// writing.
const badgerUnclean = "badger was not closed cleanly (a writer was killed) and cannot replay its log opened read-only; run dipgraph build or remove on it once to recover it"

// uncleanBadger reports whether err is badger refusing a read-only open
// of a store not closed cleanly.
func uncleanBadger(err error) bool {
	return err != nil && strings.Contains(err.Error(), "Database was not properly closed")
}

// lockedErr reports whether err is the engine finding its lock taken.
func lockedErr(err error) bool {
	return errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) ||
		strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable")
}

// damagedErr reports whether err is an engine finding its files damaged.
func damagedErr(err error) bool {
	if err == nil {
		return false
	}
	return lerrors.IsCorrupted(err) || strings.Contains(err.Error(), "corrupt") || strings.Contains(err.Error(), "checksum") || decodeFailed(err)
}

// scanAll reads every key and value of db (each block's checksum is
// checked as it is read); it returns how many keys.
func scanAll(ctx context.Context, db hkv.KV) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reading the store: %v", r)
		}
	}()
	tx, err := db.Tx(false)
	if err != nil {
		return 0, err
	}
	defer tx.Close()
	it := tx.Scan(nil)
	defer it.Close()
	for it.Next(ctx) {
		n++
		_ = it.Val()
	}
	return n, it.Err()
}

// checkDir is Check for a leveldb or badger store: the engine's open
// (its manifest and log), a read of every key and value (each block's
// checksum checked) and Cayley's metadata, in this process: neither
// engine maps its files, and a panic of its decoder is recovered.
func checkDir(ctx context.Context, backend, path string, lockTimeout time.Duration) (rep *CheckReport, err error) {
	start := time.Now()
	rep = &CheckReport{Path: path, Size: dirSize(path), Backend: backend}
	problem := func(p string) (*CheckReport, error) {
		rep.Problems = append(rep.Problems, p)
		rep.Took = time.Since(start).Round(time.Millisecond).String()
		return rep, nil
	}
	deadline := time.Now().Add(lockTimeout)
	if err := waitForWriter(intentFile(backend, path), deadline); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	var db hkv.KV
	for {
		db, err = func() (db hkv.KV, err error) {
			defer protect(path, &err)()
			return openEngine(backend, path, false, true)
		}()
		if err == nil || !lockedErr(err) {
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("store %s: %w", path, ErrInUse)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if uncleanBadger(err) {
		return problem(badgerUnclean)
	}
	if err != nil {
		return problem(fmt.Sprintf("%s cannot open it: %v", backend, err))
	}
	defer db.Close()
	n, err := scanAll(ctx, db)
	rep.Keys = n
	if err != nil {
		return problem(fmt.Sprintf("a read of every key stopped after %d keys: %v", n, err))
	}
	addLabelIndex()
	qs, err := func() (qs cgraph.QuadStore, err error) {
		defer protect(path, &err)()
		return kv.New(db, cgraph.Options{"no_bloom": true})
	}()
	if err == cgraph.ErrNotInitialized {
		return problem("not a dipgraph store (no Cayley metadata)")
	} else if err != nil {
		return problem("Cayley cannot open it: " + err.Error())
	}
	_ = qs // closing it would close db twice
	rep.Took = time.Since(start).Round(time.Millisecond).String()
	return rep, nil
}

// dirSize is the bytes of the files in a store's directory.
func dirSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// StoreVersion names the state of the embedded store at dsn, changing
// whenever a write commits: a bolt file's size and time of change, or the
// total size and latest change of a directory store's files (leveldb and
// badger add to their manifest at each commit). "" for a dsn that is not
// an embedded store or cannot be read.
func StoreVersion(dsn string) string {
	if IsPostgres(dsn) || dsn == "" || dsn == Memory {
		return ""
	}
	_, path := splitDSN(dsn)
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	if !fi.IsDir() {
		return fmt.Sprintf("%d-%d", fi.Size(), fi.ModTime().UnixNano())
	}
	var size, latest int64
	ents, err := os.ReadDir(path)
	if err != nil {
		return ""
	}
	for _, e := range ents {
		if e.Name() == "LOG" || e.Name() == "LOG.old" {
			continue // a reader's open may write leveldb's LOG
		}
		if fi, err := e.Info(); err == nil && !fi.IsDir() {
			size += fi.Size()
			latest = max(latest, fi.ModTime().UnixNano())
		}
	}
	return fmt.Sprintf("%d-%d-%d", len(ents), size, latest)
}
