package docx

import (
	"context"
	"strings"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/numbering"
)

// block is one block of a story as the walker builds it: a finished
// paragraph, a table still in tree form (numbered and laid on its grid
// when the document is assembled), or a table of a document imported by
// w:altChunk, already laid out (numbered when this one is assembled).
type block struct {
	para     *model.Paragraph
	table    *table
	imported *model.Table
	index    int // index of the w:body child it came from
}

// table, row and tcell keep a w:tbl as written; grid.go lays it out.
type table struct {
	gridCols int
	rows     []row
	index    int
}

type row struct {
	gridBefore, gridAfter int
	cells                 []tcell
}

type tcell struct {
	gridSpan int
	vMerge   string // "", "restart" or "continue"
	hMerge   string // "", "restart" or "continue"
	blocks   []block
}

// walker reads the stories of one package: the body, and separately each
// header, footer, note and comment.
type walker struct {
	ctx     context.Context
	budget  *model.Budget // what the whole file may yield
	st      *styles
	num     *numbering.Definitions
	counter *numbering.Counter // nil outside the body: only the body is numbered
	warn    func(string)
	chunk   func(id string, index int) []block // w:altChunk, body only

	fields    []bool       // open complex fields; true once past w:fldChar separate
	carry     *paraBuilder // paragraph whose mark was deleted, joined with the next
	breakNext bool         // a page break ended the previous paragraph
}

// paraBuilder collects one paragraph's runs.
type paraBuilder struct {
	text         strings.Builder
	visible      bool // some non-space text seen
	allBold      bool
	breakBefore  bool // a page break came before any text
	pendingBreak bool // a page break not yet followed by text
	textAtBreak  bool
	boxes        []*node // w:txbxContent anchored here
	index        int     // body index of the paragraph's first w:p
	pPr          *node   // properties of the last w:p joined in
}

// blocks reads block-level content (children of w:body, w:tc,
// w:txbxContent, w:sdtContent …) in order.
func (w *walker) blocks(nodes []*node, index func(i int) int, out *[]block) {
	for i, n := range nodes {
		if w.stopped() != nil {
			return
		}
		w.block(n, index(i), out)
	}
}

// stopped returns why walking stops: a limit passed, or the file
// abandoned (its context done).
func (w *walker) stopped() error {
	if err := w.budget.Err(); err != nil {
		return err
	}
	return w.ctx.Err()
}

func sameIndex(idx int) func(int) int { return func(int) int { return idx } }

func (w *walker) block(n *node, idx int, out *[]block) {
	switch {
	case n.is(nsW, "p"):
		w.paragraph(n, idx, out)
	case n.is(nsW, "tbl"):
		w.flushCarry(out)
		*out = append(*out, block{table: w.table(n, idx), index: idx})
	case n.is(nsW, "sdt"):
		if c := n.child(nsW, "sdtContent"); c != nil {
			w.blocks(c.children, sameIndex(idx), out)
		}
	case n.is(nsW, "customXml"), n.is(nsW, "ins"), n.is(nsW, "moveTo"):
		w.blocks(n.children, sameIndex(idx), out)
	case n.is(nsMC, "AlternateContent"):
		w.blocks(chooseBranch(n), sameIndex(idx), out)
	case n.is(nsW, "altChunk"):
		w.flushCarry(out)
		id, _ := n.attr(nsR, "id")
		if w.chunk != nil {
			*out = append(*out, w.chunk(id, idx)...)
		} else {
			w.warn("w:altChunk outside the body is not read")
		}
	}
}

// flushCarry ends a paragraph whose deleted mark had nothing to join with.
func (w *walker) flushCarry(out *[]block) {
	if w.carry == nil {
		return
	}
	pb := w.carry
	w.carry = nil
	w.emit(pb, pb.pPr, pb.index, out)
}

func (w *walker) paragraph(p *node, idx int, out *[]block) {
	pb := w.carry
	w.carry = nil
	if pb == nil {
		pb = &paraBuilder{allBold: true, index: idx}
	}
	pPr := p.child(nsW, "pPr")
	pb.pPr = pPr
	pStyle := w.st.paraStyleID(pPr.child(nsW, "pStyle").val())
	for _, c := range p.children {
		w.inline(c, pb, pStyle)
	}
	// A deleted (or moved-away) paragraph mark joins this paragraph with
	// the next one, which keeps its own properties. So does a drop cap,
	// a frame holding the first letter of the next paragraph.
	mark := pPr.path("rPr")
	dropCap, _ := pPr.child(nsW, "framePr").attr(nsW, "dropCap")
	if mark.child(nsW, "del") != nil || mark.child(nsW, "moveFrom") != nil || dropCap == "drop" || dropCap == "margin" {
		w.carry = pb
		return
	}
	w.emit(pb, pPr, pb.index, out)
}

// emit finishes a paragraph with the properties of its pPr, then reads the
// text boxes it anchors, as paragraphs right after it.
func (w *walker) emit(pb *paraBuilder, pPr *node, idx int, out *[]block) {
	para := &model.Paragraph{Text: pb.text.String(), NumLevel: -1}
	var outline *int
	var center, pageBreak *bool
	var numID *string
	var ilvl *int
	readParaProps(pPr, &outline, &center, &pageBreak, &numID, &ilvl)
	sid := w.st.paraStyleID(pPr.child(nsW, "pStyle").val())
	chain := w.st.chain(sid)
	if sid != "" {
		para.Style = w.st.name(sid)
	}
	for _, st := range chain {
		if outline == nil {
			outline = st.outlineLvl
		}
		if center == nil {
			center = st.center
		}
		if pageBreak == nil {
			pageBreak = st.pageBreakBefore
		}
	}
	if outline != nil && *outline >= 0 && *outline <= 8 {
		para.OutlineLevel = *outline + 1
	}
	para.Centered = center != nil && *center
	para.PageBreak = (pageBreak != nil && *pageBreak) || pb.breakBefore || w.breakNext
	w.breakNext = pb.pendingBreak // no text followed the break: the next paragraph starts the page
	para.Bold = pb.visible && pb.allBold
	w.number(para, numID, ilvl, sid, chain)
	if w.budget.Block(len(para.Text)) != nil {
		return
	}
	*out = append(*out, block{para: para, index: idx})

	for _, box := range pb.boxes {
		saved, savedBreak := w.fields, w.breakNext
		w.fields = nil
		w.blocks(box.children, sameIndex(idx), out)
		w.flushCarry(out)
		w.fields, w.breakNext = saved, savedBreak
	}
}

// number resolves the paragraph's numbering (direct numPr, else the style
// chain's, else a numbering level linked to the style) and asks the counter
// for its marker.
func (w *walker) number(para *model.Paragraph, numID *string, ilvl *int, sid string, chain []*style) {
	if w.counter == nil {
		return
	}
	for _, st := range chain {
		if numID == nil && st.numID != nil {
			numID = st.numID
		}
		if ilvl == nil && st.ilvl != nil {
			ilvl = st.ilvl
		}
	}
	id := ""
	if numID != nil {
		id = strings.TrimSpace(*numID)
	}
	level := -1
	if ilvl != nil {
		level = *ilvl
	}
	if sn, sl, ok := w.num.StyleNumbering(sid); ok {
		if id == "" {
			id = sn
		}
		if level < 0 && id == sn {
			level = sl
		}
	}
	if id == "" || id == "0" {
		return
	}
	if level < 0 {
		level = 0
	}
	if marker, ok := w.counter.Next(id, level); ok {
		para.Marker, para.NumLevel, para.NumID = marker, level, id
	}
}

// inline reads the paragraph-level content of a w:p: runs and the wrappers
// around them.
func (w *walker) inline(n *node, pb *paraBuilder, pStyle string) {
	switch {
	case n.ns == nsW:
		switch n.local {
		case "r":
			w.run(n, pb, pStyle)
		case "pPr", "rPr", "del", "moveFrom", "sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr", "rt":
			// properties, deleted text, placeholders and ruby guides are not read
		case "sdt":
			if c := n.child(nsW, "sdtContent"); c != nil {
				for _, k := range c.children {
					w.inline(k, pb, pStyle)
				}
			}
		default: // hyperlink, smartTag, customXml, ins, moveTo, fldSimple, dir, bdo, ruby …
			for _, k := range n.children {
				w.inline(k, pb, pStyle)
			}
		}
	case n.ns == nsMC && n.local == "AlternateContent":
		for _, k := range chooseBranch(n) {
			w.inline(k, pb, pStyle)
		}
	case n.ns == nsMath:
		if w.visible() {
			pb.add(mathText(n), false)
		}
	}
}

// visible reports whether run content shows: outside any complex field,
// or in the result part of every open one.
func (w *walker) visible() bool {
	for _, inResult := range w.fields {
		if !inResult {
			return false
		}
	}
	return true
}

func (w *walker) run(r *node, pb *paraBuilder, pStyle string) {
	rPr := r.child(nsW, "rPr")
	if vanish, _ := rPr.child(nsW, "vanish").onOff(); vanish {
		w.fieldChars(r) // hidden runs still open and close fields
		return
	}
	var direct *bool
	if b, set := rPr.child(nsW, "b").onOff(); set {
		direct = &b
	}
	ro := runOpts{bold: w.st.bold(direct, rPr.child(nsW, "rStyle").val(), pStyle)}
	if f := rPr.child(nsW, "rFonts"); f != nil {
		font, _ := f.attr(nsW, "ascii")
		if font == "" {
			font, _ = f.attr(nsW, "hAnsi")
		}
		ro.font = strings.ToLower(strings.TrimSpace(font))
	}
	for _, c := range r.children {
		w.runContent(c, pb, ro)
	}
}

// runOpts is what a run's properties mean for its content.
type runOpts struct {
	bold bool
	font string // lower-cased w:rFonts ascii font, for symbol fonts
}

func (w *walker) runContent(c *node, pb *paraBuilder, ro runOpts) {
	bold := ro.bold
	if c.ns == nsMC && c.local == "AlternateContent" {
		for _, k := range chooseBranch(c) {
			w.runContent(k, pb, ro)
		}
		return
	}
	if c.ns != nsW {
		return
	}
	switch c.local {
	case "fldChar":
		w.fieldChar(c, pb, bold)
	case "t":
		if w.visible() {
			pb.add(symbolText(ro.font, c.text), bold)
		}
	case "tab", "ptab":
		if w.visible() {
			pb.add("\t", bold)
		}
	case "br":
		if !w.visible() {
			return
		}
		if t, _ := c.attr(nsW, "type"); t == "page" {
			pb.pageBreak()
		} else {
			pb.add("\n", bold)
		}
	case "cr":
		if w.visible() {
			pb.add("\n", bold)
		}
	case "noBreakHyphen":
		if w.visible() {
			pb.add("-", bold)
		}
	case "sym":
		if w.visible() {
			font, _ := c.attr(nsW, "font")
			code, _ := c.attr(nsW, "char")
			pb.add(symbol(font, code), bold)
		}
	case "drawing", "pict", "object":
		if w.visible() {
			findBoxes(c, &pb.boxes)
		}
	case "ruby":
		if base := c.child(nsW, "rubyBase"); base != nil {
			for _, r := range base.children {
				if r.is(nsW, "r") {
					for _, k := range r.children {
						w.runContent(k, pb, ro)
					}
				}
			}
		}
		// softHyphen vanishes; instrText, delText, lastRenderedPageBreak,
		// note references and the like carry no text a reader sees.
	}
}

func (w *walker) fieldChar(c *node, pb *paraBuilder, bold bool) {
	switch t, _ := c.attr(nsW, "fldCharType"); t {
	case "begin":
		// A check box form field (FORMCHECKBOX) has no result text: Word
		// draws the box from the field's own data.
		if box := c.path("ffData", "checkBox"); box != nil && w.visible() && pb != nil {
			checked, set := box.child(nsW, "checked").onOff()
			if !set {
				checked = box.child(nsW, "default").val() == "1"
			}
			if checked {
				pb.add("☑", bold)
			} else {
				pb.add("☐", bold)
			}
		}
		w.fields = append(w.fields, false)
	case "separate":
		if len(w.fields) > 0 {
			w.fields[len(w.fields)-1] = true
		}
	case "end":
		if len(w.fields) > 0 {
			w.fields = w.fields[:len(w.fields)-1]
		}
	}
}

func (w *walker) fieldChars(r *node) {
	for _, c := range r.children {
		if c.is(nsW, "fldChar") {
			w.fieldChar(c, nil, false)
		}
	}
}

func (pb *paraBuilder) add(s string, bold bool) {
	if s == "" {
		return
	}
	pb.text.WriteString(s)
	if strings.TrimSpace(s) == "" {
		return
	}
	if pb.pendingBreak {
		if !pb.textAtBreak {
			pb.breakBefore = true
		}
		pb.pendingBreak = false
	}
	pb.visible = true
	if !bold {
		pb.allBold = false
	}
}

func (pb *paraBuilder) pageBreak() {
	if !pb.pendingBreak {
		pb.pendingBreak = true
		pb.textAtBreak = pb.visible
	}
}

// findBoxes collects the text boxes under a drawing, reading one branch of
// each mc:AlternateContent so that a box is never read twice.
func findBoxes(n *node, out *[]*node) {
	for _, c := range n.children {
		switch {
		case c.is(nsW, "txbxContent"):
			*out = append(*out, c)
		case c.is(nsMC, "AlternateContent"):
			for _, k := range chooseBranch(c) {
				if k.is(nsW, "txbxContent") {
					*out = append(*out, k)
				} else {
					findBoxes(k, out)
				}
			}
		default:
			findBoxes(c, out)
		}
	}
}

func mathText(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		if n.ns == nsMath && n.local == "t" {
			b.WriteString(n.text)
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// understood lists the namespace prefixes whose mc:Choice the reader can
// read: the drawing and Word 2010+ extensions it finds text boxes in.
var understood = map[string]bool{
	"w": true, "wps": true, "wpg": true, "wpc": true, "wp14": true, "wp": true,
	"w14": true, "w15": true, "w16": true, "w16se": true, "w16cid": true, "w16cex": true,
	"wpi": true, "a": true, "a14": true, "pic": true, "v": true, "o": true, "w10": true,
	"m": true, "r": true, "wne": true, "mc": true,
}

// chooseBranch returns the content of the one branch of an
// mc:AlternateContent the reader takes: the first mc:Choice whose required
// namespaces it understands, else mc:Fallback.
func chooseBranch(ac *node) []*node {
	for _, c := range ac.children {
		if !c.is(nsMC, "Choice") {
			continue
		}
		req, _ := c.attr("", "Requires")
		ok := true
		for _, p := range strings.Fields(req) {
			ok = ok && understood[p]
		}
		if ok {
			return c.children
		}
	}
	if fb := ac.child(nsMC, "Fallback"); fb != nil {
		return fb.children
	}
	return nil
}
