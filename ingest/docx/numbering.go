package docx

// numberingDefs is what the reader needs of ingest/numbering: the parsed
// numbering part, a counter per document, and the numbering that a level's
// w:pStyle links to a paragraph style.
type numberingDefs interface {
	newCounter() markerCounter
	styleNumbering(styleID string) (numID string, ilvl int, ok bool)
}

// markerCounter renders the marker of the next numbered paragraph; ok is
// false for numId 0, an unknown numId or numFmt none.
type markerCounter interface {
	Next(numID string, ilvl int) (marker string, ok bool)
}

// noNumbering stands in when the document has no numbering part or the
// numbering package cannot read it.
type noNumbering struct{}

func (noNumbering) newCounter() markerCounter                 { return noNumbering{} }
func (noNumbering) styleNumbering(string) (string, int, bool) { return "", 0, false }
func (noNumbering) Next(string, int) (string, bool)           { return "", false }

// parseNumbering reads word/numbering.xml. Until ingest/numbering lands,
// the reader resolves numbering references but renders no markers.
func parseNumbering([]byte) (numberingDefs, error) { return noNumbering{}, nil }
