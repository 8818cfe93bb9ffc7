// Package pdf reads PDF files and scanned pages into the document model.
// A PDF with a text layer is read by poppler's pdftotext (word boxes,
// -bbox); pages without one, and image files (.png, .jpg, .tif), are read
// by OCR: pdftoppm renders each page and tesseract reads it with its
// simplified-Chinese model. From the word boxes the reader rebuilds lines,
// paragraphs across line and page breaks and tables from the columns their
// words stand in, and drops running headers, footers and page numbers.
//
// The engines are programs run with a timeout and a cap on their output,
// so that a hostile file fails alone. When an engine is not installed the
// files that need it are skipped, with a message naming the Debian package
// to install; the reader's version names the engines' versions, so that
// installing one later reads those files again.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the reader's own output changes; Reader.Version
// adds the engines' versions to it.
const Version = "1"

// Config names the engines and bounds their work. The zero value uses the
// engines on PATH with the defaults below.
type Config struct {
	Pdftotext, Pdftoppm, Pdfimages, Tesseract string // paths or names on PATH

	// Timeout bounds one run of an engine: pdftotext on a whole file,
	// rendering or OCR of one page. Default 2 minutes.
	Timeout time.Duration
	// MaxOutput bounds what an engine may write, in bytes. Default 256 MiB.
	MaxOutput int
	// OCRWorkers is how many pages the reader reads by OCR at once, over
	// all the files it reads at the same time. Default 2: a page takes
	// a core and 100–200 MB, and the pipeline reads several files at once.
	OCRWorkers int
	// DPI is the resolution pages are rendered at for OCR. Default 300.
	DPI int
	// MaxOCRPages bounds how many pages of one file are read by OCR
	// (the rest is left out, with a warning). Default 500.
	MaxOCRPages int
}

// Reader reads PDF files and images. Make it with New; it is safe for
// concurrent use.
type Reader struct {
	cfg   Config
	slots chan struct{} // a token per page being read by OCR

	once     sync.Once
	engines  engines
	versions string
}

// engines tells which engines are there, by their versions ("" when
// missing).
type engines struct {
	pdftotext, pdftoppm, tesseract string
	chiSim                         bool // tesseract has the chi_sim model
}

// New makes a reader.
func New(cfg Config) *Reader {
	if cfg.Pdftotext == "" {
		cfg.Pdftotext = "pdftotext"
	}
	if cfg.Pdftoppm == "" {
		cfg.Pdftoppm = "pdftoppm"
	}
	if cfg.Pdfimages == "" {
		cfg.Pdfimages = "pdfimages"
	}
	if cfg.Tesseract == "" {
		cfg.Tesseract = "tesseract"
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Minute
	}
	if cfg.MaxOutput <= 0 {
		cfg.MaxOutput = 256 << 20
	}
	if cfg.OCRWorkers <= 0 {
		cfg.OCRWorkers = min(2, runtime.NumCPU())
	}
	if cfg.DPI <= 0 {
		cfg.DPI = 300
	}
	if cfg.MaxOCRPages <= 0 {
		cfg.MaxOCRPages = 500
	}
	return &Reader{cfg: cfg, slots: make(chan struct{}, cfg.OCRWorkers)}
}

func (*Reader) Name() string        { return "pdf" }
func (*Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.PDF, sniff.Image} }

// Version is the reader's version with the engines' versions, found once.
func (r *Reader) Version() string {
	r.probe()
	return Version + "; " + r.versions
}

var versionRE = regexp.MustCompile(`\d+\.\d+(\.\d+)?`)

// probe finds the engines and their versions, once.
func (r *Reader) probe() {
	r.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		version := func(name string, args ...string) string {
			path, err := exec.LookPath(name)
			if err != nil {
				return ""
			}
			out, err := exec.CommandContext(ctx, path, args...).CombinedOutput()
			if v := versionRE.Find(out); v != nil {
				return string(v)
			}
			if err != nil {
				return ""
			}
			return "unknown"
		}
		e := &r.engines
		e.pdftotext = version(r.cfg.Pdftotext, "-v")
		e.pdftoppm = version(r.cfg.Pdftoppm, "-v")
		e.tesseract = version(r.cfg.Tesseract, "--version")
		if e.tesseract != "" {
			out, _ := exec.CommandContext(ctx, r.cfg.Tesseract, "--list-langs").CombinedOutput()
			e.chiSim = regexp.MustCompile(`(?m)^chi_sim\s*$`).Match(out)
		}
		v := func(name, ver string) string {
			if ver == "" {
				return name + " missing"
			}
			return name + " " + ver
		}
		r.versions = strings.Join([]string{v("pdftotext", e.pdftotext), v("pdftoppm", e.pdftoppm), v("tesseract", e.tesseract)}, ", ")
		if e.tesseract != "" && !e.chiSim {
			r.versions += " without chi_sim"
		}
	})
}

// MissingEngineError reports a file skipped because the engine that reads
// it is not installed. It matches model.ErrUnsupported (and so
// ingest.ErrUnsupported) with errors.Is: the file is skipped, not failed.
type MissingEngineError struct {
	Path    string
	Kind    sniff.Kind
	What    string // what needs the engine: ".pdf", "scanned pages"
	Engine  string // "pdftotext", "tesseract"
	Package string // the Debian packages to install
}

func (e *MissingEngineError) Error() string {
	return fmt.Sprintf("%s: skipped: reading %s needs %s (%s is not installed): apt-get install %s",
		e.Path, e.What, e.Package, e.Engine, e.Package)
}

func (e *MissingEngineError) Is(target error) bool {
	return target == model.ErrUnsupported || target == model.ErrMissingEngine
}

// Format names the sniffed format, for the documents table.
func (e *MissingEngineError) Format() string { return string(e.Kind) }

const (
	popplerPkg   = "poppler-utils"
	tesseractPkg = "tesseract-ocr tesseract-ocr-chi-sim"
)

// Read reads a PDF file or an image.
func (r *Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	r.probe()
	kind := sniff.DetectBytes(path, data)
	if kind == sniff.Image {
		return r.readImage(ctx, path, data)
	}
	return r.readPDF(ctx, path, data)
}

// temp writes data to a file of its own in a new temporary folder, which
// the returned function removes: the engines read files.
func temp(data []byte, name string) (dir, file string, cleanup func(), err error) {
	dir, err = os.MkdirTemp("", "govreports-pdf-")
	if err != nil {
		return "", "", nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	file = filepath.Join(dir, name)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		cleanup()
		return "", "", nil, err
	}
	return dir, file, cleanup, nil
}

// minChars is how many characters a page's text layer needs to be read as
// text; a page with fewer is a scan (or blank) and is read by OCR.
const minChars = 20

func (r *Reader) readPDF(ctx context.Context, path string, data []byte) (*model.Document, error) {
	e := r.engines
	if e.pdftotext == "" {
		return nil, &MissingEngineError{Path: path, Kind: sniff.PDF, What: ".pdf", Engine: "pdftotext", Package: popplerPkg}
	}
	dir, file, cleanup, err := temp(data, "in.pdf")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer cleanup()
	out, err := runText(ctx, r.cfg.Timeout, r.cfg.MaxOutput, model.LimitsFrom(ctx).MaxTextBytes, nil, r.cfg.Pdftotext, "-bbox", "-enc", "UTF-8", file, "-")
	if err != nil {
		var le *model.LimitError
		if errors.As(err, &le) {
			le.Path = path
			return nil, le
		}
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: not a readable PDF: %w", path, err)
	}
	pages, err := parseBBox(out)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	doc := &model.Document{Path: path, Format: model.FormatPDF}
	var scans []int
	for i := range pages {
		if pages[i].chars() < minChars {
			scans = append(scans, i)
		}
	}
	total := 0
	for _, p := range pages {
		total += p.chars()
	}
	if len(scans) > 0 {
		scans = r.withImages(ctx, file, scans)
	}
	if len(scans) > 0 {
		switch {
		case e.pdftoppm == "" && total < minChars:
			return nil, &MissingEngineError{Path: path, Kind: sniff.PDF, What: "scanned pages", Engine: "pdftoppm", Package: popplerPkg}
		case (e.tesseract == "" || !e.chiSim) && total < minChars:
			return nil, &MissingEngineError{Path: path, Kind: sniff.PDF, What: "scanned pages", Engine: "tesseract with chi_sim", Package: tesseractPkg}
		case e.pdftoppm == "" || e.tesseract == "" || !e.chiSim:
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d pages without a text layer left out: OCR needs %s", len(scans), tesseractPkg))
		default:
			if err := r.ocrPages(ctx, path, dir, file, pages, scans, doc); err != nil {
				return nil, err
			}
		}
	}
	layout(doc, pages)
	return doc, nil
}

// layout lays pages out into doc's body.
func layout(doc *model.Document, pages []page) {
	lines := make([][]line, len(pages))
	heights := make([]float64, len(pages))
	for i, p := range pages {
		lines[i] = pageLines(p)
		heights[i] = p.height
	}
	kept, running := dropRunning(lines, heights)
	doc.Parts = append(doc.Parts, running...)
	build(doc, kept)
}

// withImages keeps of the pages at the indexes scans those that show an
// image: a blank page, or one with a line of text only, is no scan and
// not worth seconds of OCR. When pdfimages cannot tell, every page stays.
func (r *Reader) withImages(ctx context.Context, file string, scans []int) []int {
	out, err := run(ctx, r.cfg.Timeout, 16<<20, nil, r.cfg.Pdfimages, "-list", file)
	if err != nil {
		return scans
	}
	images := map[int]bool{}
	lines := strings.Split(string(out), "\n")
	for _, l := range lines[min(2, len(lines)):] { // a header and a rule
		f := strings.Fields(l)
		if len(f) > 2 && f[2] == "image" {
			if n, err := strconv.Atoi(f[0]); err == nil {
				images[n-1] = true
			}
		}
	}
	kept := scans[:0]
	for _, i := range scans {
		if images[i] {
			kept = append(kept, i)
		}
	}
	return kept
}
