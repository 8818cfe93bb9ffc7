package structure

import (
	"strconv"
	"strings"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// How a heading was recognised.
const (
	ViaStyle     = "style"     // heading style or outline level (docx)
	ViaNumbering = "numbering" // generated list marker (docx)
	ViaPattern   = "pattern"   // the text's own number
)

// heading is a heading found in the body, before levels are known.
type heading struct {
	block  int
	family string
	marker string
	number int
	title  string
	body   []string // run-in body text and the paragraphs that follow
	via    string
}

// sectionReader walks a report's body text and decides, paragraph by
// paragraph, what is a heading.
type sectionReader struct {
	headings []heading
	order    []string       // families by first appearance
	last     map[string]int // last number seen per family, reset under a new parent
	// styleFamily is the numbering family of each heading style level,
	// so that an unnumbered heading of that style gets the same level.
	styleFamily map[int]string
	// list is the family of an ordinary numbered list in progress (items
	// after "主要职责是：" are body, not sections), "" when none.
	list     string
	listNext int
	prevText string   // the last body paragraph, to see a list coming
	preamble []string // body paragraphs before the first heading
	// nextIsBody: the next paragraph is unnumbered body text, which a
	// numbered sentence heads ("1.项目立项依据充分。" over its explanation).
	nextIsBody bool
}

// parsed is a body paragraph with its marker read.
type parsed struct {
	block    int
	p        model.Paragraph
	text     string
	shown    string // the text with the generated marker before it
	m        marker
	numbered bool
}

// parse reads the first body paragraph of span s at or after block i;
// block is s.End when there is none.
func parse(l *Layout, s Span, i int) parsed {
	for ; i < s.End && l.Roles[i] != RoleText; i++ {
	}
	if i >= s.End {
		return parsed{block: s.End}
	}
	p := l.Doc.Body[i].Para
	x := parsed{block: i, p: p, text: l.Text[i], shown: l.Text[i]}
	if p.Marker != "" {
		x.shown = strings.TrimSpace(p.Marker) + x.text
	}
	x.m, x.numbered = parseMarker(x.shown)
	return x
}

// Sections builds the section tree of one report, and returns the body
// text that stands before its first heading apart. Levels follow the order
// in which heading families first appear in the report, so a report that
// starts at （一） still gets level 1 there.
func (l *Layout) Sections(s Span) (sections []model.Section, preamble string) {
	r := &sectionReader{last: make(map[string]int), styleFamily: make(map[int]string)}
	// Each paragraph's marker is read once, and seen one paragraph ahead.
	var cur, next parsed
	next = parse(l, s, s.First)
	for next.block < s.End {
		cur, next = next, parse(l, s, next.block+1)
		r.nextIsBody = next.block < s.End && !next.numbered
		r.read(cur)
	}
	return r.tree(), strings.Join(r.preamble, "\n")
}

func (r *sectionReader) read(x parsed) {
	block, p, text, shown := x.block, x.p, x.text, x.shown
	level := styleLevel(p.Style, p.OutlineLevel)
	m, numbered := x.m, x.numbered
	via := ViaPattern
	if p.Marker != "" {
		via = ViaNumbering
	}

	if level > 0 && text == "" {
		return // an empty heading paragraph: nothing to title a section
	}
	if level > 0 {
		h := heading{block: block, family: "style-" + strconv.Itoa(level), via: ViaStyle}
		if f, ok := r.styleFamily[level]; ok {
			h.family = f // unnumbered, but at the level numbered headings of this style have
		}
		rest := textnorm.OneLine(text)
		if numbered {
			h.family, h.marker, h.number, rest = m.family, m.text, m.number, m.rest
			if _, ok := r.styleFamily[level]; !ok {
				r.styleFamily[level] = m.family
			}
		}
		switch v, title, body := classify(rest); v {
		case runInHeading:
			h.title, h.body = title, []string{body}
		default:
			h.title = strings.TrimRight(textnorm.OneLine(rest), terminators)
		}
		r.accept(h)
		return
	}
	if !numbered {
		r.addBody(shown)
		return
	}
	if r.list == m.family && m.number == r.listNext {
		r.listNext++
		r.addBody(shown)
		return
	}
	r.list = ""
	v, title, body := classify(m.rest)
	listLike := grammar.ListLike(m.family)
	inSequence := m.number == 1 || r.last[m.family] == m.number-1
	if v == notHeading && !listLike && inSequence {
		// 一、 and （一） in sequence are headings even when a long
		// sentence follows: the first sentence is the title.
		v, title, body = longRunIn(m.rest)
	}
	if v == pureHeading && listLike && endsSentence(m.rest) && !r.nextIsBody {
		// "1.负责全区各级各类学校的教育教学管理工作。" followed by "2.…": a
		// numbered sentence is a list item, unless body text follows it.
		v = notHeading
	}
	if v == notHeading || v == runInHeading && m.family == "arabic-space" {
		r.addBody(shown)
		return
	}
	if listLike && m.number == 1 && endsWithColon(r.prevText) {
		r.list, r.listNext = m.family, 2
		r.addBody(shown)
		return
	}
	if listLike && !inSequence {
		r.addBody(shown) // a stray number inside a paragraph run, not a sequence
		return
	}
	h := heading{block: block, family: m.family, marker: m.text, number: m.number, title: title, via: via}
	if body != "" {
		h.body = []string{body}
	}
	r.accept(h)
}

// endsSentence reports whether s is a sentence: it ends with a full stop
// (or the semicolon of a list of clauses) and is more than a short label
// ("项目立项规范性。" is a heading with a stray stop; "部分站点使用率偏低。"
// is a statement).
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, textnorm.IsSpace)
	t := strings.TrimRight(s, "。！；;")
	if t == s {
		return false
	}
	return textnorm.Len(t) > 8 || strings.ContainsAny(t, "，,、0123456789")
}

func endsWithColon(s string) bool {
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}

func (r *sectionReader) accept(h heading) {
	rank := -1
	for i, f := range r.order {
		if f == h.family {
			rank = i
		}
	}
	if rank < 0 {
		rank = r.insertFamily(h.family)
	}
	// Numbering of deeper families restarts under a new heading.
	for _, f := range r.order[rank+1:] {
		delete(r.last, f)
	}
	r.last[h.family] = h.number
	r.headings = append(r.headings, h)
	r.prevText = ""
	r.list = ""
}

// insertFamily ranks a family seen for the first time and returns its
// rank. It goes after the families seen so far, except that it goes above
// a family that conventionally stands below it: a report whose first
// section goes 一、 → 1. and whose second goes 二、 → （一） → 1. has
// （一） above 1., or 1. under （一） would be read as its sibling.
func (r *sectionReader) insertFamily(f string) int {
	at := len(r.order)
	if cf := grammar.FamilyRank(f); cf > 0 {
		for i, g := range r.order {
			cg := grammar.FamilyRank(g)
			if cg > 0 && cg == cf {
				// 1) beside （1）: another way to number the same
				// depth, whose place the report has not shown.
				at = len(r.order)
				break
			}
			if cg > cf && at == len(r.order) {
				at = i
			}
		}
	}
	r.order = append(r.order, "")
	copy(r.order[at+1:], r.order[at:])
	r.order[at] = f
	return at
}

func (r *sectionReader) addBody(s string) {
	s = strings.TrimFunc(s, textnorm.IsSpace)
	if s == "" {
		return
	}
	r.prevText = s
	if n := len(r.headings); n > 0 {
		r.headings[n-1].body = append(r.headings[n-1].body, s)
	} else {
		r.preamble = append(r.preamble, s)
	}
}

// tree turns the headings into sections with levels and parents.
func (r *sectionReader) tree() []model.Section {
	rank := make(map[string]int, len(r.order))
	for i, f := range r.order {
		rank[f] = i + 1
	}
	out := make([]model.Section, 0, len(r.headings))
	for _, h := range r.headings {
		s := model.Section{
			Parent: -1,
			Level:  rank[h.family],
			Marker: h.marker,
			Number: h.number,
			Title:  h.title,
			Body:   strings.Join(h.body, "\n"),
			Via:    h.via,
			Block:  h.block,
			Family: h.family,
		}
		for j := len(out) - 1; j >= 0; j-- {
			if out[j].Level < s.Level {
				s.Parent = j
				break
			}
		}
		out = append(out, s)
	}
	return out
}
