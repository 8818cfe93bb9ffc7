// Package sheet reads spreadsheets: .xlsx with excelize, and .xls and
// Kingsoft .et by converting them to .xlsx with LibreOffice first. Each
// sheet becomes a paragraph naming it followed by a table, laid on the
// grid by model.GridBuilder like a Word table, so that a form kept as a
// spreadsheet gives the same facts as the same form in Word.
package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/ingest/soffice"
)

// Version changes whenever the reader's output changes.
const Version = "1"

// Bounds on what is read of one sheet, so that a hostile sheet (a used
// range of a million rows, say) costs a bounded amount: what lies beyond
// is dropped with a warning.
const (
	MaxRows  = 20000
	MaxCols  = 256
	MaxCells = 500000
)

// Reader reads .xlsx files.
type Reader struct{}

func (Reader) Name() string        { return "xlsx" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.XLSX} }

// Read reads a workbook held in memory (see ReadBytes) within the limits
// ctx carries (model.WithLimits): what its parts inflate to.
func (Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	return readBytes(path, data, model.LimitsFrom(ctx))
}

// Legacy reads .xls and .et files by converting them with LibreOffice.
// Without LibreOffice, or without its Calc, they are skipped with an
// error that names the package to install.
type Legacy struct {
	conv *soffice.Converter
}

// NewLegacy makes a reader that converts with conv; the caller closes conv.
func NewLegacy(conv *soffice.Converter) *Legacy { return &Legacy{conv: conv} }

func (*Legacy) Name() string        { return "xls" }
func (*Legacy) Kinds() []sniff.Kind { return []sniff.Kind{sniff.XLS} }

// Version names this reader and LibreOffice, so that installing or
// upgrading LibreOffice reads these files again.
func (l *Legacy) Version() string { return Version + "; " + l.conv.Version() }

// Read converts the workbook to .xlsx and reads that.
func (l *Legacy) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	// Kingsoft .et files are Excel's binary format: LibreOffice reads
	// them as .xls.
	out, err := l.conv.Convert(ctx, path, data, "xls", soffice.XLSX)
	if err != nil {
		return nil, err
	}
	doc, err := readBytes(path, out, model.LimitsFrom(ctx))
	if err != nil {
		return nil, fmt.Errorf("%w (in the .xlsx LibreOffice made of it)", err)
	}
	doc.Format = string(sniff.XLS)
	return doc, nil
}

// ReadBytes reads an .xlsx workbook: each visible sheet that holds a value
// is a paragraph with its name and a table of its used range, each cell's
// value as the spreadsheet shows it (numbers in their number format,
// dates as dates). name names the file in the document and in errors.
func ReadBytes(name string, data []byte) (doc *model.Document, err error) {
	return readBytes(name, data, model.DefaultLimits())
}

// readBytes is ReadBytes within l: a workbook whose parts declare more
// than l.MaxInflated bytes is refused before any is inflated.
func readBytes(name string, data []byte, l model.Limits) (doc *model.Document, err error) {
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		var size uint64
		for _, f := range zr.File {
			size += f.UncompressedSize64
		}
		if size > uint64(l.MaxInflated) {
			return nil, &model.LimitError{Path: name, What: "bytes inflated", Limit: l.MaxInflated, Flag: "max-inflated"}
		}
	}
	defer func() {
		// Bad input must never bring the caller down.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: not a readable .xlsx workbook: internal error: %v", name, r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		// excelize counts the parts' declared sizes too; it keeps a part
		// over UnzipXMLSizeLimit in a temporary file rather than memory.
		UnzipSizeLimit:    l.MaxInflated,
		UnzipXMLSizeLimit: min(16<<20, l.MaxInflated),
		ShortDatePattern:  "yyyy/m/d", // as Excel shows dates in China
		CultureInfo:       excelize.CultureNameZhCN,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable .xlsx workbook: %w", name, err)
	}
	defer f.Close()
	doc = &model.Document{Path: name, Format: string(sniff.XLSX)}
	for _, s := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(s); err == nil && !visible {
			continue
		}
		g, err := readGrid(f, s)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q: %w", name, s, err)
		}
		doc.Warnings = append(doc.Warnings, g.warnings...)
		if g.empty() {
			continue
		}
		doc.Body = append(doc.Body, model.Block{
			Kind: model.KindParagraph,
			Para: model.Paragraph{Text: s, NumLevel: -1},
			Pos:  model.Pos{Index: len(doc.Body)},
		})
		for _, title := range g.titles() {
			doc.Body = append(doc.Body, model.Block{
				Kind: model.KindParagraph,
				Para: model.Paragraph{Text: title, NumLevel: -1, Centered: true},
				Pos:  model.Pos{Index: len(doc.Body)},
			})
		}
		if g.empty() {
			continue
		}
		no := g.build(doc, len(doc.Body))
		doc.Body = append(doc.Body, model.Block{Kind: model.KindTable, TableNo: no, Pos: model.Pos{Index: len(doc.Body)}})
	}
	return doc, nil
}

// grid is the used range of a sheet: its values and merged ranges, from
// the first row and column that hold a value.
type grid struct {
	name     string
	values   [][]string // by row, then column; rows may be short
	merges   []merge
	row0     int // spreadsheet row of values[0], from 1
	warnings []string
}

// merge is a merged range in grid coordinates, from 0.
type merge struct{ top, left, bottom, right int }

func (g *grid) empty() bool { return len(g.values) == 0 }

// readGrid reads the values and merges of sheet, within the bounds.
func readGrid(f *excelize.File, sheet string) (*grid, error) {
	g := &grid{name: sheet}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	var values [][]string
	cells := 0
	for rows.Next() {
		if len(values) == MaxRows || cells >= MaxCells {
			g.warnings = append(g.warnings, fmt.Sprintf("sheet %q: rows after %d dropped (at most %d rows and %d cells are read)", sheet, len(values), MaxRows, MaxCells))
			break
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return nil, err
		}
		if len(cols) > MaxCols {
			if strings.Join(cols[MaxCols:], "") != "" {
				g.warnings = append(g.warnings, fmt.Sprintf("sheet %q row %d: cells after column %d dropped", sheet, len(values)+1, MaxCols))
			}
			cols = cols[:MaxCols]
		}
		cells += len(cols)
		values = append(values, cols)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	var ms []merge
	for _, m := range merged {
		left, top, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		right, bottom, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || right < left || bottom < top {
			continue
		}
		ms = append(ms, merge{top - 1, left - 1, bottom - 1, right - 1})
	}
	g.crop(values, ms)
	return g, nil
}

// crop keeps the rectangle from the first to the last row and column that
// hold a value, and the merges that start in it, cut to it.
func (g *grid) crop(values [][]string, ms []merge) {
	top, left, bottom, right := -1, -1, -1, -1
	for r, row := range values {
		for c, v := range row {
			if strings.TrimSpace(v) == "" {
				continue
			}
			if top < 0 {
				top = r
			}
			bottom = r
			if left < 0 || c < left {
				left = c
			}
			right = max(right, c)
		}
	}
	if top < 0 {
		return
	}
	g.row0 = top + 1
	for _, row := range values[top : bottom+1] {
		row = row[min(left, len(row)):min(right+1, len(row))]
		g.values = append(g.values, row)
	}
	for _, m := range ms {
		if m.top < top || m.top > bottom || m.left < left || m.left > right {
			continue
		}
		g.merges = append(g.merges, merge{m.top - top, m.left - left, min(m.bottom, bottom) - top, min(m.right, right) - left})
	}
}

// titles takes off the grid the rows at its top that are one cell merged
// across its whole width, and returns their text: that is how a
// spreadsheet writes the title a Word form has as a paragraph above its
// table ("项目支出绩效自评表（2022年度）").
func (g *grid) titles() []string {
	width := 0
	for _, row := range g.values {
		width = max(width, len(row))
	}
	for _, m := range g.merges {
		width = max(width, m.right+1)
	}
	var out []string
	for len(g.values) > 0 && width > 1 {
		k := -1
		for i, m := range g.merges {
			if m.top == 0 && m.bottom == 0 && m.left == 0 && m.right == width-1 {
				k = i
			}
		}
		text := strings.TrimSpace(cellText(g.values[0], 0))
		if k < 0 || text == "" {
			break
		}
		out = append(out, text)
		g.values, g.row0 = g.values[1:], g.row0+1
		ms := g.merges[:0]
		for i, m := range g.merges {
			if i != k && m.top > 0 {
				ms = append(ms, merge{m.top - 1, m.left, m.bottom - 1, m.right})
			}
		}
		g.merges = ms
	}
	return out
}

// build lays the grid on a table of doc with a GridBuilder; index is the
// table's place in the body.
func (g *grid) build(doc *model.Document, index int) int {
	width := 0
	for _, row := range g.values {
		width = max(width, len(row))
	}
	// at tells the merge that covers each position, if any.
	at := map[[2]int]int{}
	for i, m := range g.merges {
		for r := m.top; r <= m.bottom; r++ {
			for c := m.left; c <= m.right; c++ {
				if _, taken := at[[2]int{r, c}]; !taken {
					at[[2]int{r, c}] = i
				}
			}
		}
		width = max(width, m.right+1)
	}
	b := model.NewGridBuilder(doc, model.Table{Cols: width, Pos: model.Pos{Index: index}})
	for r, row := range g.values {
		b.StartRow(0)
		for c := 0; c < width; {
			pos := model.Pos{Line: g.row0 + r, EndLine: g.row0 + r}
			i, inMerge := at[[2]int{r, c}]
			if !inMerge {
				b.Add(model.GridCell{Span: 1, Paras: paras(cellText(row, c)), Pos: pos})
				c++
				continue
			}
			m := g.merges[i]
			span := m.right - c + 1
			// The value of a merged range is its top-left cell's; the
			// rows below continue it.
			b.Add(model.GridCell{Span: span, Paras: paras(cellText(row, c)), Pos: pos, ContinueUp: r > m.top})
			c += span
		}
		b.EndRow(0)
	}
	return b.Done()
}

func cellText(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// paras splits a cell's text at its line breaks, as a Word cell holds
// paragraphs.
func paras(text string) []model.Paragraph {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	out := make([]model.Paragraph, len(lines))
	for i, l := range lines {
		out[i] = model.Paragraph{Text: l, NumLevel: -1}
	}
	return out
}
