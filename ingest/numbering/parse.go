package numbering

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// The XML shapes read from numbering.xml and styles.xml. Tags carry no
// namespace so that both transitional and strict (purl.oclc.org)
// WordprocessingML match.
type (
	xVal struct {
		Val *string `xml:"val,attr"`
	}
	xNumFmt struct {
		Val    string `xml:"val,attr"`
		Format string `xml:"format,attr"` // w14 custom format, e.g. "001, 002, 003, ..."
	}
	xNumFmts struct {
		NumFmt []xNumFmt `xml:"numFmt"`
	}
	xLvl struct {
		Ilvl      string    `xml:"ilvl,attr"`
		Start     *xVal     `xml:"start"`
		NumFmt    []xNumFmt `xml:"numFmt"`
		Alternate []struct {
			Choice   []xNumFmts `xml:"Choice"`
			Fallback []xNumFmts `xml:"Fallback"`
		} `xml:"AlternateContent"`
		LvlText *struct {
			Val  string `xml:"val,attr"`
			Null string `xml:"null,attr"` // w:null="1": the text is empty
		} `xml:"lvlText"`
		Suff       *xVal `xml:"suff"`
		LvlRestart *xVal `xml:"lvlRestart"`
		IsLgl      *xVal `xml:"isLgl"`
		PStyle     *xVal `xml:"pStyle"`
	}
	xAbstractNum struct {
		ID           string `xml:"abstractNumId,attr"`
		NumStyleLink *xVal  `xml:"numStyleLink"`
		StyleLink    *xVal  `xml:"styleLink"`
		Lvl          []xLvl `xml:"lvl"`
	}
	xNum struct {
		ID            string `xml:"numId,attr"`
		AbstractNumID *xVal  `xml:"abstractNumId"`
		LvlOverride   []struct {
			Ilvl          string `xml:"ilvl,attr"`
			StartOverride *xVal  `xml:"startOverride"`
			Lvl           *xLvl  `xml:"lvl"`
		} `xml:"lvlOverride"`
	}
	xNumbering struct {
		AbstractNum []xAbstractNum `xml:"abstractNum"`
		Num         []xNum         `xml:"num"`
	}
	xStyles struct {
		Style []struct {
			ID      string `xml:"styleId,attr"`
			BasedOn *xVal  `xml:"basedOn"`
			PPr     *struct {
				NumPr *struct {
					Ilvl  *xVal `xml:"ilvl"`
					NumID *xVal `xml:"numId"`
				} `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
)

// styleNumPr is what StyleNumbering needs of one style.
type styleNumPr struct {
	basedOn string
	numID   string // "" when the style has no numPr numId
	ilvl    int
	hasIlvl bool
}

// Parse reads a numbering part (word/numbering.xml). Nil or empty input
// gives empty Definitions; malformed XML gives a *ParseError.
func Parse(numberingXML []byte) (*Definitions, error) {
	return ParseWithStyles(numberingXML, nil)
}

// ParseWithStyles is Parse with the document's styles part
// (word/styles.xml), which resolves w:numStyleLink through the numbering
// style's own numId and lets StyleNumbering read a style's w:numPr and
// w:basedOn chain. stylesXML may be nil.
func ParseWithStyles(numberingXML, stylesXML []byte) (*Definitions, error) {
	d := &Definitions{numByID: map[string]*num{}}
	if len(bytes.TrimSpace(stylesXML)) > 0 {
		var xs xStyles
		if err := decode("word/styles.xml", stylesXML, &xs); err != nil {
			return nil, err
		}
		d.styles = make(map[string]styleNumPr, len(xs.Style))
		for _, s := range xs.Style {
			if s.ID == "" {
				continue
			}
			if _, dup := d.styles[s.ID]; dup {
				continue
			}
			var sn styleNumPr
			sn.basedOn = val(s.BasedOn)
			if s.PPr != nil && s.PPr.NumPr != nil {
				sn.numID = strings.TrimSpace(val(s.PPr.NumPr.NumID))
				if v, ok := intVal(s.PPr.NumPr.Ilvl); ok && v >= 0 && v <= 8 {
					sn.ilvl, sn.hasIlvl = v, true
				}
			}
			d.styles[s.ID] = sn
		}
	}
	if len(bytes.TrimSpace(numberingXML)) > 0 {
		var xn xNumbering
		if err := decode("word/numbering.xml", numberingXML, &xn); err != nil {
			return nil, err
		}
		d.abstracts = make([]abstractNum, 0, len(xn.AbstractNum))
		for _, xa := range xn.AbstractNum {
			a := abstractNum{
				id:           strings.TrimSpace(xa.ID),
				numStyleLink: val(xa.NumStyleLink),
				styleLink:    val(xa.StyleLink),
			}
			for i := range xa.Lvl {
				l := newLevel(&xa.Lvl[i], -1)
				if l != nil && a.levels[l.Ilvl] == nil {
					a.levels[l.Ilvl] = l
				}
			}
			d.abstracts = append(d.abstracts, a)
		}
		for _, xnum := range xn.Num {
			n := &num{id: strings.TrimSpace(xnum.ID), index: len(d.nums), absID: strings.TrimSpace(val(xnum.AbstractNumID))}
			if n.id == "" {
				continue
			}
			if _, dup := d.numByID[n.id]; dup {
				continue
			}
			for _, o := range xnum.LvlOverride {
				ilvl, err := strconv.Atoi(strings.TrimSpace(o.Ilvl))
				if err != nil || ilvl < 0 || ilvl > 8 {
					continue
				}
				if o.Lvl != nil {
					if l := newLevel(o.Lvl, ilvl); l != nil {
						l.Ilvl = ilvl
						// Word ignores w:lvlRestart in an override ([MS-OI29500] 2.1.282).
						l.Restart = -1
						n.levels[ilvl], n.own[ilvl] = l, true
					}
				}
				// Only w:startOverride restarts the count; a replaced level alone
				// changes how numbers look (like Word's LFOLVL fStartAt vs
				// fFormatting).
				if v, ok := intVal(o.StartOverride); ok {
					n.restart[ilvl], n.hasRestart[ilvl] = clampStart(v), true
				}
			}
			d.nums = append(d.nums, n)
			d.numByID[n.id] = n
		}
	}
	d.resolve()
	return d, nil
}

// decode unmarshals one part, reporting the line of a syntax error.
func decode(part string, data []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	pe := &ParseError{Part: part, Err: err}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		pe.Line = se.Line
	} else {
		pe.Line, _ = dec.InputPos()
	}
	return pe
}

// charsetReader lets a part declare a legacy encoding (encoding="GBK"),
// which some non-Microsoft writers do.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return enc.NewDecoder().Reader(input), nil
}

// newLevel converts a w:lvl; ilvl, when not negative, is the level its
// w:lvlOverride names and stands in for a missing w:ilvl.
func newLevel(x *xLvl, ilvl int) *Level {
	if v, err := strconv.Atoi(strings.TrimSpace(x.Ilvl)); err == nil {
		ilvl = v
	}
	if ilvl < 0 || ilvl > 8 {
		return nil
	}
	l := &Level{Ilvl: ilvl, NumFmt: "decimal", Suffix: "tab", Restart: -1}
	if v, ok := intVal(x.Start); ok {
		l.Start = clampStart(v)
	}
	// Word 2010 writes formats earlier versions lack as
	// mc:AlternateContent: a w14 Choice ("custom") and a plain Fallback.
	// Take the custom format when it is a zero-padded decimal we can
	// render, else the fallback.
	fmts := x.NumFmt
	for _, alt := range x.Alternate {
		for _, c := range alt.Choice {
			fmts = append(fmts, c.NumFmt...)
		}
		for _, f := range alt.Fallback {
			fmts = append(fmts, f.NumFmt...)
		}
	}
	custom := false
	for _, f := range fmts {
		if f.Val == "custom" {
			if w := paddedWidth(f.Format); w > 0 && !custom {
				custom = true
				l.NumFmt, l.format, l.pad = "custom", fmtDecimalPadded, w
			}
			continue
		}
		if !custom && f.Val != "" {
			l.NumFmt, l.format = f.Val, lookupFmt(f.Val)
		}
	}
	if t := x.LvlText; t != nil && !isOn(t.Null) {
		l.LvlText = t.Val
	}
	if s := val(x.Suff); s == "space" || s == "nothing" {
		l.Suffix = s
	}
	if v, ok := intVal(x.LvlRestart); ok && v >= 0 {
		l.Restart = v
	}
	if x.IsLgl != nil {
		l.IsLgl = boolVal(x.IsLgl)
	}
	l.PStyle = val(x.PStyle)
	return l
}

// paddedWidth reads a w14 custom format such as "001, 002, 003, ..." and
// returns the padded width (3), or 0 when it is not a padded decimal.
func paddedWidth(format string) int {
	first, _, _ := strings.Cut(format, ",")
	first = strings.TrimSpace(first)
	if len(first) < 2 || first[0] != '0' {
		return 0
	}
	for _, c := range []byte(first) {
		if c < '0' || c > '9' {
			return 0
		}
	}
	return len(first)
}

func val(v *xVal) string {
	if v == nil || v.Val == nil {
		return ""
	}
	return *v.Val
}

func intVal(v *xVal) (int, bool) {
	if v == nil || v.Val == nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(*v.Val))
	return n, err == nil
}

// boolVal reads an ST_OnOff element: present without w:val means on.
func boolVal(v *xVal) bool {
	return v.Val == nil || isOn(*v.Val)
}

// isOn reads an ST_OnOff value.
func isOn(s string) bool {
	switch strings.TrimSpace(s) {
	case "1", "true", "on":
		return true
	}
	return false
}

// clampStart keeps start values in a range where counting cannot overflow.
func clampStart(v int) int {
	const limit = 1 << 31
	return max(-limit, min(v, limit))
}
