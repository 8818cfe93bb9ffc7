package schema

import (
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
)

// minInUnit is the shortest paragraph (in bytes) that blocks stores as a
// place in a unit text rather than as text: text_id, text_at and text_len
// cost about what 32 bytes of text do.
const minInUnit = 32

// unitPlace is where a unit's text holds a paragraph as written: from
// character at (from 1, as SQL's substr counts) for n characters. A nil
// unit holds none.
type unitPlace struct {
	unit  *model.IndexUnit
	at, n int
}

// sectionUnits returns, for each block of a body of n blocks, the search
// unit of the section it falls in: the last section unit whose heading
// is at or before it (nil before the first). Migration 0015 follows the
// same rule.
func sectionUnits(n int, index []model.IndexUnit) []*model.IndexUnit {
	at := make([]*model.IndexUnit, n)
	found := false
	for i := range index {
		if u := &index[i]; u.Kind == "section" && u.Block >= 0 && u.Block < n {
			at[u.Block], found = u, true
		}
	}
	if !found {
		return nil
	}
	var cur *model.IndexUnit
	for i, u := range at {
		if u != nil {
			cur = u
		}
		at[i] = cur
	}
	return at
}

// inUnit says where the unit text of its section holds paragraph block
// b, the scope's row n, so that blocks need not store its text again: a
// section's unit text is its title and body, and the body its
// paragraphs. The columns of one block ask in turn: the answer is kept.
func (s *scope) inUnit(b *model.Block) unitPlace {
	if s.placed == b {
		return s.place
	}
	s.placed, s.place = b, unitPlace{}
	if b.Kind != model.KindParagraph || s.n >= len(s.sectionUnit) || s.sectionUnit[s.n] == nil {
		return s.place
	}
	u, text := s.sectionUnit[s.n], b.Para.Text
	if len(text) < minInUnit || !sqlChars(text) {
		return s.place
	}
	i := strings.Index(u.Text, text)
	if i < 0 || !sqlChars(u.Text[:i]) {
		return s.place
	}
	s.place = unitPlace{unit: u, at: utf8.RuneCountInString(u.Text[:i]) + 1, n: utf8.RuneCountInString(text)}
	return s.place
}

// sqlChars says whether SQLite counts the characters of s as Go counts its
// runes: valid UTF-8 without NUL (where SQLite's length stops).
func sqlChars(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}
