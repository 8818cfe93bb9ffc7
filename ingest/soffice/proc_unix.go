//go:build unix

package soffice

import (
	"fmt"
	"os/exec"
	"syscall"
)

// command runs bin with args in a process group of its own, so that a
// hung LibreOffice and every process it started can be killed together;
// with memLimit > 0 (bytes) its address space is bounded too. Go cannot set
// a child's rlimits itself: the shell sets the limit and execs soffice in
// its place, so the process group stays the same.
func command(bin string, args []string, memLimit int64) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	if memLimit > 0 {
		script := fmt.Sprintf(`ulimit -v %d && exec "$0" "$@"`, memLimit>>10)
		cmd = exec.Command("/bin/sh", append([]string{"-c", script, bin}, args...)...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// killAll kills cmd's process group.
func killAll(cmd *exec.Cmd) {
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}
