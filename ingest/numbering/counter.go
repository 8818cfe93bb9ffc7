package numbering

import "strings"

// Counter holds the running numbers of one document. Use one per document,
// calling Next for every numbered paragraph in document order. A Counter is
// not safe for concurrent use.
type Counter struct {
	defs *Definitions
	// values[list][ilvl] is the number last given at that level of the
	// list (the list is an abstractNum index), start-1 before any.
	values [][9]int
	used   []bool // a num whose overrides have been applied
	buf    []byte
	// seen holds the markers already returned: a document repeats a few
	// dozen markers, so most calls return a string without allocating.
	seen map[string]string
}

// maxSeen bounds the marker cache of a Counter.
const maxSeen = 512

// NewCounter returns a Counter at the start of the document.
func (d *Definitions) NewCounter() *Counter {
	c := &Counter{defs: d}
	if d == nil {
		return c
	}
	c.values = make([][9]int, len(d.abstracts))
	for i := range d.abstracts {
		for l, lvl := range d.abstracts[i].levels {
			c.values[i][l] = -1 // an undefined level starts at 0
			if lvl != nil {
				c.values[i][l] = lvl.Start - 1
			}
		}
	}
	c.used = make([]bool, len(d.nums))
	c.buf = make([]byte, 0, 64)
	return c
}

// Next advances the counters for a paragraph numbered (numID, ilvl) and
// returns the marker Word displays, without its suffix (tab, space). ok is
// false when the paragraph shows no marker: numId "0" or unknown, a level
// without definition, numFmt "none" or an empty lvlText. A level that shows
// nothing still counts, as in Word.
func (c *Counter) Next(numID string, ilvl int) (marker string, ok bool) {
	n := c.defs.num(numID)
	if n == nil || n.abstract < 0 || ilvl < 0 || ilvl > 8 {
		return "", false
	}
	lvl := n.levels[ilvl]
	if lvl == nil {
		return "", false
	}
	vals := &c.values[n.abstract]
	if !c.used[n.index] {
		// A w:num with w:startOverride restarts the shared list where that
		// w:num is first used (ECMA-376 §17.9.27; Word behaviour).
		c.used[n.index] = true
		for l := 0; l < 9; l++ {
			if n.hasRestart[l] {
				vals[l] = n.restart[l] - 1
			}
		}
	}
	vals[ilvl]++
	for l := ilvl + 1; l < 9; l++ {
		lower := n.levels[l]
		if lower == nil {
			vals[l] = -1
			continue
		}
		if restarts(lower, ilvl) {
			// startOverride also replaces the start of later restarts.
			if n.hasRestart[l] {
				vals[l] = n.restart[l] - 1
			} else {
				vals[l] = lower.Start - 1
			}
		}
	}
	switch lvl.format {
	case fmtNone:
		return "", false
	case fmtBullet:
		return bulletText(lvl.LvlText)
	}
	c.buf = c.render(c.buf[:0], n, lvl, vals)
	if len(c.buf) == 0 || isBlank(c.buf) {
		return "", false
	}
	if m, ok := c.seen[string(c.buf)]; ok {
		return m, true
	}
	m := string(c.buf)
	if len(c.seen) < maxSeen {
		if c.seen == nil {
			c.seen = make(map[string]string)
		}
		c.seen[m] = m
	}
	return m, true
}

// restarts reports whether level lower restarts when level used (above it)
// is used. w:lvlRestart n (1-based) restarts after levels 1..n only; 0
// never; absent, or naming lower itself or a deeper level, after any.
func restarts(lower *Level, used int) bool {
	r := lower.Restart
	if r < 0 || r > lower.Ilvl {
		return true
	}
	if r == 0 {
		return false
	}
	return used < r
}

// render expands lvlText: %1 … %9 become the current numbers of those
// levels in their own numFmt, or in decimal when the level shown is isLgl.
func (c *Counter) render(buf []byte, n *num, lvl *Level, vals *[9]int) []byte {
	text := lvl.LvlText
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if ch == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			i++
			f, pad := fmtDecimal, 0
			if ref := n.levels[k]; ref != nil {
				f, pad = ref.format, ref.pad
				if ref.format == fmtBullet || ref.format == fmtNone {
					// A bullet or hidden level shows no number inside another.
					continue
				}
			}
			if lvl.IsLgl && f != fmtDecimalZero && f != fmtDecimalPadded {
				f = fmtDecimal
			}
			buf = appendNumber(buf, f, pad, vals[k])
			continue
		}
		buf = append(buf, ch)
	}
	return buf
}

// bulletText returns a bullet level's marker. Bullets from the Symbol and
// Wingdings fonts are private-use characters (U+F0B7); they are mapped to
// the Unicode characters they draw.
func bulletText(lvlText string) (string, bool) {
	if strings.TrimSpace(lvlText) == "" {
		return "", false
	}
	if s, ok := symbolBullets[lvlText]; ok {
		return s, true
	}
	r := []rune(lvlText)
	if len(r) == 1 && r[0] >= 0xF000 && r[0] <= 0xF0FF {
		return "•", true
	}
	return lvlText, true
}

var symbolBullets = map[string]string{
	"\uF0B7": "•", // Symbol bullet
	"\uF0A7": "▪", // Wingdings small square
	"\uF06C": "●", // Wingdings circle
	"\uF06E": "■", // Wingdings square
	"\uF075": "◆", // Wingdings diamond
	"\uF076": "❖", // Wingdings diamond with four
	"\uF0D8": "➢", // Wingdings arrowhead
	"\uF0FC": "✓", // Wingdings check
	"\uF0A8": "□", // Wingdings hollow square
	"o":      "◦", // Courier New "o", Word's default second-level bullet
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
