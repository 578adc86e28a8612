package graph

// Gizmo queries in a child process. The JavaScript engine under Gizmo
// (goja) checks its interrupt only between instructions and recurses on the
// Go stack: a cyclic array turned into a string, a megabyte of nested
// parentheses or a deep recursion overflows the goroutine stack, which Go
// cannot recover (fatal error: stack overflow); a native call such as a
// huge join or a backtracking regular expression ignores the time limit;
// nothing bounds the memory one script takes. So an untrusted query runs in
// a child process of the same binary (the worker), which opens the store
// read-only, limits its own address space and CPU time (setrlimit), and
// streams the results back as JSON lines; the parent kills its process
// group at the deadline, and names the cause when it dies.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// workerEnv marks a process started as a Gizmo worker.
const workerEnv = "DIPGRAPH_GIZMO_WORKER"

// DefaultQueryMemory is the address space a query's process may add to
// what it holds once the store is open.
const DefaultQueryMemory = 512 << 20

// IsolatedOptions bound a query run in a child process.
type IsolatedOptions struct {
	// Memory is the most address space the query may take, in bytes
	// (default DefaultQueryMemory).
	Memory int64
	// MaxBytes bounds the results' JSON, in bytes (default 16 MiB): a query
	// whose results are larger is cut, as by the limit.
	MaxBytes int64
	// LockTimeout is how long the worker waits for a writer to release a
	// bolt store (default 1s).
	LockTimeout time.Duration
	// Executable is the program to start (default: this one, os.Executable).
	// It must call RunWorkerIfAsked first thing in main.
	Executable string
}

func (o *IsolatedOptions) defaults() {
	if o.Memory <= 0 {
		o.Memory = DefaultQueryMemory
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 16 << 20
	}
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
}

// KilledError says why a query's process was stopped before it ended.
type KilledError struct {
	// Cause is "time", "cpu", "memory", "stack" or "crash".
	Cause string
	// Detail is what the process said, or how it ended.
	Detail string
	// MaxRSS is the most memory the process held, in bytes.
	MaxRSS int64
}

func (e *KilledError) Error() string {
	var msg string
	switch e.Cause {
	case "memory":
		msg = "query stopped: it ran out of its memory bound (the script builds something too large)"
	case "stack":
		msg = "query stopped: stack overflow (a recursion without end, a cyclic array or object turned into a string or emitted, or nesting too deep)"
	case "cpu":
		msg = "query stopped: it used up its CPU time"
	case "time":
		msg = "query stopped at its time limit"
	default:
		msg = "query stopped: its process failed"
	}
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

// Is makes a time kill match ErrTimeout.
func (e *KilledError) Is(target error) bool {
	return target == ErrTimeout && e.Cause == "time"
}

// workerRequest is what the parent sends the worker on its standard input.
type workerRequest struct {
	Kind        string        `json:"kind,omitempty"` // "" (a Gizmo query) or "check"
	DSN         string        `json:"dsn"`
	Query       string        `json:"query"`
	Limit       int           `json:"limit"`
	Timeout     time.Duration `json:"timeout"` // 0: none
	Memory      int64         `json:"memory"`
	LockTimeout time.Duration `json:"lock_timeout"`
}

// workerLine is one line of the worker's output: a result, or the end.
type workerLine struct {
	R         json.RawMessage `json:"r,omitempty"`
	End       bool            `json:"end,omitempty"`
	Truncated bool            `json:"truncated,omitempty"`
	Error     string          `json:"error,omitempty"`
	InUse     bool            `json:"in_use,omitempty"`
	TimedOut  bool            `json:"timed_out,omitempty"`
	Compile   bool            `json:"compile,omitempty"` // the query did not compile
}

// GizmoIsolated runs a Gizmo query on the store at dsn (a bolt file or a
// postgres:// URL) in a child process, as Store.Gizmo would. The context's
// deadline (if any) kills it; so does running out of opt.Memory or of CPU
// time (the time limit plus a second). A query the process could not
// finish returns a *KilledError (errors.Is(err, ErrTimeout) for the time
// limit, with the results so far); the caller is never at risk.
func GizmoIsolated(ctx context.Context, dsn, q string, limit int, opt IsolatedOptions) (*QueryResult, error) {
	opt.defaults()
	exe := opt.Executable
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("query: cannot start its process: %w", err)
		}
	}
	req := workerRequest{DSN: dsn, Query: q, Limit: limit, Memory: opt.Memory, LockTimeout: opt.LockTimeout}
	if dl, ok := ctx.Deadline(); ok {
		req.Timeout = max(time.Until(dl), time.Millisecond)
	}
	in, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	// The argument makes a test binary that is no worker run no test
	// (a worker reads its request before any argument).
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), workerEnv+"=1", "GOTRACEBACK=none", "GOMAXPROCS=1")
	cmd.Stdin = bytes.NewReader(in)
	stderr := &headBuffer{max: 8 << 10}
	cmd.Stderr = stderr
	cmd.SysProcAttr = workerSysProcAttr()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("query: cannot start its process: %w", err)
	}
	var killOnce sync.Once
	var killed atomic.Bool
	kill := func() {
		killOnce.Do(func() {
			killed.Store(true)
			killGroup(cmd.Process.Pid)
		})
	}
	// The deadline kills the process a little after the worker's own
	// timer would have stopped a well-behaved script (which then answers
	// its partial results itself).
	stop := make(chan struct{})
	timedOut := make(chan struct{})
	go func() {
		select {
		case <-stop:
			return
		case <-ctx.Done():
		}
		select {
		case <-stop:
		case <-time.After(300 * time.Millisecond):
			close(timedOut)
			kill()
		}
	}()

	res := &QueryResult{Results: []any{}, Limit: limit}
	end, readErr := readWorker(stdout, res, opt.MaxBytes)
	if readErr != nil {
		kill()
	} else if end != nil {
		// The answer is in; a script cut at its limit may still be
		// running: nothing more is wanted from the process.
		kill()
	}
	io.Copy(io.Discard, stdout)
	waitErr := cmd.Wait()
	close(stop)
	if ps := cmd.ProcessState; ps != nil {
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			res.MaxRSS = int64(ru.Maxrss) << 10
		}
	}
	if readErr == errResultsTooLarge {
		res.Truncated, res.CutBytes = true, opt.MaxBytes
		return res, nil
	}
	if end != nil && readErr == nil {
		switch {
		case end.Compile:
			return nil, errors.New(end.Error)
		case end.InUse:
			return nil, fmt.Errorf("%s: %w", strings.TrimSuffix(end.Error, ": "+ErrInUse.Error()), ErrInUse)
		case end.TimedOut:
			res.Truncated = res.Truncated || end.Truncated
			return res, ErrTimeout
		case end.Error != "":
			return res, errors.New(end.Error)
		}
		res.Truncated = res.Truncated || end.Truncated
		return res, nil
	}
	if readErr != nil && !killed.Load() {
		return nil, fmt.Errorf("query: reading its results: %w", readErr)
	}
	kerr := &KilledError{Cause: "crash", MaxRSS: res.MaxRSS}
	select {
	case <-timedOut:
		kerr.Cause = "time"
		return res, kerr
	default:
	}
	kerr.Cause, kerr.Detail = deathCause(stderr.String(), waitErr)
	if kerr.Cause == "time" {
		return res, kerr
	}
	return nil, kerr
}

// deathCause reads why a worker died from what it wrote and its exit.
func deathCause(stderr string, waitErr error) (cause, detail string) {
	var ws syscall.WaitStatus
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		ws, _ = ee.Sys().(syscall.WaitStatus)
	}
	line := firstLine(stderr, "fatal error: ", "runtime: ", "panic: ")
	switch {
	case strings.Contains(stderr, "stack overflow"), strings.Contains(stderr, "stack exceeds"):
		return "stack", line
	case strings.Contains(stderr, "out of memory"), strings.Contains(stderr, "cannot allocate memory"),
		strings.Contains(stderr, "memory limit"):
		return "memory", line
	case strings.Contains(stderr, "CPU time limit"):
		return "cpu", "the CPU time limit"
	case ws.Signaled() && (ws.Signal() == syscall.SIGXCPU || ws.Signal() == syscall.SIGKILL):
		// RLIMIT_CPU ends in SIGKILL; so does the kernel's OOM killer.
		return "cpu", "killed by " + ws.Signal().String()
	case ws.Signaled():
		return "crash", "killed by " + ws.Signal().String()
	case line != "":
		return "crash", line
	case waitErr != nil:
		return "crash", waitErr.Error()
	}
	return "crash", "it ended without an answer"
}

// firstLine returns the first line of s that starts with one of prefixes.
func firstLine(s string, prefixes ...string) string {
	for _, l := range strings.Split(s, "\n") {
		for _, p := range prefixes {
			if strings.HasPrefix(l, p) {
				return strings.TrimSpace(l)
			}
		}
	}
	return ""
}

var errResultsTooLarge = errors.New("results too large")

// readWorker reads the worker's lines into res until its end line, which
// it returns. Results past maxBytes of JSON stop it (errResultsTooLarge).
func readWorker(r io.Reader, res *QueryResult, maxBytes int64) (*workerLine, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var total int64
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if total+int64(len(line)) > maxBytes {
			return nil, errResultsTooLarge
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF {
				return nil, nil
			}
			return nil, err
		}
		var wl workerLine
		if err := json.Unmarshal(line, &wl); err != nil {
			return nil, fmt.Errorf("bad line from the query's process: %w", err)
		}
		total += int64(len(line))
		line = line[:0]
		if wl.End {
			return &wl, nil
		}
		dec := json.NewDecoder(bytes.NewReader(wl.R))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("bad result from the query's process: %w", err)
		}
		res.Results = append(res.Results, v)
	}
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (b *headBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *headBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// RunWorkerIfAsked makes this process a Gizmo worker when it was started
// as one (GizmoIsolated): it then answers the query and exits. Call it
// first thing in main (and in TestMain of tests that run isolated
// queries); otherwise it returns at once.
func RunWorkerIfAsked() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	os.Exit(runWorker(os.Stdin, os.Stdout))
}

// workerMaxStack is the most stack a worker's goroutine may take: a deep
// recursion ends in "stack overflow" well before the memory bound.
const workerMaxStack = 64 << 20

func runWorker(stdin io.Reader, stdout io.Writer) int {
	out := bufio.NewWriterSize(stdout, 64<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	end := func(l workerLine) int {
		l.End = true
		enc.Encode(l)
		out.Flush()
		return 0
	}
	var req workerRequest
	if err := json.NewDecoder(io.LimitReader(stdin, 8<<20)).Decode(&req); err != nil {
		return end(workerLine{Error: "query worker: bad request: " + err.Error()})
	}
	debug.SetMaxStack(workerMaxStack)
	if req.Kind == "check" {
		return runCheck(req, func(l workerLine, rep *CheckReport) int {
			writeCheckEnd(out, l, rep)
			out.Flush()
			return 0
		})
	}
	// RLIMIT_CPU warns with SIGXCPU, which Go ignores by default.
	xcpu := make(chan os.Signal, 1)
	signal.Notify(xcpu, syscall.SIGXCPU)
	go func() {
		<-xcpu
		fmt.Fprintln(os.Stderr, "query worker: CPU time limit reached")
		os.Exit(3)
	}()
	// The Go heap gets three quarters of the bound as its soft limit: the
	// collector works hard before the address space runs out (the rest is
	// the runtime's own reservations and the copy of a growing stack).
	debug.SetMemoryLimit(max(req.Memory/4*3, 32<<20))
	ctx := context.Background()
	if req.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, req.Timeout)
		defer cancel()
	}
	var st *Store
	var err error
	if IsPostgres(req.DSN) {
		st, err = Open(req.DSN, Options{})
	} else {
		st, err = OpenReadOnly(req.DSN, Options{LockTimeout: req.LockTimeout})
	}
	if err != nil {
		return end(workerLine{Error: err.Error(), InUse: errors.Is(err, ErrInUse)})
	}
	// The store is open (its file mapped): from here on the process may
	// add req.Memory of address space, and use the time limit of CPU.
	if err := limitSelf(req.Memory, req.Timeout); err != nil {
		return end(workerLine{Error: "query worker: " + err.Error()})
	}
	var ran, truncated bool
	err = func() (err error) {
		defer st.guard(&err)()
		ran, truncated, err = st.gizmoEach(ctx, req.Query, req.Limit, func(v any) error {
			b, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("a result cannot be written as JSON: %w", err)
			}
			return enc.Encode(workerLine{R: b})
		})
		return err
	}()
	l := workerLine{Truncated: truncated, Compile: !ran && !errors.Is(err, ErrDamaged)}
	if errors.Is(err, ErrTimeout) {
		l.TimedOut = true
	} else if err != nil {
		l.Error = err.Error()
	}
	end(l)
	// A script stopped at its limit may still hold a read of the store;
	// the process exits without waiting for it (nothing is written).
	return 0
}

// limitSelf bounds the process's address space at what it has now plus
// memory, and its CPU time at timeout plus a second (none for 0).
func limitSelf(memory int64, timeout time.Duration) error {
	vm, err := addressSpace()
	if err != nil {
		return err
	}
	as := uint64(vm + memory)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as}); err != nil {
		return fmt.Errorf("address space limit: %w", err)
	}
	if timeout > 0 {
		secs := uint64(math.Ceil(timeout.Seconds())) + 1
		if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: secs, Max: secs + 1}); err != nil {
			return fmt.Errorf("CPU limit: %w", err)
		}
	}
	runtime.GC()
	return nil
}

// addressSpace is the process's virtual memory size (VmSize), in bytes.
func addressSpace() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("read its size: %w", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmSize:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("read its size: %q: %w", l, err)
			}
			return kb << 10, nil
		}
	}
	return 0, errors.New("read its size: no VmSize in /proc/self/status")
}
