//go:build !unix

package soffice

import "os/exec"

// command runs bin with args. Windows has neither process groups as Unix
// has them nor ulimit: a hung LibreOffice is killed by its process alone,
// and its memory is not bounded here.
func command(bin string, args []string, _ int64) *exec.Cmd {
	return exec.Command(bin, args...)
}

// killAll kills cmd's process.
func killAll(cmd *exec.Cmd) {
	cmd.Process.Kill()
}
