package graph

import (
	"errors"
	"os"
	"syscall"
)

// A writer's intent is a write lock, through an open file description
// (Linux OFD locks: F_OFD_SETLK), on one byte far past the end of the bolt
// file. It is independent of bolt's own flock, lives as long as the
// writer's descriptor (a killed writer drops it), and readers test it
// without taking anything (F_OFD_GETLK).
const (
	fOFDGetlk    = 36
	fOFDSetlk    = 37
	intentOffset = 1 << 62
)

func intentRange(typ int16) *syscall.Flock_t {
	return &syscall.Flock_t{Type: typ, Whence: 0, Start: intentOffset, Len: 1}
}

// takeIntent tries to take the writer's intent on f (opened for writing);
// false when another writer holds it.
func takeIntent(f *os.File) (bool, error) {
	err := syscall.FcntlFlock(f.Fd(), fOFDSetlk, intentRange(syscall.F_WRLCK))
	if errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EACCES) {
		return false, nil
	}
	if errors.Is(err, syscall.EINVAL) {
		return true, nil // no OFD locks here (kernel before 3.15): no writer preference
	}
	return err == nil, err
}

// writerWaiting reports whether a writer holds its intent on the file f.
func writerWaiting(f *os.File) bool {
	lk := intentRange(syscall.F_RDLCK)
	if err := syscall.FcntlFlock(f.Fd(), fOFDGetlk, lk); err != nil {
		return false
	}
	return lk.Type != syscall.F_UNLCK
}
