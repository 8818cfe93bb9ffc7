package html

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/PuerkitoBio/goquery"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Version changes whenever the reader's output changes, so that pages
// read by an older version are read again: also when an upgrade of
// goquery or golang.org/x/net/html changes what pages give (the fuzz
// seeds and the test pages tell).
const Version = "1"

// MaxSize is the largest page Read and ReadBytes accept; reports are far
// smaller.
const MaxSize = 256 << 20

// Reader reads saved web pages (.html, .htm, .shtml) and web archives
// (.mht) for the ingest pipeline.
type Reader struct{}

func (Reader) Name() string        { return "html" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.HTML, sniff.MHT} }

// Read reads a page held in memory (see ReadBytes).
func (Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	return readBytes(path, data, model.LimitsFrom(ctx))
}

// Error reports a page that cannot be read, and why.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("html: %s: %v", e.Path, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// errPanic marks an error that was a panic in the reader or the parser:
// a bug to fix, reported as an error so that one file cannot stop a run.
var errPanic = errors.New("reader failed on this page")

// ErrTooLarge is returned for input bigger than MaxSize.
var ErrTooLarge = errors.New("file larger than 256 MiB")

// Read reads the page or web archive at path.
func Read(path string) (*model.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	return ReadBytes(path, data)
}

// ReadBytes reads a page or a web archive held in memory; name is used
// for Document.Path and in errors. A web archive (told by its content,
// not its name) gives the document of its HTML page.
func ReadBytes(name string, data []byte) (*model.Document, error) {
	return readBytes(name, data, model.DefaultLimits())
}

// readBytes reads a page within limits: its elements are counted before
// its tree is built, so that a page of millions of tags fails first.
func readBytes(name string, data []byte, limits model.Limits) (doc *model.Document, err error) {
	defer func() {
		// A panic in the parser or here must not bring a run down: the
		// file fails alone.
		if r := recover(); r != nil {
			doc, err = nil, &Error{Path: name, Err: fmt.Errorf("%w: %v", errPanic, r)}
		}
	}()
	if len(data) > MaxSize {
		return nil, &Error{Path: name, Err: ErrTooLarge}
	}
	format, hint := model.FormatHTML, ""
	if sniff.Detect(name, data[:min(len(data), sniff.HeadSize)]) == sniff.MHT {
		page, err := readMHT(data)
		if err != nil {
			return nil, &Error{Path: name, Err: err}
		}
		format, hint, data = model.FormatMHT, page.charset, page.html
	}
	dec := decodePage(data, hint)
	doc = &model.Document{
		Path:     filepath.ToSlash(name),
		Format:   format,
		Encoding: dec.encoding,
		Warnings: dec.warnings,
	}
	if err := countElements(dec.text, model.NewBudget("", limits)); err != nil {
		return nil, &Error{Path: name, Err: err}
	}
	gq, err := goquery.NewDocumentFromReader(bytes.NewReader(dec.text))
	if err != nil {
		// The parser refuses a page nested deeper than 512 open elements
		// (its only error on input in memory): a broken or hostile page,
		// whose text is still worth reading.
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("page not parsed (%v): its text is read without tables or headings", err))
		flatText(doc, dec.text)
		return doc, nil
	}
	readPage(doc, gq)
	return doc, nil
}

// flatText reads the text of a page without building its tree: a
// paragraph ends at every block element's start or end tag and at <br>.
func flatText(doc *model.Document, text []byte) {
	w := &walker{doc: doc, out: bodySink{doc}}
	z := html.NewTokenizer(bytes.NewReader(text))
	skip := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			w.flush()
			return
		case html.TextToken:
			if !skip {
				w.addText(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			skip = tok.Type == html.StartTagToken && skipped[tok.DataAtom]
			if blockLevel[tok.DataAtom] || tok.DataAtom == atom.Br {
				w.flush()
			}
		}
	}
}

// countElements counts the start tags of a page against budget, without
// building its tree.
func countElements(text []byte, budget *model.Budget) error {
	z := html.NewTokenizer(bytes.NewReader(text))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			if err := budget.Elements(1); err != nil {
				return err
			}
		}
	}
}
