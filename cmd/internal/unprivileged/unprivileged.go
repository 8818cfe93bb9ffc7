// Package unprivileged lets a command's tests run the command as a user
// whom file permissions bind. Tests in CI run as root, whom a read-only
// folder does not stop; a test of what happens there runs the test binary
// again as the user nobody (through setpriv), and TestMain hands the
// command line to the command.
package unprivileged

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// argsEnv carries the command line to the test binary run again.
const argsEnv = "GOVREPORTS_UNPRIVILEGED_ARGS"

// Args returns the command line a test binary was run again with, if it
// was: TestMain then runs the command with it and exits with its status.
func Args() ([]string, bool) {
	s, ok := os.LookupEnv(argsEnv)
	if !ok {
		return nil, false
	}
	var args []string
	if err := json.Unmarshal([]byte(s), &args); err != nil {
		panic(err)
	}
	return args, true
}

// Dir makes a folder that the unprivileged user may enter, read and
// write (t.TempDir's are the owner's alone); it is removed after the test.
func Dir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "govreports-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Run runs the test binary again with args for the command, as nobody
// when the test runs as root (skipping the test without setpriv), else as
// the same user, and returns the exit status and output.
func Run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// The test binary lies in a folder of the owner's: nobody runs a copy.
	bin := filepath.Join(Dir(t), filepath.Base(self))
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root without setpriv: cannot run as an unprivileged user")
		}
		cmd = exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin)
	} else {
		cmd = exec.Command(bin)
	}
	enc, _ := json.Marshal(args)
	cmd.Env = append(os.Environ(), argsEnv+"="+string(enc))
	cmd.Dir = filepath.Dir(bin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String(), errb.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, out.String(), errb.String()
}

// Self returns a command that runs the test binary again with args for the
// command, as the same user, for tests that signal or kill a real process.
func Self(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := json.Marshal(args)
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), argsEnv+"="+string(enc))
	return cmd
}
