package graph

import "syscall"

// workerProcAttr: on Linux the worker also dies with the thread that
// started it, should the parent be killed first.
func workerProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
