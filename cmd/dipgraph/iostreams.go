package main

import (
	"encoding/json"
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// IO is where a command reads and writes, and whether each output is a
// terminal (progress lines, refusals to write binary data and tables cut
// to the width depend on it). main gives the process's streams; tests
// give buffers and say which of them to treat as terminals, and how wide.
type IO struct {
	In          io.Reader
	Out, Err    io.Writer
	OutTerminal bool // Out is a terminal
	ErrTerminal bool // Err is a terminal
	// OutWidth is the number of columns of Out when it is a terminal
	// (0: unknown; see width).
	OutWidth int
}

// defaultWidth is the width of a terminal that does not say its own.
const defaultWidth = 100

// width is the number of columns a line on Out may take: 0 (no limit)
// when Out is not a terminal, else OutWidth or, unknown, defaultWidth.
func (ios *IO) width() int {
	switch {
	case !ios.OutTerminal:
		return 0
	case ios.OutWidth > 0:
		return ios.OutWidth
	}
	return defaultWidth
}

// systemIO is the process's standard streams.
func systemIO() *IO {
	ios := &IO{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTerminal: isTerminal(os.Stdout), ErrTerminal: isTerminal(os.Stderr),
	}
	if ios.OutTerminal {
		ios.OutWidth = terminalWidth(os.Stdout)
	}
	return ios
}

// terminalWidth is the number of columns of the terminal f: as the
// terminal says, else $COLUMNS, else 0 (unknown).
func terminalWidth(f *os.File) int {
	if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
		return w
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return 0
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
