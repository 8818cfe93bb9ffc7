// Package soffice converts office files with LibreOffice headless
// (soffice --convert-to), for the readers of the formats Go does not read
// itself: legacy Word and WPS, RTF and ODT into .docx, legacy Excel and WPS
// spreadsheets into .xlsx.
//
// Starting LibreOffice costs seconds, converting a report a fraction of
// one, so a Converter does not start one soffice per file: it collects
// the files its callers hand it for a moment and converts them in one
// soffice call, one call at a time, with a profile directory of its own
// (so that parallel runs, and a LibreOffice the user has open, do not
// collide).
package soffice

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

// Options say how a Converter runs LibreOffice. The zero value is ready to
// use.
type Options struct {
	// Path is the soffice program; empty means "soffice" on PATH.
	Path string
	// Batch is the most files one soffice call converts; 0 means 16.
	Batch int
	// Gather is how long a batch waits for more files after its first;
	// 0 means 200ms.
	Gather time.Duration
	// Timeout is the most time LibreOffice may spend on one file (its
	// start included, for the first of a batch) before the call is
	// killed and that file fails; 0 means 60s.
	Timeout time.Duration
	// MemoryLimit bounds the address space of LibreOffice (ulimit -v), so
	// that a hostile file cannot exhaust the machine's memory: a file
	// that needs more fails alone. 0 means 2 GiB (converting a report
	// takes far less), less than 0 no limit.
	MemoryLimit int64
}

// Targets a file can be converted to.
const (
	DOCX = "docx" // by LibreOffice Writer
	XLSX = "xlsx" // by LibreOffice Calc
)

// packages names the Debian package that converts to each target.
var packages = map[string]string{
	DOCX: "libreoffice-writer-nogui",
	XLSX: "libreoffice-calc-nogui",
}

// modules names the library of each LibreOffice module in its program
// folder, to tell which are installed (Debian packages them apart).
var modules = map[string]string{
	DOCX: "libswlo.so",
	XLSX: "libsclo.so",
}

// filters names LibreOffice's import filter for each input extension.
// Named, LibreOffice loads a file with that filter or not at all; left to
// itself it falls back to importing a damaged file as plain text, and the
// garbage would be read as a report.
var filters = map[string]string{
	"doc": "MS Word 97",
	"rtf": "Rich Text Format",
	"odt": "writer8",
	"xls": "MS Excel 97",
}

// ErrClosed is returned for files handed to a closed Converter.
var ErrClosed = errors.New("soffice: converter closed")

// MissingError reports a file that is skipped because LibreOffice, or the
// part of it that reads the file's format, is not installed. It matches
// model.ErrUnsupported with errors.Is: the file is skipped, not failed.
type MissingError struct {
	Path    string
	Ext     string // the file's format: "doc", "xls" …
	Package string // the Debian package to install
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s: skipped: reading .%s needs LibreOffice: apt-get install %s", e.Path, e.Ext, e.Package)
}

func (e *MissingError) Is(target error) bool {
	return target == model.ErrUnsupported || target == model.ErrMissingEngine
}

// Format names the file's format, for the documents table.
func (e *MissingError) Format() string { return e.Ext }

// A Converter converts files with LibreOffice in batches. It is safe for
// concurrent use; Close stops it and removes its temporary files.
type Converter struct {
	opts Options

	probeOnce sync.Once
	bin       string          // the soffice found, "" when none
	version   string          // "LibreOffice 7.4.7.2", "" when none
	has       map[string]bool // targets whose module is installed

	startOnce sync.Once
	reqs      chan *request
	quit      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

// request is one file handed to the converter.
type request struct {
	ctx   context.Context
	path  string // names the file in errors
	data  []byte
	ext   string // the extension LibreOffice sees
	to    string
	reply chan reply // buffered: the converter never waits for a caller
}

type reply struct {
	data []byte
	err  error
}

// New makes a converter; LibreOffice is looked for on first use.
func New(opts Options) *Converter {
	if opts.Batch < 1 {
		opts.Batch = 16
	}
	if opts.Gather <= 0 {
		opts.Gather = 200 * time.Millisecond
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.MemoryLimit == 0 {
		opts.MemoryLimit = 2 << 30
	}
	return &Converter{
		opts: opts,
		reqs: make(chan *request),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
}

// Version names the LibreOffice that converts ("LibreOffice 7.4.7.2"), or
// "no LibreOffice"; readers put it in their version, so that files skipped
// for want of it are read once it is installed.
func (c *Converter) Version() string {
	c.probe()
	if c.bin == "" {
		return "no LibreOffice"
	}
	v := c.version
	for _, to := range []string{DOCX, XLSX} {
		if !c.has[to] {
			v += " without " + packages[to]
		}
	}
	return v
}

// Available reports whether files can be converted to target; if not, the
// error says what to install.
func (c *Converter) Available(path, ext, to string) error {
	c.probe()
	if c.bin == "" || !c.has[to] {
		return &MissingError{Path: path, Ext: ext, Package: packages[to]}
	}
	return nil
}

// probe finds soffice, its version and its modules, once.
func (c *Converter) probe() {
	c.probeOnce.Do(func() {
		bin := c.opts.Path
		if bin == "" {
			bin = "soffice"
		}
		bin, err := exec.LookPath(bin)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, bin, "--version").Output()
		if err != nil {
			return
		}
		f := strings.Fields(string(out))
		if len(f) < 2 {
			return
		}
		c.bin, c.version = bin, f[0]+" "+f[1]
		c.has = map[string]bool{}
		// Debian installs Writer and Calc apart: look for their libraries
		// beside the real soffice. A layout without either library is not
		// one we know: assume both.
		dir := ""
		if real, err := filepath.EvalSymlinks(bin); err == nil {
			dir = filepath.Dir(real)
		}
		known := false
		for to, lib := range modules {
			_, err := os.Stat(filepath.Join(dir, lib))
			c.has[to] = err == nil
			known = known || err == nil
		}
		if !known {
			c.has[DOCX], c.has[XLSX] = true, true
		}
	})
}

// Convert converts the content of the file at path, whose format
// is the extension ext ("doc", "rtf", "odt", "xls"), to
// target (DOCX or XLSX), and returns the converted file. It waits for the
// batch the file joins; ctx ends the wait. A file LibreOffice cannot
// convert, or spends longer than Options.Timeout on, fails alone.
func (c *Converter) Convert(ctx context.Context, path string, data []byte, ext, to string) ([]byte, error) {
	if _, ok := packages[to]; !ok {
		return nil, fmt.Errorf("%s: soffice: cannot convert to %q", path, to)
	}
	if err := c.Available(path, ext, to); err != nil {
		return nil, err
	}
	c.startOnce.Do(func() { go c.loop() })
	r := &request{ctx: ctx, path: path, data: data, ext: ext, to: to, reply: make(chan reply, 1)}
	select {
	case c.reqs <- r:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, fmt.Errorf("%s: %w", path, ErrClosed)
	}
	select {
	case rep := <-r.reply:
		return rep.data, rep.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Close stops the converter: a conversion under way is killed, files
// waiting fail with ErrClosed, and the temporary folder is removed.
func (c *Converter) Close() error {
	c.closeOnce.Do(func() {
		close(c.quit)
		c.startOnce.Do(func() { close(c.done) }) // never started
		<-c.done
	})
	return nil
}

// loop gathers requests into batches and converts them, one batch at a
// time, until Close.
func (c *Converter) loop() {
	defer close(c.done)
	var pending []*request // handed over but not yet converted
	defer func() {
		for _, r := range pending {
			r.reply <- reply{err: fmt.Errorf("%s: %w", r.path, ErrClosed)}
		}
	}()
	root, err := os.MkdirTemp("", "govreports-soffice-")
	if err != nil {
		err = fmt.Errorf("soffice: temporary folder: %w", err)
	}
	defer os.RemoveAll(root)
	for n := 0; ; n++ {
		if len(pending) == 0 {
			select {
			case r := <-c.reqs:
				pending = append(pending, r)
			case <-c.quit:
				return
			}
		}
		// The batch takes the waiting files of the first one's format and
		// target, then waits a moment for more.
		ext, to := pending[0].ext, pending[0].to
		var batch, rest []*request
		for _, r := range pending {
			if r.ext == ext && r.to == to && len(batch) < c.opts.Batch {
				batch = append(batch, r)
			} else {
				rest = append(rest, r)
			}
		}
		pending = rest
		timer := time.NewTimer(c.opts.Gather)
	gather:
		for len(batch) < c.opts.Batch {
			select {
			case r := <-c.reqs:
				if r.ext == ext && r.to == to {
					batch = append(batch, r)
				} else {
					pending = append(pending, r)
				}
			case <-timer.C:
				break gather
			case <-c.quit:
				timer.Stop()
				pending = append(pending, batch...)
				return
			}
		}
		timer.Stop()
		// Callers that stopped waiting are not converted.
		live := batch[:0]
		for _, r := range batch {
			if r.ctx.Err() == nil {
				live = append(live, r)
			}
		}
		if len(live) == 0 {
			continue
		}
		if err != nil {
			for _, r := range live {
				r.reply <- reply{err: fmt.Errorf("%s: %w", r.path, err)}
			}
			continue
		}
		again := c.convert(filepath.Join(root, fmt.Sprint("batch", n)), filepath.Join(root, "profile"), live)
		pending = append(again, pending...)
	}
}

// convert converts a batch in one soffice call in folder dir with the
// profile in profile, answers every request it converted or that failed,
// and returns those to try again: after a file that hung, the files
// behind it in the batch were not tried.
func (c *Converter) convert(dir, profile string, batch []*request) (again []*request) {
	defer os.RemoveAll(dir)
	fail := func(rs []*request, format string, args ...any) {
		for _, r := range rs {
			r.reply <- reply{err: fmt.Errorf("%s: "+format, append([]any{r.path}, args...)...)}
		}
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o700); err != nil {
		fail(batch, "converting with LibreOffice: %v", err)
		return nil
	}
	// Files are named by their place in the batch: LibreOffice names its
	// output after its input, and converts in the order given.
	args := []string{
		"-env:UserInstallation=file://" + filepath.ToSlash(profile),
		"--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
	}
	if f, ok := filters[batch[0].ext]; ok {
		args = append(args, "--infilter="+f)
	}
	args = append(args, "--convert-to", batch[0].to, "--outdir", out)
	names := make([]string, len(batch))
	for i, r := range batch {
		names[i] = fmt.Sprintf("f%03d", i)
		name := filepath.Join(in, names[i]+"."+r.ext)
		if err := os.WriteFile(name, r.data, 0o600); err != nil {
			fail(batch, "converting with LibreOffice: %v", err)
			return nil
		}
		args = append(args, name)
	}
	log, killed, started, err := c.run(args)
	if !started {
		fail(batch, "running LibreOffice: %v", err)
		return nil
	}
	closed := false
	select {
	case <-c.quit:
		closed = true
	default:
	}
	// LibreOffice exits 0 when a file does not load; a failure status
	// means it crashed. It converts in order and prints a line for each
	// file, converted or not: after a crash or a kill, the first file
	// without an output past those lines is the one it was on.
	crashed := err != nil && !killed
	outputs := make([][]byte, len(batch))
	tooBig := make([]error, len(batch))
	culprit := -1
	for i, r := range batch {
		data, rerr := readOutput(r, filepath.Join(out, names[i]+"."+r.to))
		switch {
		case rerr != nil && !errors.Is(rerr, os.ErrNotExist):
			tooBig[i] = rerr
		case rerr == nil && len(data) > 0:
			outputs[i] = data
		case (killed || crashed) && culprit < 0 && i >= processed(log):
			culprit = i
		}
	}
	for i, r := range batch {
		switch {
		case tooBig[i] != nil:
			r.reply <- reply{err: tooBig[i]}
		case outputs[i] != nil:
			r.reply <- reply{data: outputs[i]}
		case closed:
			r.reply <- reply{err: fmt.Errorf("%s: %w", r.path, ErrClosed)}
		case i == culprit && killed:
			fail([]*request{r}, "LibreOffice spent more than %v converting it to .%s and was stopped", c.opts.Timeout, r.to)
		case i == culprit:
			fail([]*request{r}, "LibreOffice failed (%v) converting it to .%s%s", err, r.to, errorLines(log))
		case culprit >= 0 && i > culprit:
			again = append(again, r)
		default:
			fail([]*request{r}, "LibreOffice could not convert it to .%s (a damaged or mislabelled .%s file?)%s", r.to, r.ext, errorLines(log))
		}
	}
	return again
}

// readOutput reads what LibreOffice made of r's file at path, refusing by
// its size, before reading it, one larger than the file limit r's context
// carries (model.WithLimits): a small .doc can convert into a huge .docx.
func readOutput(r *request, path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if max := model.LimitsFrom(r.ctx).MaxFileBytes; fi.Size() > max {
		return nil, &model.LimitError{Path: r.path, What: "bytes in the ." + r.to + " LibreOffice made of it", Limit: max, Flag: "max-file-bytes"}
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: reading the .%s LibreOffice made of it: %w", r.path, r.to, err)
	}
	return data, err
}

// run runs soffice in a process group of its own and returns what it
// wrote, whether it was killed or started at all, and how it ended. While
// it prints a line per file within the timeout it runs on; otherwise, or
// on Close, the whole group is killed.
func (c *Converter) run(args []string) (log string, killed, started bool, err error) {
	cmd := command(c.bin, args, c.opts.MemoryLimit)
	pr, pw, err := os.Pipe()
	if err != nil {
		return "", false, false, err
	}
	defer pr.Close()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		pw.Close()
		return "", false, false, err
	}
	pw.Close()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		// A line too long for the scanner: keep the pipe flowing, so
		// that soffice does not block writing, until it ends.
		io.Copy(io.Discard, pr)
	}()
	kill := func() {
		killed = true
		killAll(cmd)
		// A process that left the group may hold the pipe: stop reading
		// after a while.
		time.AfterFunc(5*time.Second, func() { pr.Close() })
	}
	var b strings.Builder
	timer := time.NewTimer(c.opts.Timeout)
	defer timer.Stop()
	quit := c.quit
	for open := true; open; {
		select {
		case l, ok := <-lines:
			if !ok {
				open = false
				break
			}
			if b.Len() < 64<<10 {
				b.WriteString(l + "\n")
			}
			timer.Reset(c.opts.Timeout)
		case <-timer.C:
			kill()
		case <-quit:
			kill()
			quit = nil
		}
	}
	return b.String(), killed, true, cmd.Wait()
}

// processed counts the files LibreOffice has done with, by its lines:
// "convert A -> B …" for a file converted, "Error: …" for one not.
func processed(log string) int {
	n := 0
	for _, l := range strings.Split(log, "\n") {
		if strings.HasPrefix(l, "convert ") || strings.HasPrefix(l, "Error") {
			n++
		}
	}
	return n
}

// errorLines returns LibreOffice's error lines, for a message.
func errorLines(log string) string {
	var errs []string
	for _, l := range strings.Split(log, "\n") {
		if strings.HasPrefix(l, "Error") {
			errs = append(errs, strings.TrimSpace(l))
		}
	}
	if len(errs) == 0 {
		return ""
	}
	return ": " + strings.Join(errs, "; ")
}
