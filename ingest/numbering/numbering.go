// Package numbering renders Word automatic numbering (word/numbering.xml)
// into the marker text Word displays before a paragraph: "一、", "（二）",
// "1.", "1.2.3", "①".
//
// In Chinese reports the heading numbers are usually generated this way and
// never appear in the paragraph text, so a reader that ignores numbering
// loses every "一、" of the document.
//
// Parse reads the definitions once per document; a Counter then walks the
// numbered paragraphs in document order:
//
//	defs, err := numbering.Parse(numberingXML)
//	c := defs.NewCounter()
//	for each paragraph with numPr (numId, ilvl):
//		marker, ok := c.Next(numID, ilvl)
//
// Counting follows ECMA-376 Part 1 §17.9 as Word implements it: the running
// count belongs to the abstract numbering definition, so several w:num that
// share one w:abstractNum continue one sequence; a w:num with
// w:lvlOverride/w:startOverride restarts its levels where it is first used;
// a level restarts after a higher level unless w:lvlRestart says otherwise.
package numbering

import (
	"fmt"
	"strconv"
)

// Level is one level of a list definition, as Next renders it.
type Level struct {
	Ilvl    int    // 0..8
	Start   int    // w:start; 0 when absent, as the standard says
	NumFmt  string // w:numFmt, "decimal" when absent
	LvlText string // w:lvlText, e.g. "%1、" or "（%2）"
	Suffix  string // w:suff: "tab" (the default), "space" or "nothing"
	Restart int    // w:lvlRestart: -1 when absent, 0 never, n after level n (1-based) or higher
	IsLgl   bool   // w:isLgl: show every level's number in decimal
	PStyle  string // w:pStyle: the paragraph style tied to this level

	format numFmt
	pad    int // zero-padded width of a w14 custom format ("001, 002, 003, ...")
}

// SuffixText returns the text Word puts between the marker and the
// paragraph text: "\t", " " or "".
func (l *Level) SuffixText() string {
	switch l.Suffix {
	case "space":
		return " "
	case "nothing":
		return ""
	}
	return "\t"
}

// abstractNum is a w:abstractNum: nine levels and, for a list defined by a
// numbering style, the style it points to.
type abstractNum struct {
	id           string
	levels       [9]*Level
	numStyleLink string // w:numStyleLink: take levels and count from that numbering style's list
	styleLink    string // w:styleLink: this is the list of that numbering style
	list         int    // index of the abstractNum whose counters it uses
}

// num is a w:num: an instance of an abstractNum with per-level overrides.
type num struct {
	id       string
	index    int       // position in Definitions.nums
	absID    string    // w:abstractNumId
	abstract int       // index into Definitions.abstracts, -1 when unresolved
	levels   [9]*Level // effective levels: overrides, else the list's
	own      [9]bool   // levels[i] comes from a w:lvlOverride/w:lvl
	// startOverride values, applied when the num is first used.
	restart    [9]int
	hasRestart [9]bool
}

// Definitions is the parsed numbering part of one document. It is
// read-only after Parse and may be shared; counting state lives in a
// Counter.
type Definitions struct {
	abstracts  []abstractNum
	nums       []*num
	numByID    map[string]*num
	styles     map[string]styleNumPr // from styles.xml, nil when not given
	levelStyle map[string]styleLevel // w:lvl/w:pStyle → the num and level it starts
}

type styleLevel struct {
	numID string
	ilvl  int
}

// ParseError reports a numbering or styles part that is not well-formed
// XML.
type ParseError struct {
	Part string // "word/numbering.xml" or "word/styles.xml"
	Line int    // line of the error, from 1; 0 when unknown
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Part, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Part, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Level returns the level definition that paragraphs of numID at ilvl
// use, after w:lvlOverride and numbering-style links; nil when there is
// none. The Level belongs to the Definitions and must not be modified.
func (d *Definitions) Level(numID string, ilvl int) *Level {
	n := d.num(numID)
	if n == nil || ilvl < 0 || ilvl > 8 {
		return nil
	}
	return n.levels[ilvl]
}

// StyleNumbering returns the numbering a paragraph style carries: from the
// style's own w:numPr (or its w:basedOn chain) when styles.xml was given,
// else from the w:lvl whose w:pStyle names the style. ok is false when the
// style has no numbering or removes it (numId 0).
func (d *Definitions) StyleNumbering(styleID string) (numID string, ilvl int, ok bool) {
	if d == nil || styleID == "" {
		return "", 0, false
	}
	if d.styles != nil {
		if sn, found := d.styleChainNumPr(styleID); found {
			if sn.numID == "0" || d.num(sn.numID) == nil {
				return "", 0, false
			}
			ilvl = sn.ilvl
			if !sn.hasIlvl {
				ilvl = 0
				if n := d.num(sn.numID); n != nil {
					for i, l := range n.levels {
						if l != nil && l.PStyle == styleID {
							ilvl = i
							break
						}
					}
				}
			}
			return sn.numID, ilvl, true
		}
	}
	if sl, found := d.levelStyle[styleID]; found {
		return sl.numID, sl.ilvl, true
	}
	return "", 0, false
}

func (d *Definitions) num(id string) *num {
	if d == nil || id == "" || id == "0" {
		return nil
	}
	return d.numByID[id]
}

// styleChainNumPr merges the numPr of a style with those of the styles it
// is based on: numId and ilvl each come from the nearest style that sets
// them, as Word's style inheritance does.
func (d *Definitions) styleChainNumPr(styleID string) (styleNumPr, bool) {
	var out styleNumPr
	id := styleID
	for depth := 0; depth < 32 && id != ""; depth++ {
		s, ok := d.styles[id]
		if !ok {
			break
		}
		if !out.hasIlvl && s.hasIlvl {
			out.ilvl, out.hasIlvl = s.ilvl, true
		}
		if out.numID == "" && s.numID != "" {
			out.numID = s.numID
		}
		if out.numID != "" && out.hasIlvl {
			break
		}
		id = s.basedOn
	}
	return out, out.numID != ""
}

// resolve links levels, style links and nums once parsing is done.
func (d *Definitions) resolve() {
	abstractByID := make(map[string]int, len(d.abstracts))
	styleLinked := make(map[string]int)
	for i := range d.abstracts {
		a := &d.abstracts[i]
		if _, dup := abstractByID[a.id]; !dup {
			abstractByID[a.id] = i
		}
		if a.styleLink != "" {
			if _, dup := styleLinked[a.styleLink]; !dup {
				styleLinked[a.styleLink] = i
			}
		}
	}
	// A w:numStyleLink abstractNum takes its levels and its counters from the
	// abstractNum that defines the numbering style: through the style's
	// numId when styles.xml is known, else through the matching w:styleLink.
	target := func(i int) int {
		seen := 0
		for d.abstracts[i].numStyleLink != "" && seen < 8 {
			link := d.abstracts[i].numStyleLink
			next := -1
			if s, ok := d.styles[link]; ok && s.numID != "" {
				if n, ok := d.numByID[s.numID]; ok {
					if j, ok := abstractByID[n.absID]; ok {
						next = j
					}
				}
			}
			if next < 0 {
				if j, ok := styleLinked[link]; ok {
					next = j
				}
			}
			if next < 0 || next == i {
				break
			}
			i = next
			seen++
		}
		return i
	}
	for i := range d.abstracts {
		d.abstracts[i].list = target(i)
	}
	for _, n := range d.nums {
		n.abstract = -1
		j, ok := abstractByID[n.absID]
		if !ok {
			continue
		}
		list := d.abstracts[j].list
		n.abstract = list
		for l := 0; l < 9; l++ {
			if n.levels[l] == nil {
				n.levels[l] = d.abstracts[list].levels[l]
			}
		}
	}
	// Map each w:pStyle to the first num (lowest id, preferring one without
	// overrides) of its list.
	d.levelStyle = make(map[string]styleLevel)
	best := make(map[string]*num)
	for _, n := range d.nums {
		if n.abstract < 0 {
			continue
		}
		for l, lvl := range d.abstracts[n.abstract].levels {
			if lvl == nil || lvl.PStyle == "" {
				continue
			}
			if b, ok := best[lvl.PStyle]; ok && !betterNum(n, b) {
				continue
			}
			best[lvl.PStyle] = n
			d.levelStyle[lvl.PStyle] = styleLevel{n.id, l}
		}
	}
}

// betterNum reports whether a is a better representative of its list than b.
func betterNum(a, b *num) bool {
	ao, bo := a.overridden(), b.overridden()
	if ao != bo {
		return !ao
	}
	ai, aerr := strconv.Atoi(a.id)
	bi, berr := strconv.Atoi(b.id)
	if aerr == nil && berr == nil {
		return ai < bi
	}
	return a.index < b.index
}

func (n *num) overridden() bool {
	for i, r := range n.hasRestart {
		if r || n.own[i] {
			return true
		}
	}
	return false
}
