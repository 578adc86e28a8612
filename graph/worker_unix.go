//go:build unix

package graph

import "syscall"

// workerSysProcAttr puts a worker in its own process group, so that the
// kill at its deadline takes whatever it started too.
func workerSysProcAttr() *syscall.SysProcAttr {
	return workerProcAttr()
}

// killGroup kills a worker's process group.
func killGroup(pid int) {
	syscall.Kill(-pid, syscall.SIGKILL)
	syscall.Kill(pid, syscall.SIGKILL)
}
