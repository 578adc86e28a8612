//go:build !linux

package graph

// releaseMapped does nothing outside Linux.
func releaseMapped(path string) {}

// resident is unknown outside Linux: 0, 0.
func resident() (total, file int64) { return 0, 0 }
