package model

import (
	"context"
	"fmt"
)

// Limits bound what one file may cost. A file past one of them fails
// alone, with a sentence naming the limit; the run goes on. The defaults
// leave room for the largest real reports (a few MB of text) many times
// over while keeping one file's memory well under a gigabyte.
type Limits struct {
	MaxFileBytes int64 // bytes of the file on disk; refused by its size before it is read
	MaxPartBytes int64 // bytes one inflated part of a package may hold
	MaxInflated  int64 // bytes all the parts a file inflates may hold, imported documents included
	MaxElements  int   // XML or HTML elements of a file, every part and imported document included
	MaxDepth     int   // nesting of XML elements (which bounds tables inside tables)
	MaxParts     int   // documents a file may pull in (w:altChunk imports, sub-documents)
	MaxBlocks    int   // paragraphs and tables of a file, those inside table cells included
	MaxCells     int   // table cells of a file
	MaxTextBytes int64 // bytes of text a file may yield
	MaxLineBytes int   // bytes of one line or paragraph; a longer .txt line is cut into blocks of this size
	MaxFigures   int   // figures extraction may find in one file
	MaxMembers   int   // files a .zip archive may hold; each is then a file of its own to the other limits
}

// DefaultLimits returns the limits used when none are given.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes: 256 << 20,
		MaxPartBytes: 256 << 20,
		MaxInflated:  512 << 20,
		MaxElements:  2_000_000,
		MaxDepth:     256,
		MaxParts:     64,
		MaxBlocks:    200_000,
		MaxCells:     500_000,
		MaxTextBytes: 32 << 20,
		MaxLineBytes: 1 << 20,
		MaxFigures:   200_000,
		MaxMembers:   10_000,
	}
}

// orDefault fills the zero fields of l from DefaultLimits, so that a
// caller may set only the limits it cares about.
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	set64 := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set64(&l.MaxFileBytes, d.MaxFileBytes)
	set64(&l.MaxPartBytes, d.MaxPartBytes)
	set64(&l.MaxInflated, d.MaxInflated)
	set(&l.MaxElements, d.MaxElements)
	set(&l.MaxDepth, d.MaxDepth)
	set(&l.MaxParts, d.MaxParts)
	set(&l.MaxBlocks, d.MaxBlocks)
	set(&l.MaxCells, d.MaxCells)
	set64(&l.MaxTextBytes, d.MaxTextBytes)
	set(&l.MaxLineBytes, d.MaxLineBytes)
	set(&l.MaxFigures, d.MaxFigures)
	set(&l.MaxMembers, d.MaxMembers)
	return l
}

type limitsKey struct{}

// WithLimits returns a context that carries l to the readers: limits
// travel with the file being read, like its deadline.
func WithLimits(ctx context.Context, l Limits) context.Context {
	return context.WithValue(ctx, limitsKey{}, l.orDefault())
}

// LimitsFrom returns the limits ctx carries, or DefaultLimits.
func LimitsFrom(ctx context.Context) Limits {
	if l, ok := ctx.Value(limitsKey{}).(Limits); ok {
		return l
	}
	return DefaultLimits()
}

// LimitError is a file that went past one of its Limits.
type LimitError struct {
	Path  string
	What  string // what was counted, plural: "paragraphs", "bytes of text"
	Limit int64
	Flag  string // the command-line flag that sets the limit
}

func (e *LimitError) Error() string {
	if e.Path == "" { // a reader that names the file itself wraps it
		return fmt.Sprintf("more than %d %s (limit --%s): not read", e.Limit, e.What, e.Flag)
	}
	return fmt.Sprintf("%s: more than %d %s (limit --%s): not read", e.Path, e.Limit, e.What, e.Flag)
}

// Budget counts what one file has used of its Limits. It belongs to one
// reader of one file; it is not safe for concurrent use.
type Budget struct {
	Limits
	Path string

	elements, parts, blocks, cells int
	text, inflated                 int64
	err                            error // the first limit passed: it stays passed
}

// NewBudget returns an empty budget for the file at path.
func NewBudget(path string, l Limits) *Budget {
	return &Budget{Limits: l.orDefault(), Path: path}
}

func (b *Budget) fail(what string, limit int64, flag string) error {
	if b.err == nil {
		b.err = &LimitError{Path: b.Path, What: what, Limit: limit, Flag: flag}
	}
	return b.err
}

// Err returns the error of the first limit passed, or nil: a reader that
// turns some errors into warnings asks it before it returns.
func (b *Budget) Err() error { return b.err }

// Elements counts n XML or HTML elements.
func (b *Budget) Elements(n int) error {
	if b.elements += n; b.elements > b.MaxElements {
		return b.fail("elements", int64(b.MaxElements), "max-elements")
	}
	return nil
}

// Depth checks a nesting depth.
func (b *Budget) Depth(d int) error {
	if d > b.MaxDepth {
		return b.fail("levels of nesting", int64(b.MaxDepth), "max-depth")
	}
	return nil
}

// Part counts one document pulled in.
func (b *Budget) Part() error {
	if b.parts++; b.parts > b.MaxParts {
		return b.fail("imported documents", int64(b.MaxParts), "max-parts")
	}
	return nil
}

// Inflated counts n bytes inflated from a package.
func (b *Budget) Inflated(n int64) error {
	if b.inflated += n; b.inflated > b.MaxInflated {
		return b.fail("bytes inflated", b.MaxInflated, "max-inflated")
	}
	return nil
}

// Block counts one paragraph or table holding text bytes of text.
func (b *Budget) Block(text int) error {
	if b.blocks++; b.blocks > b.MaxBlocks {
		return b.fail("paragraphs", int64(b.MaxBlocks), "max-blocks")
	}
	if text > b.MaxLineBytes {
		return b.fail("bytes in one paragraph", int64(b.MaxLineBytes), "max-line-bytes")
	}
	return b.Text(text)
}

// Cells counts n table cells.
func (b *Budget) Cells(n int) error {
	if b.cells += n; b.cells > b.MaxCells {
		return b.fail("table cells", int64(b.MaxCells), "max-cells")
	}
	return nil
}

// Text counts n bytes of text.
func (b *Budget) Text(n int) error {
	if b.text += int64(n); b.text > b.MaxTextBytes {
		return b.fail("bytes of text", b.MaxTextBytes, "max-text-bytes")
	}
	return nil
}

// CheckLimits counts what a finished document holds against a fresh budget of
// l: the last word on every reader, whatever it checked while reading.
func CheckLimits(doc *Document, l Limits) error {
	b := NewBudget(doc.Path, l)
	for _, bl := range doc.Body {
		if err := b.Block(len(bl.Para.Text)); err != nil {
			return err
		}
	}
	for _, t := range doc.Tables {
		if err := b.Cells(len(t.Cells)); err != nil {
			return err
		}
		for _, c := range t.Cells {
			if err := b.Text(len(c.Text)); err != nil {
				return err
			}
		}
	}
	for _, p := range doc.Parts {
		if err := b.Text(len(p.Text)); err != nil {
			return err
		}
	}
	return nil
}

// FiguresError is the error of a file whose extraction found more than
// max figures.
func FiguresError(path string, max int) error {
	return &LimitError{Path: path, What: "figures", Limit: int64(max), Flag: "max-figures"}
}
