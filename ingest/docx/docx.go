// Package docx reads Word .docx files (transitional and Strict OOXML) into
// the document model: the body as one ordered stream of paragraphs and
// tables as a reader sees it (tracked changes accepted, field results
// rather than field codes, content controls and other wrappers read
// through), the headers, footers, notes and comments apart as Parts, and
// the core properties as Props.
//
// Choices where Word's layout has no single reading order:
//   - Text boxes are read once, as paragraphs placed right after the
//     paragraph that anchors them.
//   - A page break (w:br type="page") marks the paragraph whose text
//     follows it: the same paragraph when text follows the break there,
//     else the next paragraph.
//   - A merged cell appears once, at its top-left grid position; a nested
//     table is a table of its own and its text is also part of the text of
//     the cell that holds it.
//   - Numbering markers come from ingest/numbering, counted over the body
//     in document order; headers and notes are not numbered. A Word
//     document imported by w:altChunk is numbered on its own.
//   - Each header, footer, notes or comments part is one Part, its
//     paragraphs joined by "\n".
package docx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/govreports/govreports/ingest/html"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/numbering"
)

// Error reports a file that cannot be read as a .docx, and why.
type Error struct {
	Path string // the file as given
	Part string // package member where the problem is, empty for the package
	Err  error
}

func (e *Error) Error() string {
	if e.Part != "" {
		return fmt.Sprintf("docx: %s: %s: %v", e.Path, e.Part, e.Err)
	}
	return fmt.Sprintf("docx: %s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// errPanic marks an error that was a panic in the reader or a dependency:
// a bug to fix, reported as an error so that one file cannot stop a run.
var errPanic = errors.New("reader failed on this package")

// Read reads the .docx file at path.
func Read(path string) (*model.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	return read(context.Background(), path, f, fi.Size())
}

// ReadBytes reads a .docx held in memory; name is used for Document.Path
// and in errors.
func ReadBytes(name string, data []byte) (*model.Document, error) {
	ra, size := bytesReader(data)
	return read(context.Background(), name, ra, size)
}

// read opens the package and reads it, turning a panic in a dependency
// into an error: bad input must never bring the caller down.
func read(ctx context.Context, name string, ra io.ReaderAt, size int64) (doc *model.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &Error{Path: name, Err: fmt.Errorf("%w: %v", errPanic, r)}
		}
	}()
	// One budget for the whole file: documents it imports share it, so
	// that each import does not get fresh limits.
	budget := model.NewBudget("", model.LimitsFrom(ctx)) // its errors are wrapped in Error, which names the file
	p, err := openPackage(ra, size, budget)
	if err != nil {
		return nil, &Error{Path: name, Err: err}
	}
	rd := &docReader{ctx: ctx, name: name, pkg: p, ra: ra, size: size, budget: budget}
	doc, err = rd.read(0)
	if err := budget.Err(); err != nil {
		return nil, &Error{Path: name, Err: err}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return doc, err
}

// docReader reads one package.
type docReader struct {
	ctx    context.Context
	budget *model.Budget
	name   string
	pkg    *pkg
	ra     io.ReaderAt
	size   int64
	doc    *model.Document
}

// maxChunkDepth bounds w:altChunk documents imported inside each other.
const maxChunkDepth = 2

func (rd *docReader) read(depth int) (*model.Document, error) {
	doc := &model.Document{Path: filepath.ToSlash(rd.name), Format: model.FormatDOCX}
	rd.doc = doc
	main := rd.pkg.mainPart()
	data, err := rd.pkg.mainXML(rd.ra, rd.size, main)
	if err != nil {
		return nil, &Error{Path: rd.name, Err: err}
	}
	root, err := parseXML(data, rd.budget)
	if err != nil {
		return nil, &Error{Path: rd.name, Part: main, Err: err}
	}
	body := root.child(nsW, "body")
	if body == nil {
		return nil, &Error{Path: rd.name, Part: main, Err: errors.New("no w:body: not a wordprocessing document")}
	}
	rels := rd.pkg.rels(main)

	stylesName := relTarget(rels, relStyles, "")
	stylesXML := rd.partData(stylesName)
	st := parseStyles(rd.parsePart(stylesName, stylesXML))
	num := rd.numbering(relTarget(rels, relNumbering, ""), stylesXML)

	w := &walker{ctx: rd.ctx, budget: rd.budget, st: st, num: num, counter: num.NewCounter(), warn: rd.warn}
	w.chunk = func(id string, idx int) []block { return rd.altChunk(rels, id, idx, depth) }
	var blocks []block
	w.blocks(body.children, func(i int) int { return i }, &blocks)
	w.flushCarry(&blocks)
	if len(w.fields) > 0 {
		rd.warnf("%s: %d complex fields never end; the text after them is hidden", main, len(w.fields))
	}
	if err := w.stopped(); err != nil {
		return nil, err
	}
	(&assembler{doc: doc, budget: rd.budget}).body(blocks)
	if err := rd.budget.Err(); err != nil {
		return nil, err
	}

	rd.parts(rels, st, num)
	rd.props()
	return doc, nil
}

func (rd *docReader) warn(s string) { rd.doc.Warnings = append(rd.doc.Warnings, s) }

func (rd *docReader) warnf(format string, args ...any) { rd.warn(fmt.Sprintf(format, args...)) }

// partRoot reads and parses a part; a missing or broken part is a warning
// and nil, since the body can be read without it.
func (rd *docReader) partRoot(name string) *node {
	return rd.parsePart(name, rd.partData(name))
}

// partData reads a part; a missing part is nil, an unreadable one also
// a warning.
func (rd *docReader) partData(name string) []byte {
	if name == "" {
		return nil
	}
	data, _, err := rd.pkg.readPart(name)
	if err != nil {
		rd.warnf("%s not read: %v", name, err)
		return nil
	}
	return data
}

func (rd *docReader) parsePart(name string, data []byte) *node {
	if data == nil {
		return nil
	}
	root, err := parseXML(data, rd.budget)
	if err != nil {
		rd.warnf("%s not read: %v", name, err)
		return nil
	}
	return root
}

// numbering reads the numbering part with the styles part, which links
// numbering to paragraph styles. Without a readable part the document has
// no numbering, with a warning when the part is broken.
func (rd *docReader) numbering(name string, stylesXML []byte) *numbering.Definitions {
	data := rd.partData(name)
	if data == nil {
		stylesXML = nil // nothing to link styles to: spare parsing them again
	}
	defs, err := numbering.ParseWithStyles(data, stylesXML)
	if err != nil {
		rd.warnf("%s: numbering not read: %v", name, err)
		defs, _ = numbering.Parse(nil)
	}
	return defs
}

func relTarget(rels []relationship, typ, id string) string {
	for _, r := range rels {
		if r.external {
			continue
		}
		if (id == "" && r.typ == typ) || (id != "" && r.id == id) {
			return r.target
		}
	}
	return ""
}

// parts reads headers, footers, notes and comments, each package part
// holding some text as one Part.
func (rd *docReader) parts(rels []relationship, st *styles, num *numbering.Definitions) {
	seen := map[string]bool{}
	for _, r := range rels {
		var kind string
		switch r.typ {
		case relHeader, relFooter:
			kind = r.typ
		case relFootnotes:
			kind = "footnote"
		case relEndnotes:
			kind = "endnote"
		case relComments:
			kind = "comment"
		default:
			continue
		}
		if r.external || seen[r.target] {
			continue
		}
		seen[r.target] = true
		root := rd.partRoot(r.target)
		if root == nil {
			continue
		}
		w := &walker{ctx: rd.ctx, budget: rd.budget, st: st, num: num, warn: rd.warn}
		var blocks []block
		switch kind {
		case "header", "footer":
			w.blocks(root.children, sameIndex(0), &blocks)
		default:
			for _, note := range root.children {
				if t, _ := note.attr(nsW, "type"); t == "separator" || t == "continuationSeparator" || t == "continuationNotice" {
					continue
				}
				w.blocks(note.children, sameIndex(0), &blocks)
				w.flushCarry(&blocks)
			}
		}
		w.flushCarry(&blocks)
		if text := storyText(blocks); strings.TrimSpace(text) != "" {
			rd.doc.Parts = append(rd.doc.Parts, model.Part{Kind: kind, Name: r.target, Text: text})
		}
	}
}

// props reads docProps/core.xml (or whatever the package's core-properties
// relationship names).
func (rd *docReader) props() {
	name := relTarget(rd.pkg.rels(""), relCoreProps, "")
	if name == "" {
		name = "docProps/core.xml"
	}
	root := rd.partRoot(name)
	if root == nil {
		return
	}
	for _, c := range root.children {
		if !textElements[c.local] || c.local == "t" {
			continue
		}
		if v := strings.TrimSpace(c.text); v != "" {
			if rd.doc.Props == nil {
				rd.doc.Props = map[string]string{}
			}
			rd.doc.Props[c.local] = v
		}
	}
}

// altChunk reads the part a w:altChunk imports: a Word document, HTML or
// plain text. Other formats (RTF, MHT) are left out with a warning.
func (rd *docReader) altChunk(rels []relationship, id string, idx, depth int) []block {
	name := relTarget(rels, "", id)
	if name == "" {
		rd.warnf("w:altChunk %q: no such relationship", id)
		return nil
	}
	data, ok, err := rd.pkg.readPart(name)
	if err != nil {
		rd.warnf("w:altChunk %s not read: %v", name, err)
		return nil
	}
	if !ok {
		rd.warnf("w:altChunk %s: no such part in the package", name)
		return nil
	}
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".docx", ".docm", ".dotx":
		if depth >= maxChunkDepth {
			rd.warnf("w:altChunk %s: documents imported too deep", name)
			return nil
		}
		if rd.budget.Part() != nil {
			return nil
		}
		return rd.chunkDocx(name, data, idx, depth)
	case ".htm", ".html", ".xhtml":
		if rd.budget.Part() != nil {
			return nil
		}
		return rd.textBlocks(html.Lines(data), idx)
	case ".txt", ".text":
		if rd.budget.Part() != nil {
			return nil
		}
		return rd.textBlocks(strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), idx)
	default:
		rd.warnf("w:altChunk %s: %s content is not read", name, ext)
		return nil
	}
}

// chunkDocx reads an imported Word document's body as blocks of this one.
func (rd *docReader) chunkDocx(name string, data []byte, idx, depth int) []block {
	ra, size := bytesReader(data)
	p, err := openPackage(ra, size, rd.budget)
	if err != nil {
		rd.warnf("w:altChunk %s: %v", name, err)
		return nil
	}
	sub := &docReader{ctx: rd.ctx, budget: rd.budget, name: rd.name + "!" + name, pkg: p, ra: ra, size: size}
	d, err := sub.read(depth + 1)
	if err != nil {
		rd.warnf("w:altChunk %s: %v", name, err)
		return nil
	}
	rd.doc.Warnings = append(rd.doc.Warnings, d.Warnings...)
	// The imported body is already assembled; its tables are numbered in
	// this document's order when it is (tables nested in them stay text of
	// their cells).
	var out []block
	for _, b := range d.Body {
		if b.Kind == model.KindParagraph {
			p := b.Para
			out = append(out, block{para: &p, index: idx})
		} else {
			out = append(out, block{imported: &d.Tables[b.TableNo-1], index: idx})
		}
	}
	return out
}

func (rd *docReader) textBlocks(lines []string, idx int) []block {
	var out []block
	for _, l := range lines {
		if rd.budget.Block(len(l)) != nil {
			return nil
		}
		out = append(out, block{para: &model.Paragraph{Text: l, NumLevel: -1}, index: idx})
	}
	return out
}
