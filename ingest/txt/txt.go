// Package txt reads plain-text reports into the document model: one
// paragraph per non-empty line, and the tables that text exports flatten
// into lines rebuilt as grids.
//
// These flattenings of tables are recognised. Word's plain-text export
// writes one cell per line, each starting with a tab, with a blank line
// after each row; a cell's further paragraphs follow on lines without the
// tab. Text saved from web pages writes cells with pipes: either one cell
// per line ending in " |" with a line of pipes closing each row, or a whole
// row on one line ("| a | b |", "a | b", Markdown separator lines skipped).
// Text copied from web pages and PDFs parts cells with runs of spaces, a
// row a line (spaced.go); a sheet saved as CSV (a .csv file, or pasted
// into a .txt) with commas (csv.go). And a self-evaluation form's funds
// and indicator blocks copied one cell a line, row boundaries lost, are
// re-gridded by their header labels and the form's level names
// (linefunds.go, linecells.go). A form drawn with box-drawing characters,
// its cells wrapped over lines, is read between its bars (box.go); a
// budget system's export of "label：key=value；…" lines is a table of its
// keys (kv.go).
//
// The encoding is detected (see Document.Encoding); bytes that decode in no
// candidate become U+FFFD and are reported in Document.Warnings.
package txt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// MaxSize is the largest file Read and Decode accept. Reports are far
// smaller; a bigger "text" file is a mistake, and reading it would only
// exhaust memory.
const MaxSize = 256 << 20

// ErrTooLarge is returned for input bigger than MaxSize.
var ErrTooLarge = errors.New("file larger than 256 MiB")

// ErrNotText is returned for input that is not text throughout: it turns
// binary part-way, or much of it is undecodable.
var ErrNotText = errors.New("not text")

// maxBad is how many undecodable bytes a file may hold whatever its size
// (a stray byte is a warning, not a failure).
const maxBad = 16

// Read reads the text file at path.
func Read(path string) (*model.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("txt: %w", err)
	}
	defer f.Close()
	// The limit also holds when Stat cannot tell (a pipe) or the file grows.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("txt: %w", err)
	}
	return Decode(path, data)
}

// Decode reads a text file's contents; name is the path recorded in the
// document. An empty file is a document without blocks. Decode fails when
// data is larger than MaxSize, and when it is not text throughout (it
// turns binary part-way, or much of it is in no encoding the reader
// knows): what was read would be stored as ok, wrong. Lines are not cut
// and the text is not limited; Reader.Read applies the limits.
func Decode(name string, data []byte) (*model.Document, error) {
	return decodeDoc(context.Background(), name, data, bounds{maxLine: math.MaxInt, maxText: math.MaxInt64})
}

func decodeDoc(ctx context.Context, name string, data []byte, b bounds) (*model.Document, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("txt: %s: %w", name, ErrTooLarge)
	}
	dec := decode(ctx, name, data, b)
	switch {
	case dec.binaryAt >= 0:
		return nil, fmt.Errorf("txt: %s: %w from byte %d on (%d or more of the %d bytes there are undecodable or control characters in %s); not read",
			name, ErrNotText, dec.binaryAt, binaryJunk, binaryWindow, encodingName(dec.encoding))
	case dec.err != nil:
		return nil, dec.err
	case dec.bad > maxBad && dec.bad*100 > dec.total:
		return nil, fmt.Errorf("txt: %s: %w in %s: %d of %d bytes are undecodable, the first at byte %d (over 1%%: another encoding?); not read",
			name, ErrNotText, encodingName(dec.encoding), dec.bad, dec.total, dec.badAt)
	}
	doc := &model.Document{
		Path:     filepath.ToSlash(name),
		Format:   model.FormatTXT,
		Encoding: dec.encoding,
		Warnings: dec.warnings,
	}
	doc.Body = make([]model.Block, 0, len(dec.lines)/2+1)
	// The lines between two cut lines are parsed as a whole; a cut line is
	// paragraphs, one a piece, at the line it stood on, and no table's.
	first := 0
	for _, c := range dec.cuts {
		parseFrom(doc, dec.lines[first:c.at], first)
		for i, p := range c.pieces {
			if i == 0 {
				p = strings.TrimLeftFunc(p, isSpace)
			}
			if i == len(c.pieces)-1 {
				p = strings.TrimRightFunc(p, isSpace)
			}
			addParagraph(doc, line{p, c.at + 1})
		}
		first = c.at + 1
	}
	parseFrom(doc, dec.lines[first:], first)
	return doc, nil
}
