//go:build !linux

package graph

// releaseMapped does nothing outside Linux.
func releaseMapped(path string) {}

// residentFileBytes is 0 outside Linux: unknown.
func residentFileBytes() int64 { return 0 }
