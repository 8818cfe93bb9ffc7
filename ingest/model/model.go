// Package model holds the types that flow between the stages of the
// pipeline: the document model that the readers in ingest produce, and the
// reports that extract builds from it. The schema package stores both.
//
// It lives under ingest, the first stage, because the readers define the
// document every later stage reads. It is a leaf: it imports no other
// package of the project, so imports run one way (ingest → extract →
// schema, all → model) and never in a circle.
package model

import "errors"

// ErrUnsupported marks a file that is skipped rather than failed: its
// format is not read (yet), or the engine that reads it is not installed.
// Readers return errors that match it with errors.Is; ingest.ErrUnsupported
// is the same value.
var ErrUnsupported = errors.New("unsupported format")

// ErrMissingEngine marks a file skipped because the program its reader
// runs (LibreOffice, poppler, tesseract) is not installed: installing it
// and running again reads the file. Errors that match it match
// ErrUnsupported too.
var ErrMissingEngine = errors.New("the engine that reads the format is not installed")

// Formats a reader can produce.
const (
	FormatTXT   = "txt"
	FormatDOCX  = "docx"
	FormatHTML  = "html"
	FormatMHT   = "mht" // a web archive; its page is read as HTML
	FormatPDF   = "pdf"
	FormatImage = "image" // a scan as an image file (.png, .jpg, .tif), read by OCR
)

// Encodings a text reader records in Document.Encoding. (A web page in
// another declared encoding records that encoding's WHATWG name, "big5".)
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom"
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
	EncodingGB18030 = "gb18030"
)

// Document is one file as a reader saw it: its body in reading order, and
// the parts that are not body (headers, footers, notes, comments) apart.
type Document struct {
	Path     string // as reached from the command line, forward slashes
	Format   string // FormatTXT, FormatDOCX, FormatHTML, FormatMHT, FormatPDF, FormatImage, or the format a converted file had ("doc", "xlsx" …)
	Encoding string // txt, html: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030" (html: or the WHATWG name of another declared charset)

	Body   []Block // body blocks in reading order
	Tables []Table // every table, numbered from 1 (Tables[i] is table i+1); nested tables included
	Parts  []Part  // headers, footers, footnotes, endnotes, comments: never body

	Props    map[string]string // docx: core properties (title, creator, created …); html: title, published (ISO date), source; "ocr" of a document read by OCR
	Warnings []string          // non-fatal reading problems, each a sentence (e.g. undecodable bytes)
}

// BlockKind tells a paragraph from a table.
type BlockKind uint8

const (
	KindParagraph BlockKind = iota
	KindTable
)

func (k BlockKind) String() string {
	if k == KindTable {
		return "table"
	}
	return "paragraph"
}

// Block is one body element: a paragraph, or a reference to a table.
type Block struct {
	Kind    BlockKind
	Para    Paragraph // when Kind == KindParagraph
	TableNo int       // when Kind == KindTable: index into Document.Tables, from 1
	Pos     Pos
}

// Paragraph is the text of one paragraph with what the reader knows of its
// formatting. Text holds line breaks as "\n" and tabs as "\t"; the generated
// numbering marker is kept apart in Marker, never inside Text.
type Paragraph struct {
	Text string

	Style        string // resolved style name ("heading 1", "Normal"), empty when unknown (txt); "ocr 87" for text read by OCR, with its mean word confidence
	OutlineLevel int    // 1..9 from w:outlineLvl 0..8 (style chain or direct), 0 when none
	Marker       string // numbering marker Word would display ("一、", "（二）", "1."), empty when none
	NumLevel     int    // w:ilvl of the numbering, -1 when the paragraph is not numbered
	NumID        string // w:numId of the numbering, empty when none
	Bold         bool   // every visible run bold
	Centered     bool   // w:jc center
	PageBreak    bool   // starts a new page (pageBreakBefore or a page break before its text)
}

// Pos says where a block or cell came from in its file.
type Pos struct {
	Line    int // txt: first line, from 1
	EndLine int // txt: last line
	Index   int // docx: index of the element among w:body's children, from 0
	Page    int // pdf and scans: the page the block starts on, from 1; 0 when not paged
}

// Table is a grid of cells. A merged cell appears once, at its top-left grid
// position, with its spans.
type Table struct {
	No    int // from 1, as in Document.Tables
	Rows  int
	Cols  int
	Cells []Cell // row-major order
	Pos   Pos

	// A nested table names the cell it stands in; 0 for a body table.
	ParentTable int
	ParentRow   int
	ParentCol   int

	grid []int32 // Cell's index, built on first use: grid position → index in Cells + 1
}

// Cell is one cell of a Table's grid.
type Cell struct {
	Row, Col         int    // top-left grid position, from 0
	RowSpan, ColSpan int    // at least 1
	Text             string // paragraphs joined by "\n"
	Paras            []Paragraph
	Pos              Pos
}

// Cell returns the cell that covers grid position (row, col), or nil.
//
// The first call indexes the grid, so that walking a table cell by cell
// stays linear; a table's cells must not change after that. A grid far
// larger than its cells (a hostile file's) is searched instead, rather
// than indexed at a size its cells do not justify.
func (t *Table) Cell(row, col int) *Cell {
	if row < 0 || col < 0 || row >= t.Rows || col >= t.Cols {
		return nil
	}
	if size := t.Rows * t.Cols; size > 64*len(t.Cells)+4096 {
		for i := range t.Cells {
			c := &t.Cells[i]
			if row >= c.Row && row < c.Row+max(c.RowSpan, 1) && col >= c.Col && col < c.Col+max(c.ColSpan, 1) {
				return c
			}
		}
		return nil
	}
	if len(t.grid) != t.Rows*t.Cols {
		t.grid = make([]int32, t.Rows*t.Cols)
		for i, c := range t.Cells {
			for r := c.Row; r < c.Row+max(c.RowSpan, 1) && r < t.Rows; r++ {
				for k := c.Col; k < c.Col+max(c.ColSpan, 1) && k < t.Cols; k++ {
					if r >= 0 && k >= 0 && t.grid[r*t.Cols+k] == 0 {
						t.grid[r*t.Cols+k] = int32(i + 1)
					}
				}
			}
		}
	}
	if i := t.grid[row*t.Cols+col]; i > 0 {
		return &t.Cells[i-1]
	}
	return nil
}

// Part is text kept apart from the body.
type Part struct {
	Kind string // "header", "footer", "footnote", "endnote", "comment"
	Name string // part name in the package, e.g. "word/header1.xml"
	Text string
}
