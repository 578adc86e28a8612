// Package graph stores dipgraph's facts in a Cayley quad store and answers
// questions about them; it is the only package that uses Cayley.
package graph

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	bolt "github.com/coreos/bbolt"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"

	"github.com/dipgraph/dipgraph/schema"
)

// Memory is the --db value for a throw-away in-memory store.
const Memory = "memory"

// ErrInUse is returned when another process holds the store open.
var ErrInUse = errors.New("store is in use by another process")

// Store is an open quad store.
type Store struct {
	qs      cgraph.QuadStore
	backend string
	path    string
	pg      *pgStore // writes and counts of a PostgreSQL store (postgres.go)

	readerOnce sync.Once
	rd         *reader
	writing    sync.Mutex // a bolt write, or a release of its mapped pages
	// intent holds a writer's intent lock on a bolt file (intent_linux.go)
	// while the store is open: new readers wait for it to close.
	intent *os.File
	// damaged is set when a read or write found the file damaged (guard).
	damaged atomic.Bool
	// rss is when the store releases its mapped pages (overRSS).
	rss rssBudget
}

// read returns the store's index reader (read.go), made on first use.
func (s *Store) read() *reader {
	s.readerOnce.Do(func() { s.rd = newReader(s.qs) })
	return s.rd
}

// Options tune how a store is opened.
type Options struct {
	// LockTimeout is how long to wait for another process to release an
	// embedded store (default 1s).
	LockTimeout time.Duration
	// SkipVerify opens an existing embedded store for writing without
	// checking it first (bolt: walkBoltFile, which reads the whole tree;
	// leveldb and badger: a read of every key, scanAll).
	SkipVerify bool
}

// labelIndex makes deleting one article's quads a prefix scan: Cayley's kv
// backends have no label index by default. It is added to Cayley's default
// index list once, before any store is created; a store keeps the index
// list it was created with.
var labelIndexOnce sync.Once

func addLabelIndex() {
	labelIndexOnce.Do(func() {
		for _, ind := range kv.DefaultQuadIndexes {
			if len(ind.Dirs) == 1 && ind.Dirs[0] == quad.Label {
				return
			}
		}
		kv.DefaultQuadIndexes = append(kv.DefaultQuadIndexes, kv.QuadIndex{Dirs: []quad.Direction{quad.Label}})
	})
}

// quietLogs keeps Cayley's own log lines off the terminal.
var quietOnce sync.Once

func quiet() {
	quietOnce.Do(func() { clog.SetV(-1); clog.SetLogger(nil) })
}

// Open opens (creating if needed) the store at dsn: "memory" for an
// in-memory store, a postgres:// URL for a PostgreSQL database (see
// postgres.go), else the path of an embedded store, optionally prefixed
// with its backend: "bolt:PATH" (one file), "leveldb:PATH" or
// "badger:PATH" (a directory). An existing store is opened with the
// backend it was made with (detectBackend); a new one without a prefix
// gets DefaultBackend.
func Open(dsn string, opt Options) (_ *Store, err error) {
	quiet()
	if IsPostgres(dsn) {
		return openPostgres(dsn)
	}
	if dsn == "" || dsn == Memory {
		qs, err := cgraph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return nil, err
		}
		return &Store{qs: qs, backend: "memstore", path: Memory}, nil
	}
	backend, path, exists, err := resolveDSN(dsn)
	if err != nil {
		return nil, err
	}
	if backend != BackendBolt {
		return openDir(backend, path, !exists, false, opt)
	}
	return openBolt(path, opt)
}

// openBolt opens (creating if needed) the bolt file at path for writing.
func openBolt(path string, opt Options) (_ *Store, err error) {
	if opt.LockTimeout == 0 {
		opt.LockTimeout = time.Second
	}
	deadline := time.Now().Add(opt.LockTimeout)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("store %s: is a directory, want a database file", path)
	}
	// A writer first says it is waiting (new readers then wait for it),
	// then waits for the readers already in to leave.
	intent, err := waitIntent(path, deadline)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	opened := false
	defer func() {
		if !opened && intent != nil {
			intent.Close()
		}
	}()
	if err := checkLock(path, time.Until(deadline)); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if err := checkBoltFile(path); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	// A damaged file is found before anything is written to it.
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 && !opt.SkipVerify {
		if err := verifyBeforeWrite(path); err != nil {
			return nil, err
		}
	}
	defer protect(path, &err)()
	addLabelIndex()
	opts := cgraph.Options{"no_bloom": true}
	_, err = os.Stat(path)
	create := errors.Is(err, os.ErrNotExist)
	if create {
		if dir := filepath.Dir(path); dir != "" {
			if _, err := os.Stat(dir); err != nil {
				return nil, fmt.Errorf("store %s: %w", path, err)
			}
		}
	}
	// Bolt is opened here rather than through Cayley's registry to map the
	// file with room to grow (mapSize): the mapping then never moves while
	// the store is written, and its pages can be released during a write
	// (ReplaceBatch).
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: max(time.Until(deadline), time.Second), InitialMmapSize: mapSize})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("store %s: %w", path, ErrInUse)
	} else if err != nil {
		if create {
			os.Remove(path)
		}
		return nil, fmt.Errorf("store %s: open: %w", path, err)
	}
	kvdb := hbolt.New(db)
	if create {
		if err := kv.Init(kvdb, opts); err != nil && err != cgraph.ErrDatabaseExists {
			db.Close()
			os.Remove(path)
			return nil, fmt.Errorf("store %s: create: %w", path, err)
		}
	}
	qs, err := kv.New(kvdb, opts)
	if err != nil {
		db.Close()
		if err == cgraph.ErrNotInitialized {
			return nil, fmt.Errorf("store %s: not a dipgraph store (no Cayley metadata)", path)
		}
		return nil, fmt.Errorf("store %s: open: %w", path, err)
	}
	opened = true
	return &Store{qs: qs, backend: "bbolt", path: path, rss: defaultRSS, intent: intent}, nil
}

// waitIntent takes a writer's intent on the bolt file at path, waiting
// until deadline for another writer's to end. It returns nil for a file
// that does not exist or cannot be opened for writing (Open reports why).
func waitIntent(path string, deadline time.Time) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, nil
	}
	for {
		ok, err := takeIntent(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock: %w", err)
		}
		if ok {
			return f, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, ErrInUse
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitForWriter waits until no writer holds its intent on the bolt file at
// path, up to deadline (then ErrInUse).
func waitForWriter(path string, deadline time.Time) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bolt's open says why
	}
	defer f.Close()
	for writerWaiting(f) {
		if time.Now().After(deadline) {
			return ErrInUse
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// mapSize is the address space a bolt store is mapped with: 256 GiB on
// 64-bit systems, far above any store's size, so that bolt never moves its
// mapping (it maps no more of the file than exists; the rest is address
// space only). 0 on 32-bit systems: bolt's default.
const mapSize = (1 << 38) * (strconv.IntSize / 64)

// checkLock tries the bolt file lock for up to timeout, so that a second
// process gets ErrInUse instead of blocking forever inside bolt.
func checkLock(path string, timeout time.Duration) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return fmt.Errorf("cannot open for writing: %w", err)
		}
		return err
	}
	defer f.Close()
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			return nil
		}
		if err != syscall.EWOULDBLOCK {
			return err
		}
		if time.Now().After(deadline) {
			return ErrInUse
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// checkBoltFile reads the two meta pages of an existing bolt file and
// refuses one that is shorter than its pages say: bolt maps the file into
// memory and a read past its end kills the process (SIGBUS) instead of
// returning an error.
func checkBoltFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.Size() == 0 {
		return nil // an empty file is initialised by bolt
	}
	const magic = 0xED0CDAED
	need, valid := int64(0), false
	buf := make([]byte, 80)
	for _, off := range []int64{0, -1} {
		if off < 0 {
			// the second meta page sits one page in
			if !valid {
				break
			}
			off = int64(binary.LittleEndian.Uint32(buf[24:28]))
		}
		if _, err := f.ReadAt(buf, off); err != nil {
			return fmt.Errorf("damaged: cannot read its header (%d bytes): %v", fi.Size(), err)
		}
		if binary.LittleEndian.Uint32(buf[16:20]) != magic {
			continue
		}
		pageSize := int64(binary.LittleEndian.Uint32(buf[24:28]))
		pgid := int64(binary.LittleEndian.Uint64(buf[56:64]))
		if pageSize < 512 || pageSize > 1<<20 {
			continue
		}
		valid = true
		if n := pgid * pageSize; n > need {
			need = n
		}
	}
	if !valid {
		return errors.New("invalid database: not a bolt file (no valid meta page); is it a dipgraph store?")
	}
	if fi.Size() < need {
		return fmt.Errorf("damaged: the file is %d bytes but its pages need %d (truncated?); restore it from a copy or build again into a new file", fi.Size(), need)
	}
	return nil
}

// Close closes the store.
func (s *Store) Close() error {
	if s.pg != nil {
		s.pg.close()
	}
	var err error
	if s.damaged.Load() {
		// A panic may have left a bolt transaction holding its lock: the
		// close would wait for good. The process's exit releases the file.
		go s.qs.Close()
	} else {
		err = s.qs.Close()
	}
	if s.intent != nil {
		s.intent.Close()
	}
	return err
}

// CloseWithin closes the store, giving up after d: a Gizmo query cut by its
// limit or time can leave Cayley's iterator scanning inside a read
// transaction that the close would wait for. Reads hold no write lock, so a
// process may exit with the close pending; the data are not at risk.
func (s *Store) CloseWithin(d time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		return nil
	}
}

// Path is where the store lives ("memory" for an in-memory store).
func (s *Store) Path() string { return s.path }

// Backend names the Cayley backend: "bbolt", "leveldb", "badger",
// "memstore" or "postgres".
func (s *Store) Backend() string { return s.backend }

// embedded reports whether the store is one of the embedded kv backends.
func (s *Store) embedded() bool {
	switch s.backend {
	case "bbolt", "leveldb", "badger":
		return true
	}
	return false
}

// labelQuads returns the quads stored under a label.
func (s *Store) labelQuads(ctx context.Context, label string) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(quad.IRI(label))
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(quad.Label, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	return out, it.Err()
}

// Replace makes the quads under label exactly qs, in one transaction: the
// quads no longer there are deleted, the new ones added, the rest left
// alone. It returns how many were added and deleted.
func (s *Store) Replace(ctx context.Context, label string, quads []quad.Quad) (added, deleted int, err error) {
	defer s.guard(&err)()
	if s.pg != nil {
		ch := []Change{{Label: label, Quads: quads}}
		if err := s.pg.replace(ctx, ch); err != nil {
			return 0, 0, fmt.Errorf("write %s: %w", label, err)
		}
		return ch[0].Added, ch[0].Deleted, nil
	}
	deltas, added, deleted, err := s.diff(ctx, label, quads)
	if err != nil {
		return 0, 0, err
	}
	if len(deltas) == 0 {
		return 0, 0, nil
	}
	if err := s.apply(deltas); err != nil {
		return 0, 0, fmt.Errorf("write %s: %w", label, err)
	}
	return added, deleted, nil
}

// ReplaceUnlessSame is Replace for a large label that seldom changes (the
// gazetteer's): it keeps a digest of the label's quads under the label
// and writes nothing when the new quads have the same digest, so that a
// build does not read and compare tens of thousands of quads each time.
func (s *Store) ReplaceUnlessSame(ctx context.Context, label string, quads []quad.Quad) (added, deleted int, err error) {
	defer s.guard(&err)()
	sum := quadsDigest(quads)
	if s.pg == nil {
		if old, err := s.labelDigest(ctx, label); err == nil && old == sum {
			return 0, 0, nil
		}
	}
	quads = append(quads[:len(quads):len(quads)], quad.Make(quad.IRI(label), quad.IRI(schema.PredDigest), quad.String(sum), nil))
	// One transaction, as every write: a reader never sees it in part.
	return s.Replace(ctx, label, quads)
}

// quadsDigest is a digest of quads, whatever their order.
func quadsDigest(quads []quad.Quad) string {
	lines := make([]string, len(quads))
	for i, q := range quads {
		q.Label = nil
		lines[i] = q.NQuad()
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// labelDigest reads the digest kept under label, or "".
func (s *Store) labelDigest(ctx context.Context, label string) (string, error) {
	defer s.release()
	r := s.read()
	refs, err := r.refs(ctx, quad.IRI(label), quad.IRI(schema.PredDigest))
	if err != nil || refs[0] == nil || refs[1] == nil {
		return "", err
	}
	qs, err := r.outs(ctx, refs[0], refs[1])
	if err != nil || len(qs) == 0 {
		return "", err
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, []cgraph.Ref{r.dir(qs[0], quad.Object)})
	if err != nil || len(vals) == 0 || vals[0] == nil {
		return "", err
	}
	if v, ok := vals[0].(quad.String); ok {
		return string(v), nil
	}
	return "", nil
}

// apply writes deltas in one transaction.
func (s *Store) apply(deltas []cgraph.Delta) error {
	if !s.embedded() {
		return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	}
	deltas = pinNodes(deltas)
	if s.backend != "bbolt" {
		return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	stop := s.watchMapped()
	err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	stop()
	releaseMapped(s.path)
	return err
}

// pinNodes works around a bug of Cayley v0.7.7's kv backends (bolt,
// leveldb, badger: the bug is in graph/kv): in one
// ApplyDeltas, a node whose reference count goes down overall (more quads
// deleted than added with it) is not resolved for the added quads, which
// are then written without it (a quad without its label, or predicate).
// Adding again a quad that uses such a node, as many times as the count
// would drop, keeps the count from dropping; Cayley skips the duplicate
// adds. The price: such a node's stored count stays above its use, so it
// is not removed when no quad uses it any more.
func pinNodes(deltas []cgraph.Delta) []cgraph.Delta {
	hasDelete := false
	for _, d := range deltas {
		if d.Action == cgraph.Delete {
			hasDelete = true
			break
		}
	}
	if !hasDelete {
		return deltas
	}
	net := map[cgraph.ValueHash]int{}
	usedBy := map[cgraph.ValueHash]int{} // node → an add delta using it
	var order []cgraph.ValueHash
	for i, d := range deltas {
		inc := -1
		if d.Action == cgraph.Add {
			inc = 1
		}
		for _, dir := range quad.Directions {
			v := d.Quad.Get(dir)
			if v == nil {
				continue
			}
			h := cgraph.HashOf(v)
			if _, ok := net[h]; !ok {
				order = append(order, h)
			}
			net[h] += inc
			if _, ok := usedBy[h]; !ok && inc > 0 {
				usedBy[h] = i
			}
		}
	}
	for _, h := range order {
		i, ok := usedBy[h]
		if !ok {
			continue
		}
		for k := net[h]; k < 0; k++ {
			deltas = append(deltas, deltas[i])
		}
	}
	return deltas
}

// Change is one label's new quads for ReplaceBatch, which fills in how
// many quads it added and deleted.
type Change struct {
	Label          string
	Quads          []quad.Quad
	Added, Deleted int
}

// ReplaceBatch does what Replace does for several labels, all in one
// transaction: either every change is written or none is. Labels must be
// distinct.
func (s *Store) ReplaceBatch(ctx context.Context, changes []Change) (err error) {
	defer s.guard(&err)()
	seen := make(map[string]bool, len(changes))
	for _, c := range changes {
		if seen[c.Label] {
			return fmt.Errorf("write batch: label %s twice", c.Label)
		}
		seen[c.Label] = true
	}
	if s.pg != nil {
		if err := s.pg.replace(ctx, changes); err != nil {
			return fmt.Errorf("write batch of %d: %w", len(changes), err)
		}
		return nil
	}
	var all []cgraph.Delta
	for i := range changes {
		c := &changes[i]
		deltas, added, deleted, err := s.diff(ctx, c.Label, c.Quads)
		if err != nil {
			return err
		}
		c.Added, c.Deleted = added, deleted
		all = append(all, deltas...)
	}
	if len(all) == 0 {
		return nil
	}
	if err := s.apply(all); err != nil {
		return fmt.Errorf("write batch of %d: %w", len(changes), err)
	}
	return nil
}

// rssBudget says when a bolt store lets go of its mapped pages: when the
// process's resident set is over total bytes, of which more than minFile
// are pages of mapped files.
type rssBudget struct{ total, minFile int64 }

// defaultRSS keeps a build under 1 GiB of resident set. Bolt reads its
// file through a shared mapping, and the kernel maps 16 cached pages
// around each page a read touches (fault-around), so one batch written into
// a store of gigabytes would map most of the file. Releases cost the pages
// mapped again after them: they happen only when the process is near the
// budget, and only when there is enough to release.
var defaultRSS = rssBudget{total: 768 << 20, minFile: 64 << 20}

// overRSS reports whether the store should release its mapped pages now.
func (s *Store) overRSS() bool {
	total, file := resident()
	return total > s.rss.total && file > s.rss.minFile
}

// watchMapped checks every few milliseconds, until stop is called, the
// process's resident set, and releases the store's mapped pages when it is
// over budget (overRSS). It runs during a write, which holds
// s.writing: bolt moves its mapping only when the file outgrows mapSize,
// so the release is skipped for files past half of it.
func (s *Store) watchMapped() (stop func()) {
	if mapSize == 0 {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if !s.overRSS() {
					continue
				}
				if fi, err := os.Stat(s.path); err == nil && fi.Size() < mapSize/2 {
					releaseMapped(s.path)
				}
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// release drops the pages of a bolt store's file from the process's
// resident set (mapped_linux.go). Bolt would move its mapping if a commit
// grew the file past mapSize, and the range released must still be the
// file's: writes and releases take s.writing in turn.
func (s *Store) release() {
	if s.backend == "bbolt" {
		s.writing.Lock()
		defer s.writing.Unlock()
		releaseMapped(s.path)
	}
}

// diff compares the quads under label with quads: the deltas that make
// them equal, and how many quads they add and delete.
func (s *Store) diff(ctx context.Context, label string, quads []quad.Quad) (deltas []cgraph.Delta, added, deleted int, err error) {
	old, err := s.labelQuads(ctx, label)
	if err != nil {
		return nil, 0, 0, err
	}
	key := func(q quad.Quad) string { return q.NQuad() }
	want := make(map[string]quad.Quad, len(quads))
	for _, q := range quads {
		q.Label = quad.IRI(label)
		want[key(q)] = q
	}
	have := make(map[string]bool, len(old))
	for _, q := range old {
		k := key(q)
		have[k] = true
		if _, ok := want[k]; !ok {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			deleted++
		}
	}
	// Additions in the order given (deterministic, and far faster for
	// bolt than a map's order: quads of one entity stay together).
	for _, q := range quads {
		q.Label = quad.IRI(label)
		k := key(q)
		if _, ok := want[k]; !ok || have[k] {
			continue
		}
		delete(want, k) // a quad given twice is added once
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		added++
	}
	return deltas, added, deleted, nil
}

// Remove deletes every quad under label; it returns how many.
func (s *Store) Remove(ctx context.Context, label string) (int, error) {
	_, n, err := s.Replace(ctx, label, nil)
	return n, err
}

// Labels lists the labels of articles in the store with their quad counts.
func (s *Store) Stats(ctx context.Context) (_ Stats, err error) {
	defer s.guard(&err)()
	if s.pg != nil {
		return s.pg.stats(ctx)
	}
	// The quad count is kept by Cayley; articles, officials and meetings
	// are the subjects of their <type> quads, read through the (object,
	// predicate) index: a count does not read the whole store.
	cs, err := s.qs.Stats(ctx, false)
	if err != nil {
		return Stats{}, err
	}
	st := Stats{Quads: int(cs.Quads.Size)}
	defer s.release()
	r := s.read()
	refs, err := r.refs(ctx, iri(schema.PredType), iri(schema.KindArticle), iri(schema.KindOfficial), iri(schema.KindMeeting))
	if err != nil {
		return Stats{}, err
	}
	// The <type> quads are read from Cayley's log in id order, that is
	// across the whole file: the mapped pages are let go as the count goes,
	// or the process's resident set would grow to the store's size.
	n := 0
	for i, dst := range []*int{&st.Articles, &st.Officials, &st.Meetings} {
		if refs[0] == nil || refs[i+1] == nil {
			continue
		}
		seen := make(map[any]struct{})
		err := r.each(ctx, quad.Object, refs[i+1], refs[0], r.ops, func(q cgraph.Ref) {
			if sub := r.dir(q, quad.Subject); sub != nil {
				seen[sub.Key()] = struct{}{}
			}
			if n++; n%releaseEvery == 0 && s.overRSS() {
				s.release()
			}
		})
		if err != nil {
			return Stats{}, err
		}
		*dst = len(seen)
	}
	return st, nil
}

// releaseEvery is how many quads a long read of a bolt store goes through
// between checks of its mapped pages against its budget (release).
const releaseEvery = 4096

// Stats counts what a store holds.
type Stats struct {
	Quads     int `json:"quads"`
	Articles  int `json:"articles"`
	Officials int `json:"officials"`
	Meetings  int `json:"meetings"`
}
