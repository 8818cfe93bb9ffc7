package pdf

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
)

// seg is a run of words on a line with no wide gap inside: a table cell's
// line, or the whole line of running text.
type seg struct {
	x0, x1 float64
	text   string
}

// line is a line of a page: words sharing a baseline, cut into segs at
// wide gaps.
type line struct {
	page           int // from 1
	x0, y0, x1, y1 float64
	h              float64 // median word height
	segs           []seg
	ocr            bool
	conf           float64 // mean word confidence, OCR only
	words          int
}

func (l *line) text() string {
	var t text
	for _, s := range l.segs {
		t.add(s.text)
	}
	return t.String()
}

// text joins pieces of text with joiner, in time linear in its length.
type text struct {
	strings.Builder
	last string // the piece added last
}

func (t *text) add(s string) {
	if s == "" {
		return
	}
	t.WriteString(joiner(t.last, s))
	t.WriteString(s)
	t.last = s
}

// isWide tells CJK characters and full-width punctuation, which Chinese
// writes without spaces between them.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

// joiner is what goes between a and b put side by side: nothing where
// either side is Chinese (a text layer or OCR puts spaces between
// "2020" and "年" that the text does not have), else a space.
func joiner(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if isWide(last) || isWide(first) || unicode.IsSpace(last) {
		return ""
	}
	return " "
}

// segGap is the gap, in line heights, that parts two segs: wider than any
// gap between words of running text, narrower than a table's gutters.
// OCR boxes hold the ink only, and the ink of Chinese punctuation is a
// fraction of its width: a scan needs a wider gap.
const (
	segGap    = 0.6
	segGapOCR = 1.0
)

// pageLines groups a page's words into lines, top to bottom.
func pageLines(p page) []line {
	words := append([]word(nil), p.words...)
	sort.SliceStable(words, func(i, j int) bool { return mid(words[i]) < mid(words[j]) })
	var groups [][]word
	var gy0, gy1 float64
	for _, w := range words {
		if n := len(groups); n > 0 {
			ov := math.Min(gy1, w.y1) - math.Max(gy0, w.y0)
			if ov >= 0.5*math.Min(gy1-gy0, w.y1-w.y0) {
				groups[n-1] = append(groups[n-1], w)
				gy0, gy1 = math.Min(gy0, w.y0), math.Max(gy1, w.y1)
				continue
			}
		}
		groups = append(groups, []word{w})
		gy0, gy1 = w.y0, w.y1
	}
	lines := make([]line, 0, len(groups))
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return g[i].x0 < g[j].x0 })
		hs := make([]float64, len(g))
		for i, w := range g {
			hs[i] = w.y1 - w.y0
		}
		if p.ocr {
			g = dropRulings(g, median(hs))
		}
		l := line{page: p.no, x0: g[0].x0, y0: g[0].y0, x1: g[0].x1, y1: g[0].y1, h: median(hs), ocr: p.ocr, words: len(g)}
		var conf float64
		gap := segGap
		if p.ocr {
			gap = segGapOCR
		}
		for i, w := range g {
			l.x0, l.y0 = math.Min(l.x0, w.x0), math.Min(l.y0, w.y0)
			l.x1, l.y1 = math.Max(l.x1, w.x1), math.Max(l.y1, w.y1)
			conf += w.conf
			if i > 0 && w.x0-g[i-1].x1 <= gap*l.h {
				s := &l.segs[len(l.segs)-1]
				if w.x0-g[i-1].x1 > 0.15*l.h {
					s.text += joiner(s.text, w.text)
				}
				s.text += w.text
				s.x1 = math.Max(s.x1, w.x1)
				continue
			}
			l.segs = append(l.segs, seg{x0: w.x0, x1: w.x1, text: w.text})
		}
		l.conf = conf / float64(len(g))
		if p.ocr {
			open := false
			for i := range l.segs {
				l.segs[i].text = fullWidth(l.segs[i].text, &open)
			}
		}
		lines = append(lines, l)
	}
	return lines
}

// dropRulings drops what OCR read off a table's rules: marks taller than
// the line's characters (a comma is short), which would bridge the
// gutters between columns.
func dropRulings(g []word, h float64) []word {
	out := g[:0]
	for _, w := range g {
		if w.y1-w.y0 > 1.2*h && punct(w.text) {
			continue
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return g[:1]
	}
	return out
}

// halfToFull maps the ASCII marks OCR reads in Chinese text to the
// full-width marks Chinese text uses.
var halfToFull = map[rune]rune{',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！'}

// fullWidth turns ASCII marks next to a Chinese character into the
// full-width marks OCR took them for, and straight double quotes into
// curly ones, opening or closing by the quotes before them (open).
func fullWidth(s string, open *bool) string {
	rs := []rune(s)
	for i, r := range rs {
		han := i > 0 && unicode.Is(unicode.Han, rs[i-1]) || i+1 < len(rs) && unicode.Is(unicode.Han, rs[i+1])
		switch {
		case r == '“':
			*open = true
		case r == '”':
			*open = false
		case r == '"' && han:
			if rs[i] = '“'; *open {
				rs[i] = '”'
			}
			*open = !*open
		case han && halfToFull[r] != 0:
			rs[i] = halfToFull[r]
		}
	}
	return string(rs)
}

func mid(w word) float64 { return (w.y0 + w.y1) / 2 }

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// pageNumber matches the page numbers printed in headers and footers:
// "3", "- 3 -", "第 3 页", "第3页 共10页", "3/10", "Page 3 of 10".
var pageNumber = regexp.MustCompile(`^(?i:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页\s*[,，/]?\s*(共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*/\s*\d+|page\s*\d+(\s*of\s*\d+)?)$`)

// margin is the share of a page's height at its top and bottom where
// running headers and footers stand.
const margin = 0.12

// dropRunning removes running headers, footers and page numbers: lines in
// a page's top or bottom margin that are page numbers, or whose text
// (digits aside) recurs in the margins of most pages. It returns the
// lines kept and the distinct running texts.
func dropRunning(pages [][]line, heights []float64) (kept [][]line, running []model.Part) {
	key := func(l line) string {
		return strings.Map(func(r rune) rune {
			switch {
			case unicode.IsDigit(r):
				return '#'
			case unicode.IsSpace(r):
				return -1
			}
			return r
		}, l.text())
	}
	zone := func(i int, l line) string {
		h := heights[i]
		switch c := (l.y0 + l.y1) / 2; {
		case h <= 0:
		case c < margin*h:
			return "header"
		case c > (1-margin)*h:
			return "footer"
		}
		return ""
	}
	seen := map[string]int{}
	for i, ls := range pages {
		once := map[string]bool{}
		for _, l := range ls {
			if z := zone(i, l); z != "" && !once[z+key(l)] {
				once[z+key(l)] = true
				seen[z+key(l)]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	named := map[string]bool{}
	kept = make([][]line, len(pages))
	for i, ls := range pages {
		for _, l := range ls {
			z := zone(i, l)
			if z == "" {
				kept[i] = append(kept[i], l)
				continue
			}
			t := l.text()
			switch {
			case pageNumber.MatchString(t):
			case seen[z+key(l)] >= need:
				if !named[z+key(l)] {
					named[z+key(l)] = true
					running = append(running, model.Part{Kind: z, Name: "running " + z, Text: t})
				}
			default:
				kept[i] = append(kept[i], l)
			}
		}
	}
	return kept, running
}

// heading matches the markers that open a heading or a numbered
// paragraph: 一、 （一） 1. 1、 (1) ① 第一章 …; a decimal number (1.5亿) is
// no marker.
var heading = regexp.MustCompile(`^(第[一二三四五六七八九十百零〇\d]+[章节部分条篇]|[一二三四五六七八九十百]+[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[)）]|\d{1,3}(\.\d{1,3})*\s*[、.．](\D|$)|[①-⑳]|附件\s*\d*\s*[：:])`)

// geometry holds what the whole document tells of where text stands.
type geometry struct {
	left, right float64 // the text column
	pitch       float64 // usual distance between the tops of two lines
	h           float64 // usual height of a line of body text
}

func measure(pages [][]line) geometry {
	var x0s, x1s, pitches, hs []float64
	for _, ls := range pages {
		for i, l := range ls {
			hs = append(hs, l.h)
			if len(l.segs) == 1 {
				x0s = append(x0s, l.x0)
				x1s = append(x1s, l.x1)
			}
			if i > 0 {
				pitches = append(pitches, l.y0-ls[i-1].y0)
			}
		}
	}
	return geometry{left: percentile(x0s, 0.1), right: percentile(x1s, 0.9), pitch: median(pitches), h: median(hs)}
}

// build lays the lines of the pages out as the document's body:
// paragraphs rebuilt across line and page breaks, tables rebuilt from
// the columns their words stand in.
func build(doc *model.Document, pages [][]line) {
	g := measure(pages)
	var flat []line
	for _, ls := range pages {
		flat = append(flat, ls...)
	}
	var para []line
	flush := func() {
		if len(para) > 0 {
			addParagraph(doc, para)
			para = nil
		}
	}
	for i := 0; i < len(flat); {
		if n := tableRegion(flat, i, g); n > 0 {
			if cols := columns(flat[i : i+n]); len(cols) >= 2 {
				flush()
				addTable(doc, flat[i:i+n], cols)
				i += n
				continue
			}
		}
		l := flat[i]
		if len(para) > 0 && startsParagraph(para[len(para)-1], l, g) {
			flush()
		}
		para = append(para, l)
		i++
	}
	flush()
}

// full tells whether a line reaches the right of the text column, so that
// its paragraph goes on in the next line.
func full(l line, g geometry) bool { return l.x1 >= g.right-1.5*l.h }

// startsParagraph tells whether l opens a paragraph after prev.
func startsParagraph(prev, l line, g geometry) bool {
	switch {
	case !full(prev, g):
		return true
	case len(prev.segs) > 1 || len(l.segs) > 1:
		return true
	case heading.MatchString(l.text()):
		return true
	case centred(l, g) && l.h > 1.1*g.h && math.Abs(l.h-prev.h) < 0.1*l.h:
		return false // a title in a larger type, wrapped and centred
	case l.x0 > g.left+0.8*l.h:
		return true // indented: the first line of a paragraph
	case prev.page == l.page && g.pitch > 0 && l.y0-prev.y0 > 1.6*g.pitch:
		return true
	}
	return false
}

// centred tells whether l stands in the middle of the text column.
func centred(l line, g geometry) bool {
	return l.x0 > g.left+l.h && math.Abs((l.x0+l.x1)/2-(g.left+g.right)/2) < l.h
}

func addParagraph(doc *model.Document, ls []line) {
	var t text
	var conf float64
	words := 0
	for _, l := range ls {
		t.add(l.text())
		conf += l.conf * float64(l.words)
		words += l.words
	}
	p := model.Paragraph{Text: t.String(), NumLevel: -1}
	if ls[0].ocr {
		p.Style = ocrStyle(conf / float64(max(words, 1)))
	}
	doc.Body = append(doc.Body, model.Block{Kind: model.KindParagraph, Para: p, Pos: pos(ls)})
}

// ocrStyle marks a block read by OCR, with its mean word confidence.
func ocrStyle(conf float64) string { return fmt.Sprintf("ocr %.0f", conf) }

// pos is where a block starts: its page. Pos.Line and EndLine stay 0,
// since the database reads them as lines of a text file.
func pos(ls []line) model.Pos { return model.Pos{Page: ls[0].page} }

// tableRegion returns how many lines from flat[i] make a table: a run of
// at least two lines with a line of two or more segs at its start, each
// further line either of several segs or a cell's wrapped text, standing
// right of the table's left edge and close below the line before it; 0
// when no table starts at i.
func tableRegion(flat []line, i int, g geometry) int {
	if len(flat[i].segs) < 2 {
		return 0
	}
	edge := flat[i].x0
	multi, n := 1, 1
	for k := i + 1; k < len(flat); k++ {
		l, prev := flat[k], flat[k-1]
		near := l.page != prev.page || g.pitch <= 0 || l.y0-prev.y0 <= 1.5*g.pitch
		if len(l.segs) >= 2 && (near || l.y0-prev.y0 <= 2.5*g.pitch) {
			multi++
			edge = math.Min(edge, l.x0)
			n = k - i + 1
			continue
		}
		if len(l.segs) >= 2 || !near || l.x0 <= edge+l.h || full(l, g) {
			break
		}
		n = k - i + 1
	}
	if n < 2 || multi < 2 && n < 3 {
		return 0
	}
	return n
}

// columns finds the columns of a table's lines: the intervals of x the
// segs of its lines cover, parted by gutters no seg crosses. A seg that
// spans several columns (a title row) would close the gutters; the lines
// of most segs alone decide then. Neighbouring intervals never both
// filled on one line are one column whose cells are aligned differently
// (a centred header over left-aligned numbers).
func columns(ls []line) [][2]float64 {
	cover := func(minSegs int) [][2]float64 {
		var iv [][2]float64
		for _, l := range ls {
			if len(l.segs) < minSegs {
				continue
			}
			for _, s := range l.segs {
				iv = append(iv, [2]float64{s.x0, s.x1})
			}
		}
		sort.Slice(iv, func(a, b int) bool { return iv[a][0] < iv[b][0] })
		var out [][2]float64
		for _, v := range iv {
			if n := len(out); n > 0 && v[0] <= out[n-1][1]+1 {
				out[n-1][1] = math.Max(out[n-1][1], v[1])
				continue
			}
			out = append(out, v)
		}
		return out
	}
	most := 0
	for _, l := range ls {
		most = max(most, len(l.segs))
	}
	cols := cover(2)
	if len(cols) < most {
		cols = cover(most)
	}
	for c := 0; c+1 < len(cols); {
		together := false
		for _, l := range ls {
			var left, right bool
			for _, s := range l.segs {
				k := colOf(cols, s.x0)
				left = left || k == c
				right = right || k == c+1
			}
			together = together || left && right
		}
		if together {
			c++
			continue
		}
		cols[c][1] = math.Max(cols[c][1], cols[c+1][1])
		cols = append(cols[:c+1], cols[c+2:]...)
	}
	return cols
}

// colOf returns the column x stands in: the gutters are halfway between
// the columns' intervals.
func colOf(cols [][2]float64, x float64) int {
	c := 0
	for c+1 < len(cols) && x >= (cols[c][1]+cols[c+1][0])/2 {
		c++
	}
	return c
}

// addTable rebuilds a table from its lines: a line with text in the first
// column starts a row; other lines add to the cells of the row above (a
// cell's text wrapped over several lines).
func addTable(doc *model.Document, ls []line, cols [][2]float64) {
	type cell struct {
		text  text
		span  int
		conf  float64
		words int
		lines []line
	}
	var rows [][]cell
	for _, l := range ls {
		first := colOf(cols, l.segs[0].x0) == 0
		if len(rows) == 0 || first {
			rows = append(rows, make([]cell, len(cols)))
		}
		row := rows[len(rows)-1]
		for _, s := range l.segs {
			c := colOf(cols, s.x0)
			span := colOf(cols, s.x1-1) - c + 1
			row[c].text.add(s.text)
			row[c].span = max(row[c].span, span)
			row[c].conf += l.conf
			row[c].words++
			row[c].lines = append(row[c].lines, l)
		}
	}
	p := pos(ls)
	b := model.NewGridBuilder(doc, model.Table{Cols: len(cols), Pos: p})
	for _, row := range rows {
		b.StartRow(0)
		for c := 0; c < len(row); {
			cl := &row[c]
			span := min(max(cl.span, 1), len(row)-c)
			// A seg that spans columns makes one cell of them, with
			// the text of the lines that stood in them apart.
			for k := c + 1; k < c+span; k++ {
				cl.text.add(row[k].text.String())
				cl.conf += row[k].conf
				cl.words += row[k].words
			}
			para := model.Paragraph{Text: cl.text.String(), NumLevel: -1}
			if ls[0].ocr && cl.words > 0 {
				para.Style = ocrStyle(cl.conf / float64(cl.words))
			}
			cp := p
			if len(cl.lines) > 0 {
				cp = pos(cl.lines)
			}
			if !b.Add(model.GridCell{Span: span, Paras: []model.Paragraph{para}, Pos: cp}) {
				break
			}
			c += span
		}
		b.EndRow(0)
	}
	no := b.Done()
	doc.Body = append(doc.Body, model.Block{Kind: model.KindTable, TableNo: no, Pos: p})
}
