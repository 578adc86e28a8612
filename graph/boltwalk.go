package graph

// A check of a bolt file that reads it with pread, not through a memory
// map, and checks every bound before it uses a number from the file: a
// damaged page gives a problem, never a fault, a panic or a loop. It walks
// the B+tree of every bucket from the newest valid meta page, as bolt
// would read it: each page in the file, of a tree type, referenced once,
// its overflow inside the file, its elements inside the page; the freelist
// inside the file. It is what a writer runs before it opens a store
// (Open), and the first part of Check.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltMetaPage     = 0x04
	boltFreelistPage = 0x10
	boltBucketLeaf   = 0x01
	boltPageHeader   = 16
	boltElementSize  = 16
	boltMaxDepth     = 64
)

type boltMeta struct {
	pageSize         int64
	root, freelist   uint64
	highWater, txid  uint64
	validationFailed error
}

// boltWalk is one walk over a file.
type boltWalk struct {
	f         *os.File
	size      int64
	meta      boltMeta
	reached   map[uint64]bool
	problems  []string
	pages     int
	buckets   int
	keys      int
	maxReport int
}

func (w *boltWalk) problem(format string, args ...any) bool {
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
	return len(w.problems) < w.maxReport
}

func (w *boltWalk) full() bool { return len(w.problems) >= w.maxReport }

// walkBoltFile checks the bolt file at path; it returns what is wrong
// (nothing for a sound file) and counts.
func walkBoltFile(path string, maxProblems int) (*CheckReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	w := &boltWalk{f: f, size: fi.Size(), reached: map[uint64]bool{}, maxReport: maxProblems}
	rep := &CheckReport{Path: path, Size: w.size}
	if err := w.readMeta(); err != nil {
		rep.Problems = []string{err.Error()}
		return rep, nil
	}
	w.reached[0], w.reached[1] = true, true
	w.checkFreelist()
	if !w.full() {
		w.buckets++
		w.tree(w.meta.root, 0, "the root bucket")
	}
	rep.Pages, rep.Buckets, rep.Keys, rep.Problems = w.pages, w.buckets, w.keys, w.problems
	return rep, nil
}

func (w *boltWalk) readMeta() error {
	var metas [2]boltMeta
	var errs [2]error
	pageSize := int64(0)
	for i := range metas {
		off := int64(0)
		if i == 1 {
			if pageSize == 0 {
				pageSize = int64(os.Getpagesize())
			}
			off = pageSize
		}
		buf := make([]byte, 80)
		if _, err := w.f.ReadAt(buf, off); err != nil {
			errs[i] = fmt.Errorf("meta page %d: cannot read it: %v", i, err)
			continue
		}
		m := &metas[i]
		switch {
		case binary.LittleEndian.Uint16(buf[8:10])&boltMetaPage == 0:
			errs[i] = fmt.Errorf("meta page %d: not a meta page", i)
		case binary.LittleEndian.Uint32(buf[16:20]) != boltMagic:
			errs[i] = fmt.Errorf("meta page %d: no bolt magic number", i)
		case binary.LittleEndian.Uint32(buf[20:24]) != boltVersion:
			errs[i] = fmt.Errorf("meta page %d: bolt version %d", i, binary.LittleEndian.Uint32(buf[20:24]))
		}
		if errs[i] != nil {
			continue
		}
		m.pageSize = int64(binary.LittleEndian.Uint32(buf[24:28]))
		m.root = binary.LittleEndian.Uint64(buf[32:40])
		m.freelist = binary.LittleEndian.Uint64(buf[48:56])
		m.highWater = binary.LittleEndian.Uint64(buf[56:64])
		m.txid = binary.LittleEndian.Uint64(buf[64:72])
		h := fnv.New64a()
		h.Write(buf[16:72])
		if sum := binary.LittleEndian.Uint64(buf[72:80]); sum != 0 && sum != h.Sum64() {
			errs[i] = fmt.Errorf("meta page %d: checksum mismatch", i)
			continue
		}
		if m.pageSize < 512 || m.pageSize > 1<<16 || m.pageSize&(m.pageSize-1) != 0 {
			errs[i] = fmt.Errorf("meta page %d: page size %d", i, m.pageSize)
			continue
		}
		if i == 0 {
			pageSize = m.pageSize
		}
	}
	pick := -1
	for i := range metas {
		if errs[i] == nil && (pick < 0 || metas[i].txid > metas[pick].txid) {
			pick = i
		}
	}
	if pick < 0 {
		return fmt.Errorf("no valid meta page (%v; %v)", errs[0], errs[1])
	}
	w.meta = metas[pick]
	if need := int64(w.meta.highWater) * w.meta.pageSize; w.meta.highWater < 2 || need > w.size || need/w.meta.pageSize != int64(w.meta.highWater) {
		return fmt.Errorf("meta page %d: %d pages of %d bytes do not fit the file's %d bytes", pick, w.meta.highWater, w.meta.pageSize, w.size)
	}
	return nil
}

// page reads page id with its overflow after checking its header.
func (w *boltWalk) page(id uint64, what string, flags uint16) ([]byte, bool) {
	hw := w.meta.highWater
	if id < 2 || id >= hw {
		return nil, w.problem("page %d (%s): out of bounds (the file has %d pages)", id, what, hw)
	}
	hdr := make([]byte, boltPageHeader)
	if _, err := w.f.ReadAt(hdr, int64(id)*w.meta.pageSize); err != nil {
		return nil, w.problem("page %d (%s): cannot read it: %v", id, what, err)
	}
	pid := binary.LittleEndian.Uint64(hdr[0:8])
	pflags := binary.LittleEndian.Uint16(hdr[8:10])
	overflow := uint64(binary.LittleEndian.Uint32(hdr[12:16]))
	if pid != id {
		return nil, w.problem("page %d (%s): its header says page %d", id, what, pid)
	}
	if pflags&flags == 0 {
		return nil, w.problem("page %d (%s): wrong type (flags 0x%x)", id, what, pflags)
	}
	if id+overflow >= hw {
		return nil, w.problem("page %d (%s): %d overflow pages run past the file's %d pages", id, what, overflow, hw)
	}
	for i := uint64(0); i <= overflow; i++ {
		if w.reached[id+i] {
			return nil, w.problem("page %d (%s): referenced twice", id+i, what)
		}
		w.reached[id+i] = true
	}
	w.pages += int(overflow) + 1
	buf := make([]byte, int64(overflow+1)*w.meta.pageSize)
	if _, err := w.f.ReadAt(buf, int64(id)*w.meta.pageSize); err != nil && !errors.Is(err, io.EOF) {
		return nil, w.problem("page %d (%s): cannot read it: %v", id, what, err)
	}
	return buf, true
}

func (w *boltWalk) checkFreelist() {
	if w.meta.freelist == 0xFFFFFFFFFFFFFFFF {
		return // no freelist kept
	}
	buf, ok := w.page(w.meta.freelist, "freelist", boltFreelistPage)
	if !ok {
		return
	}
	count := uint64(binary.LittleEndian.Uint16(buf[10:12]))
	start := uint64(boltPageHeader)
	if count == 0xFFFF {
		count = binary.LittleEndian.Uint64(buf[boltPageHeader:])
		start += 8
	}
	if start+count*8 > uint64(len(buf)) || count > uint64(len(buf)) {
		w.problem("freelist page %d: %d ids do not fit its %d bytes", w.meta.freelist, count, len(buf))
		return
	}
	for i := uint64(0); i < count && !w.full(); i++ {
		id := binary.LittleEndian.Uint64(buf[start+i*8:])
		if id < 2 || id >= w.meta.highWater {
			w.problem("freelist page %d: free page %d out of bounds", w.meta.freelist, id)
		}
	}
}

// tree walks the B+tree of a bucket from page id.
func (w *boltWalk) tree(id uint64, depth int, what string) {
	if w.full() {
		return
	}
	if depth > boltMaxDepth {
		w.problem("page %d (%s): tree deeper than %d", id, what, boltMaxDepth)
		return
	}
	buf, ok := w.page(id, what, boltBranchPage|boltLeafPage)
	if !ok {
		return
	}
	w.node(buf, id, depth, what)
}

// node checks the elements of a branch or leaf page held in buf (a page
// read from the file, or an inline bucket's page).
func (w *boltWalk) node(buf []byte, id uint64, depth int, what string) {
	if len(buf) < boltPageHeader {
		w.problem("page %d (%s): %d bytes, shorter than a page header", id, what, len(buf))
		return
	}
	flags := binary.LittleEndian.Uint16(buf[8:10])
	count := int(binary.LittleEndian.Uint16(buf[10:12]))
	if boltPageHeader+count*boltElementSize > len(buf) {
		w.problem("page %d (%s): %d elements do not fit its %d bytes", id, what, count, len(buf))
		return
	}
	for i := 0; i < count && !w.full(); i++ {
		e := boltPageHeader + i*boltElementSize
		el := buf[e : e+boltElementSize]
		switch {
		case flags&boltBranchPage != 0:
			pos, ksize := uint64(binary.LittleEndian.Uint32(el[0:4])), uint64(binary.LittleEndian.Uint32(el[4:8]))
			if uint64(e)+pos+ksize > uint64(len(buf)) {
				w.problem("page %d (%s): element %d's key runs past the page", id, what, i)
				return
			}
			w.tree(binary.LittleEndian.Uint64(el[8:16]), depth+1, what)
		case flags&boltLeafPage != 0:
			lf := binary.LittleEndian.Uint32(el[0:4])
			pos := uint64(binary.LittleEndian.Uint32(el[4:8]))
			ksize := uint64(binary.LittleEndian.Uint32(el[8:12]))
			vsize := uint64(binary.LittleEndian.Uint32(el[12:16]))
			if uint64(e)+pos+ksize+vsize > uint64(len(buf)) {
				w.problem("page %d (%s): element %d's key and value run past the page", id, what, i)
				return
			}
			w.keys++
			if lf&boltBucketLeaf == 0 {
				continue
			}
			v := buf[uint64(e)+pos+ksize : uint64(e)+pos+ksize+vsize]
			if len(v) < 16 {
				w.problem("page %d (%s): element %d: a bucket header of %d bytes", id, what, i, len(v))
				return
			}
			w.buckets++
			root := binary.LittleEndian.Uint64(v[0:8])
			if root == 0 {
				w.node(v[16:], id, depth+1, "an inline bucket")
			} else {
				w.tree(root, depth+1, "a bucket")
			}
		default:
			w.problem("page %d (%s): neither branch nor leaf (flags 0x%x)", id, what, flags)
			return
		}
	}
}
