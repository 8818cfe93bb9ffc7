package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

// errTooMuch is returned when an engine writes more than the limit: a
// hostile file must not exhaust memory.
var errTooMuch = errors.New("output exceeds the limit")

// capped keeps at most limit bytes and fails the write beyond them, which
// makes exec stop copying; cancel then kills the process. With maxText
// set it also counts the text of pdftotext's -bbox output as it comes
// (the bytes outside its tags that are not white space) and stops the
// same way past maxText, so that a PDF of more text than a file may hold
// is stopped while it is converted rather than after.
type capped struct {
	buf    bytes.Buffer
	limit  int
	over   bool
	cancel context.CancelFunc

	maxText  int64
	text     int64
	inTag    bool
	textOver bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > c.limit {
		c.over = true
		c.cancel()
		return 0, errTooMuch
	}
	if c.maxText > 0 {
		for _, b := range p {
			switch {
			case b == '<':
				c.inTag = true
			case b == '>':
				c.inTag = false
			case !c.inTag && b > ' ':
				c.text++
			}
		}
		if c.text > c.maxText {
			c.textOver = true
			c.cancel()
			return 0, errTooMuch
		}
	}
	return c.buf.Write(p)
}

// run runs an engine with a timeout, returns its standard output (at most
// limit bytes) and, on failure, an error holding the tail of its standard
// error. The process is killed when ctx ends, the timeout passes or the
// output grows beyond limit.
func run(ctx context.Context, timeout time.Duration, limit int, env []string, name string, args ...string) ([]byte, error) {
	return runText(ctx, timeout, limit, 0, env, name, args...)
}

// runText is run for pdftotext -bbox: past maxText bytes of text (0: no
// bound) the process is killed and the error is a *model.LimitError,
// without the file's path, for the caller to fill in.
func runText(ctx context.Context, timeout time.Duration, limit int, maxText int64, env []string, name string, args ...string) ([]byte, error) {
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if env != nil {
		cmd.Env = append(cmd.Environ(), env...)
	}
	out := &capped{limit: limit, cancel: cancel, maxText: maxText}
	var stderr capped
	stderr.limit, stderr.cancel = 64<<10, func() {}
	cmd.Stdout, cmd.Stderr = out, &stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	switch {
	case out.textOver:
		return nil, &model.LimitError{What: "bytes of text", Limit: maxText, Flag: "max-text-bytes"}
	case out.over:
		return nil, fmt.Errorf("%s: %w (%d bytes)", engineName(name), errTooMuch, limit)
	case parent.Err() != nil:
		return nil, parent.Err()
	case ctx.Err() != nil:
		return nil, fmt.Errorf("%s: no result after %v", engineName(name), timeout)
	case err != nil:
		msg := strings.TrimSpace(stderr.buf.String())
		// The last line says why; the lines before are warnings.
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		if msg == "" {
			return nil, fmt.Errorf("%s: %v", engineName(name), err)
		}
		return nil, fmt.Errorf("%s: %v: %s", engineName(name), err, msg)
	}
	return out.buf.Bytes(), nil
}

// engineName is the base name of an engine's path, for messages.
func engineName(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[i+1:]
	}
	return path
}
