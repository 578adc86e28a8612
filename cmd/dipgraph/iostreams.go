package main

import (
	"encoding/json"
	"io"
	"os"
)

// IO is where a command reads and writes, and whether each output is a
// terminal (progress lines and refusals to write binary data depend on
// it). main gives the process's streams; tests give buffers and say which
// of them to treat as terminals.
type IO struct {
	In          io.Reader
	Out, Err    io.Writer
	OutTerminal bool // Out is a terminal
	ErrTerminal bool // Err is a terminal
}

// systemIO is the process's standard streams.
func systemIO() *IO {
	return &IO{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTerminal: isTerminal(os.Stdout), ErrTerminal: isTerminal(os.Stderr),
	}
}

// isTerminal reports whether f is a terminal (not a pipe or file).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// printJSON is the commands' one JSON printer: v indented by two spaces,
// a newline at the end.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
