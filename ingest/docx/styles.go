package docx

import "strconv"

// style is what the reader uses of one w:style.
type style struct {
	id, name, basedOn string
	kind              string // paragraph, character, table, numbering

	outlineLvl      *int
	center          *bool
	pageBreakBefore *bool
	numID           *string
	ilvl            *int
	bold            *bool
}

// styles is word/styles.xml, read once per document.
type styles struct {
	byID            map[string]*style
	defaultPara     string // styleId of the default paragraph style
	defaultCharBold bool   // docDefaults rPrDefault
}

// maxChain bounds basedOn walks, which a broken file may make circular.
const maxChain = 32

func parseStyles(root *node) *styles {
	s := &styles{byID: map[string]*style{}}
	if root == nil {
		return s
	}
	if b, set := root.path("docDefaults", "rPrDefault", "rPr", "b").onOff(); set {
		s.defaultCharBold = b
	}
	for _, c := range root.children {
		if !c.is(nsW, "style") {
			continue
		}
		st := &style{}
		st.id, _ = c.attr(nsW, "styleId")
		st.kind, _ = c.attr(nsW, "type")
		if n := c.child(nsW, "name"); n != nil {
			st.name = n.val()
		}
		if n := c.child(nsW, "basedOn"); n != nil {
			st.basedOn = n.val()
		}
		readParaProps(c.child(nsW, "pPr"), &st.outlineLvl, &st.center, &st.pageBreakBefore, &st.numID, &st.ilvl)
		if b, set := c.path("rPr", "b").onOff(); set {
			st.bold = &b
		}
		if d, _ := c.attr(nsW, "default"); (d == "1" || d == "true" || d == "on") && st.kind == "paragraph" {
			s.defaultPara = st.id
		}
		if _, dup := s.byID[st.id]; !dup {
			s.byID[st.id] = st
		}
	}
	return s
}

// readParaProps reads the paragraph properties the reader uses from a pPr,
// leaving pointers nil where the pPr says nothing.
func readParaProps(pPr *node, outline **int, center, pageBreak **bool, numID **string, ilvl **int) {
	if pPr == nil {
		return
	}
	if n := pPr.child(nsW, "outlineLvl"); n != nil {
		if v, err := strconv.Atoi(n.val()); err == nil {
			*outline = &v
		}
	}
	if n := pPr.child(nsW, "jc"); n != nil {
		c := n.val() == "center"
		*center = &c
	}
	if b, set := pPr.child(nsW, "pageBreakBefore").onOff(); set {
		*pageBreak = &b
	}
	if np := pPr.child(nsW, "numPr"); np != nil {
		if n := np.child(nsW, "numId"); n != nil {
			v := n.val()
			*numID = &v
		}
		if n := np.child(nsW, "ilvl"); n != nil {
			if v, err := strconv.Atoi(n.val()); err == nil {
				*ilvl = &v
			}
		}
	}
}

// chain returns the style and its basedOn ancestors, nearest first.
func (s *styles) chain(id string) []*style {
	var out []*style
	for i := 0; i < maxChain && id != ""; i++ {
		st, ok := s.byID[id]
		if !ok {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// paraStyleID is the style a paragraph uses: its pStyle, else the default.
func (s *styles) paraStyleID(pStyle string) string {
	if pStyle != "" {
		if _, ok := s.byID[pStyle]; ok {
			return pStyle
		}
	}
	return s.defaultPara
}

func (s *styles) name(id string) string {
	if st, ok := s.byID[id]; ok && st.name != "" {
		return st.name
	}
	return id
}

// bold resolves a run's boldness: direct formatting, then the run style
// chain, then the paragraph style chain, then the document defaults.
func (s *styles) bold(direct *bool, runStyle, paraStyle string) bool {
	if direct != nil {
		return *direct
	}
	for _, st := range s.chain(runStyle) {
		if st.bold != nil {
			return *st.bold
		}
	}
	for _, st := range s.chain(paraStyle) {
		if st.bold != nil {
			return *st.bold
		}
	}
	return s.defaultCharBold
}
