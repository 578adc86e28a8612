package graph

import (
	"errors"
	"fmt"
	"os"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	bolt "github.com/coreos/bbolt"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
)

// OpenReadOnly opens an existing embedded store (bolt file, leveldb or
// badger directory; see Open) for reading only. It takes the store's
// shared lock (bolt's flock, leveldb's and badger's LOCK), so any number of readers (exports, the server's
// requests) can hold it together, while a writer (build, remove) that
// comes meanwhile gets ErrInUse from Open within its lock timeout; a
// reader that comes while a writer holds the store gets ErrInUse after
// opt.LockTimeout (default 1s). It never creates a file. A postgres:// dsn
// is opened as by Open (PostgreSQL has its own concurrency); "memory" is
// refused, since a new in-memory store is empty.
func OpenReadOnly(dsn string, opt Options) (_ *Store, err error) {
	quiet()
	if IsPostgres(dsn) {
		return Open(dsn, opt)
	}
	if dsn == "" || dsn == Memory {
		return nil, fmt.Errorf("store %q: reading needs a database file (a new in-memory store is empty)", dsn)
	}
	backend, path, exists, err := resolveDSN(dsn)
	if err != nil {
		return nil, err
	}
	if !exists {
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("store %s: is a directory that holds no store (make one with dipgraph build)", path)
		}
		return nil, fmt.Errorf("store %s: no such file (make it with dipgraph build)", path)
	}
	if backend != BackendBolt {
		return openDir(backend, path, false, true, opt)
	}
	dsn = path
	fi, err := os.Stat(dsn)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("store %s: no such file (make it with dipgraph build)", dsn)
	} else if err != nil {
		return nil, fmt.Errorf("store %s: %w", dsn, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("store %s: is a directory, want a database file", dsn)
	}
	if opt.LockTimeout == 0 {
		opt.LockTimeout = time.Second
	}
	if err := checkBoltFile(dsn); err != nil {
		return nil, fmt.Errorf("store %s: %w", dsn, err)
	}
	// A writer waiting for the store goes first (writer preference): a
	// reader that comes meanwhile waits for it, up to its lock timeout.
	deadline := time.Now().Add(opt.LockTimeout)
	if err := waitForWriter(dsn, deadline); err != nil {
		return nil, fmt.Errorf("store %s: %w (a build or remove is writing it; try again when it ends)", dsn, err)
	}
	defer protect(dsn, &err)()
	db, err := bolt.Open(dsn, 0o644, &bolt.Options{ReadOnly: true, Timeout: max(time.Until(deadline), 20*time.Millisecond)})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("store %s: %w (a build or remove is writing it; try again when it ends)", dsn, ErrInUse)
	} else if err != nil {
		return nil, fmt.Errorf("store %s: open read-only: %w", dsn, err)
	}
	qs, err := kv.New(hbolt.New(db), cgraph.Options{"no_bloom": true})
	if err != nil {
		db.Close()
		if err == cgraph.ErrNotInitialized {
			return nil, fmt.Errorf("store %s: not a dipgraph store (no Cayley metadata)", dsn)
		}
		return nil, fmt.Errorf("store %s: open read-only: %w", dsn, err)
	}
	return &Store{qs: qs, backend: "bbolt", path: dsn}, nil
}
