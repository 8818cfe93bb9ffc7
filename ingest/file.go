package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// NotRegularError reports a path that is not a regular file: a named pipe,
// a device or a socket. It is refused without being opened for reading,
// since reading a pipe waits for a writer that may never come, and
// opening a device can have effects of its own.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: skipped: %s, not a regular file; not read", e.Path, describeMode(e.Mode))
}

// Format names the kind of file, for the documents table.
func (e *NotRegularError) Format() string { return "special" }

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a folder"
	}
	return "a special file"
}

// openRegular opens path for reading if it is a regular file. O_NONBLOCK
// keeps the open from waiting should a pipe have taken the file's place
// since it was looked at; the descriptor is then checked before any read.
func openRegular(path string) (*os.File, error) {
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	fi, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		fh.Close()
		return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	return fh, nil
}

// readFile reads a whole file, at most max bytes, and hashes it. A file
// whose size or modification time differs after the read from before it
// is being written: what was read may mix two versions, so it is read
// again once, and failed if it changes again.
func (p *Processor) readFile(f File, max int64) ([]byte, string, error) {
	for attempt := 1; ; attempt++ {
		before, err := os.Stat(f.Path)
		if err != nil {
			return nil, "", err
		}
		if !before.Mode().IsRegular() {
			return nil, "", &NotRegularError{Path: f.Path, Mode: before.Mode()}
		}
		data, err := readLimited(f.Path, max)
		if err != nil {
			return nil, "", err
		}
		if p.afterRead != nil {
			p.afterRead(f.Path)
		}
		after, err := os.Stat(f.Path)
		if err != nil {
			return nil, "", fmt.Errorf("%s: gone while it was read: %w", f.Path, err)
		}
		if sameFile(before, after) && int64(len(data)) == after.Size() {
			h := sha256.Sum256(data)
			return data, hex.EncodeToString(h[:]), nil
		}
		if attempt == 2 {
			return nil, "", fmt.Errorf("%s: changed while it was read, twice (size %d → %d, modified %s → %s): not stored; ingest it again once it is written",
				f.Path, before.Size(), after.Size(), before.ModTime().Format("15:04:05.000"), after.ModTime().Format("15:04:05.000"))
		}
	}
}

// sameFile tells whether two looks at a path saw the same version of it.
func sameFile(a, b fs.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}
