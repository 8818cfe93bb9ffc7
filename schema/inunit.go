package schema

import (
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
)

// A search unit's text (unit_texts) is stored once however many documents
// repeat it; blocks, findings and table_cells name a text of their own
// document's units rather than store it again where the unit holds it as
// written (migrations 0015, 0017, 0020), and the views read it back.

// minInUnit is the shortest paragraph or finding (in bytes) stored as a
// place in a unit text rather than as text: text_id, text_at and text_len
// cost about what 32 bytes of text do.
const minInUnit = 32

// minCellInUnit is the shortest cell text (in bytes) that table_cells
// stores as the id of a unit text rather than as text: an id takes one to
// three bytes.
const minCellInUnit = 4

// unitPlace is where a unit's text holds a text as written: from
// character at (from 1, as SQL's substr counts) for n characters. A nil
// unit holds none.
type unitPlace struct {
	unit  *model.IndexUnit
	at, n int
}

// placeCol is a column of where a unit text holds a row's text (place
// says where), NULL when none does and the row stores its text: value
// gives the column's part of the place.
func placeCol[T any](name string, place func(*scope, *T) unitPlace, value func(*scope, unitPlace) any) column[T] {
	return col(name, "", func(s *scope, v *T) any {
		if p := place(s, v); p.unit != nil {
			return value(s, p)
		}
		return nil
	})
}

// The parts of a place: the unit text's id, the character it starts at,
// its length in characters.
func placeID(s *scope, p unitPlace) any  { return textKey(s.textID(p.unit)) }
func placeAt(_ *scope, p unitPlace) any  { return p.at }
func placeLen(_ *scope, p unitPlace) any { return p.n }

// indexUnits sets what the scope needs to find a text in the search units
// of index: for each block of a body of n blocks, the unit of the section
// it falls in, the last section unit whose heading is at or before it
// (nil before the first; migration 0015 follows the same rule); the
// section units by report and section; the cell units by text.
func (s *scope) indexUnits(n int, index []model.IndexUnit) {
	for i := range index {
		if u := &index[i]; u.Kind == "cell" {
			if s.cellUnit == nil {
				s.cellUnit = map[string]*model.IndexUnit{}
			}
			s.cellUnit[u.Text] = u
		}
	}
	s.sectionUnit, s.unitOf = sectionUnits(n, index)
}

// sectionUnits returns, for each block of a body of n blocks, the search
// unit of the section it falls in, and the section units by report and
// section (see indexUnits).
func sectionUnits(n int, index []model.IndexUnit) ([]*model.IndexUnit, map[[2]int]*model.IndexUnit) {
	at := make([]*model.IndexUnit, n)
	of := map[[2]int]*model.IndexUnit{}
	for i := range index {
		u := &index[i]
		if u.Kind != "section" {
			continue
		}
		of[[2]int{u.Report, u.Section}] = u
		if u.Block >= 0 && u.Block < n {
			at[u.Block] = u
		}
	}
	if len(of) == 0 {
		return nil, nil
	}
	var cur *model.IndexUnit
	for i, u := range at {
		if u != nil {
			cur = u
		}
		at[i] = cur
	}
	return at, of
}

// inUnit says where the unit text of its section holds paragraph block
// b, the scope's row n, so that blocks need not store its text again: a
// section's unit text is its title and body, and the body its
// paragraphs.
func (s *scope) inUnit(b *model.Block) unitPlace {
	if b.Kind != model.KindParagraph || s.n >= len(s.sectionUnit) {
		return unitPlace{}
	}
	return s.placed(b, s.sectionUnit[s.n], b.Para.Text)
}

// findingInUnit says where the unit text of its section holds finding
// f's text: an item of a section's body (migration 0017).
func (s *scope) findingInUnit(f *model.Finding) unitPlace {
	return s.placed(f, s.unitOf[[2]int{len(s.reports) - 1, f.Section}], f.Text)
}

// cellInUnit returns the cell unit whose text is c's as written, nil if
// none or c's text is short: table_cells then names that text rather than
// store it again (migration 0020).
func (s *scope) cellInUnit(c *model.Cell) *model.IndexUnit {
	if len(c.Text) < minCellInUnit {
		return nil
	}
	return s.cellUnit[c.Text]
}

// placed returns where u's text holds text, for the row whose model value
// is v: each column of the row asks in turn, and the answer is kept.
func (s *scope) placed(v any, u *model.IndexUnit, text string) unitPlace {
	if s.placedFor == v {
		return s.place
	}
	s.placedFor, s.place = v, s.placeIn(u, text)
	return s.place
}

// placeIn returns where u's text holds text as written, if it does and
// text is long enough to be worth a place.
func (s *scope) placeIn(u *model.IndexUnit, text string) unitPlace {
	if u == nil || len(text) < minInUnit || !sqlChars(text) {
		return unitPlace{}
	}
	i := strings.Index(u.Text, text)
	if i < 0 {
		return unitPlace{}
	}
	// The text before i is checked and counted from the last place found
	// in u when that comes before i (a place starts a valid character, so
	// the two parts are valid when each is).
	from, runes := 0, 0
	if s.placedUnit == u && s.placedEnd <= i {
		from, runes = s.placedEnd, s.placedRunes
	}
	if !sqlChars(u.Text[from:i]) {
		return unitPlace{}
	}
	runes += utf8.RuneCountInString(u.Text[from:i])
	s.placedUnit, s.placedEnd, s.placedRunes = u, i, runes
	return unitPlace{unit: u, at: runes + 1, n: utf8.RuneCountInString(text)}
}

// sqlChars says whether SQLite counts the characters of s as Go counts its
// runes: valid UTF-8 without NUL (where SQLite's length stops).
func sqlChars(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}
