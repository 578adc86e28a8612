//go:build !linux

package graph

import "os"

// Without OFD locks there is no writer preference: writers wait for the
// readers' flock as before.
func takeIntent(f *os.File) (bool, error) { return true, nil }

func writerWaiting(f *os.File) bool { return false }
