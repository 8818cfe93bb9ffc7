package tables

import "github.com/govreports/govreports/ingest/model"

// A Detector tells one kind of table block by its header.
type Detector interface {
	Kind() string
	// Detect reports whether a block headed by header (normalised as
	// HeaderAt gives it) is of this kind.
	Detect(header []string) bool
}

// A KindReader is a Detector that also reads the blocks of its kind into
// the report the table belongs to.
type KindReader interface {
	Detector
	Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report)
}

// DefaultKinds lists the block kinds a report's tables hold, in the order
// they are tried: the first whose Detect claims a header names its block.
// A new kind is a file with its Detector (or KindReader) and a line here.
func DefaultKinds() []Detector {
	return []Detector{
		fundsReader{},
		fundRowsReader{},
		evaluatorsReader{},
		goalsKind{},
		indicatorsReader{},
		scoresReader{},
		budgetScoreReader{},
	}
}

// A Reader reads tables with a list of block kinds.
type Reader struct {
	kinds []Detector
}

// NewReader returns a Reader that tells block kinds apart with kinds,
// tried in order.
func NewReader(kinds ...Detector) *Reader {
	return &Reader{kinds: append([]Detector(nil), kinds...)}
}

// kind tells a block's kind by its header: the first kind that claims it,
// of those with a reader only when readers is set.
func (rd *Reader) kind(header []string, readers bool) string {
	for _, k := range rd.kinds {
		if _, ok := k.(KindReader); readers && !ok {
			continue
		}
		if k.Detect(header) {
			return k.Kind()
		}
	}
	return ""
}

// ReadBlocks reads the blocks of rt (read from t) whose kind has a reader
// into report r, with every reader of the kind: a form's funds block gives
// the funds and the score of the budget's execution.
func (rd *Reader) ReadBlocks(t *model.Table, rt model.ReportTable, r *model.Report) {
	for _, b := range rt.Blocks {
		for _, k := range rd.kinds {
			if kr, ok := k.(KindReader); ok && k.Kind() == b.Kind {
				kr.Read(t, rt, b, r)
			}
		}
	}
}

// Reads reports whether a block of rt other than its title and cover rows
// has a kind rd reads: a table the structure takes for a cover (a form
// without a funds block) may still stack indicators under its cover rows.
func (rd *Reader) Reads(rt model.ReportTable) bool {
	for _, b := range rt.Blocks {
		if b.Kind != "" && rd.kind(b.Header, true) == b.Kind {
			return true
		}
	}
	return false
}

// blockView is rt seen as block b: b's header and kind in place of the
// main block's, so that a reader of one block reads as it would a table.
func blockView(rt model.ReportTable, b model.TableBlock) model.ReportTable {
	rt.HeaderRow, rt.Header, rt.Kind = b.HeaderRow, b.Header, b.Kind
	return rt
}
