package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Usage is what runCmd measured of one command.
type Usage struct {
	Command  string  `json:"command"`
	WallS    float64 `json:"wall_s"`
	UserS    float64 `json:"user_s"`
	SysS     float64 `json:"sys_s"`
	MaxRSSKB int64   `json:"max_rss_kb"` // the kernel's peak resident set (as /usr/bin/time -v)
	// Peaks of the process tree's resident memory, sampled every 50 ms:
	// anonymous (heap, stacks) and file-backed (a mapped database file).
	AnonPeakKB int64 `json:"rss_anon_peak_kb"`
	FilePeakKB int64 `json:"rss_file_peak_kb"`
}

// runCmd runs a command, stdout to a file, and writes its Usage.
func runCmd(args []string) (any, error) {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	out := fs.String("o", "", "write the usage (JSON) here")
	stdout := fs.String("stdout", "", "the command's standard output goes here (default: discarded)")
	fs.Parse(args)
	argv := fs.Args()
	if len(argv) == 0 || *out == "" {
		return nil, fmt.Errorf("run: usage: dgbench run -o FILE [-stdout FILE] -- CMD ARGS")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = os.Stderr
	if *stdout != "" {
		f, err := os.Create(*stdout)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		cmd.Stdout = f
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan struct{})
	var anon, file int64
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			a, f := treeRSS(cmd.Process.Pid)
			anon, file = max(anon, a), max(file, f)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	u := Usage{Command: strings.Join(argv, " "), WallS: time.Since(start).Seconds(), AnonPeakKB: anon, FilePeakKB: file}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.MaxRSSKB = ru.Maxrss
		u.UserS = time.Duration(ru.Utime.Nano()).Seconds()
		u.SysS = time.Duration(ru.Stime.Nano()).Seconds()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u.Command, err)
	}
	b, _ := json.MarshalIndent(u, "", "  ")
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return nil, nil
}

// treeRSS sums RssAnon and RssFile (kB) over a process and its descendants.
func treeRSS(pid int) (anon, file int64) {
	a, f := procRSS(pid)
	for _, c := range children(pid) {
		ca, cf := treeRSS(c)
		a, f = a+ca, f+cf
	}
	return a, f
}

func procRSS(pid int) (anon, file int64) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, _ := strconv.ParseInt(fields[1], 10, 64)
		switch fields[0] {
		case "RssAnon:":
			anon = n
		case "RssFile:", "RssShmem:":
			file += n
		}
	}
	return anon, file
}

func children(pid int) []int {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	var out []int
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		for _, f := range strings.Fields(string(b)) {
			if n, err := strconv.Atoi(f); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}
