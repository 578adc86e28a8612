//go:build linux

package graph

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped drops this process's page-table entries for the pages of
// the file at path that are mapped into memory (bolt maps its whole
// database read-only and shared). Those pages are the kernel's page cache:
// they stay cached and the next read maps them again without I/O, but
// while mapped they count in the process's resident set, which then grows
// with the store instead of with what the process holds. The store calls
// it after writes, during writes and counts once the process holds more
// mapped pages than its budget (watchMapped), never while a write may move
// the mapping (see mapSize). Errors are ignored: it changes no data.
func releaseMapped(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		// "start-end perms offset dev inode   pathname"
		fields := strings.Fields(line)
		if len(fields) < 6 || strings.Join(fields[5:], " ") != abs || strings.Contains(fields[1], "w") {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}

// resident returns this process's resident set and how much of it is
// pages of mapped files (the "resident" and "shared" fields of
// /proc/self/statm), in bytes; 0, 0 if unknown.
func resident() (total, file int64) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, 0
	}
	f := bytes.Fields(b)
	if len(f) < 3 {
		return 0, 0
	}
	t, err1 := strconv.ParseInt(string(f[1]), 10, 64)
	s, err2 := strconv.ParseInt(string(f[2]), 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0
	}
	page := int64(os.Getpagesize())
	return t * page, s * page
}
