package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/govreports/govreports/corpus/docxgen"
)

// counters numbers headings the way a multilevel list does: a level
// restarts after any heading above it.
type counters [3]int

func (c *counters) next(level int) int {
	c[level-1]++
	for l := level; l < len(c); l++ {
		c[l] = 0
	}
	return c[level-1]
}

func marker(level, n int) string {
	switch level {
	case 1:
		return chineseNumber(n) + "、"
	case 2:
		return "（" + chineseNumber(n) + "）"
	default:
		return strconv.Itoa(n) + "."
	}
}

// renderTXT writes reports as the flattened text Word exports: tables as
// one tab-prefixed cell a line and a blank line after each row, a cell's
// further paragraphs on lines of their own.
func renderTXT(r *rand.Rand, reports []report, eol string) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteString(eol) }
	for ri, rep := range reports {
		var c counters
		if ri > 0 {
			line("")
		}
		for _, blk := range rep.blocks {
			switch blk.kind {
			case paraBlock:
				line(blk.text)
			case blankBlock:
				line("")
			case fieldBlock:
				line(blk.label + blk.text + strings.Repeat(" ", r.IntN(30)))
				line("")
			case titleBlock:
				for l := range strings.SplitSeq(blk.text, "\n") {
					line(l)
				}
			case headingBlock:
				lead := ""
				if r.IntN(6) == 0 {
					lead = " " // the stray space the sample has
				}
				line(lead + marker(blk.level, c.next(blk.level)) + blk.text)
			case tableBlock:
				for _, row := range blk.rows {
					for _, cell := range row {
						paras := strings.Split(cell, "\n")
						line("\t" + paras[0])
						for _, p := range paras[1:] {
							line(p)
						}
					}
					line("")
				}
				line("")
			}
		}
	}
	return []byte(b.String())
}

// docxOptions says how headings are numbered in a .docx.
type docxOptions struct {
	numbering bool // numbers from numbering.xml, else typed into the text
}

const docxStyles = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/></w:style>`

// docxAbstractNum is the sample's multilevel list: 一、 / （一） / 1.
const docxAbstractNum = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>` +
	`</w:abstractNum>`

// renderDOCX writes reports as a Word package: headings in the heading
// styles, numbered by a list (one w:num per report, later ones restarting)
// or typed; titles centred and bold; cover fields as a bold label and an
// underlined value; tables as real w:tbl with gridSpan and vMerge.
func renderDOCX(r *rand.Rand, reports []report, opt docxOptions) ([]byte, error) {
	var body, nums strings.Builder
	nums.WriteString(docxAbstractNum)
	for ri, rep := range reports {
		numID := ri + 1
		if ri == 0 {
			fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/></w:num>`, numID)
		} else {
			fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, numID)
		}
		var c counters
		for bi, blk := range rep.blocks {
			switch blk.kind {
			case paraBlock:
				body.WriteString(`<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr>` + docxgen.R(blk.text) + `</w:p>`)
			case blankBlock:
				body.WriteString(`<w:p/>`)
			case fieldBlock:
				body.WriteString(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>` + esc(blk.label) + `</w:t></w:r>` +
					`<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">` + esc(blk.text+strings.Repeat(" ", r.IntN(30))) + `</w:t></w:r></w:p>`)
			case titleBlock:
				ppr := `<w:jc w:val="center"/>`
				if ri > 0 && bi == 0 {
					ppr = `<w:pageBreakBefore/>` + ppr
				}
				body.WriteString(`<w:p><w:pPr>` + ppr + `</w:pPr>`)
				for k, l := range strings.Split(blk.text, "\n") {
					if k > 0 {
						body.WriteString(`<w:r><w:br/></w:r>`)
					}
					body.WriteString(`<w:r><w:rPr><w:b/><w:sz w:val="44"/></w:rPr><w:t>` + esc(l) + `</w:t></w:r>`)
				}
				body.WriteString(`</w:p>`)
			case headingBlock:
				if opt.numbering {
					fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="%d"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`,
						blk.level, blk.level-1, numID, docxgen.R(blk.text))
				} else {
					text := marker(blk.level, c.next(blk.level)) + blk.text
					body.WriteString(`<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>` + esc(text) + `</w:t></w:r></w:p>`)
				}
			case tableBlock:
				writeTable(&body, blk)
				body.WriteString(`<w:p/>`)
			}
		}
	}
	body.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`)
	d := docxgen.Doc{
		Body:    body.String(),
		Styles:  docxStyles,
		Headers: []string{`<w:p><w:r><w:t>附件</w:t></w:r></w:p>`},
		Footers: []string{`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`},
	}
	if opt.numbering {
		d.Numbering = nums.String()
	}
	return d.Bytes()
}

// writeTable writes a table whose rows may be shorter than its grid: a
// one-cell row spans the grid, and in a shorter row the last cell spans
// what is left. With merge, equal non-empty cells of column 1 in
// consecutive rows become one vertically merged cell.
func writeTable(b *strings.Builder, t block) {
	const colW = 1769
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>` +
		`<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>` +
		`</w:tblBorders></w:tblPr><w:tblGrid>`)
	for range t.width {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, colW)
	}
	b.WriteString(`</w:tblGrid>`)
	for ri, row := range t.rows {
		b.WriteString(`<w:tr>`)
		for ci, cell := range row {
			span := 1
			if ci == len(row)-1 {
				span = t.width - len(row) + 1
			}
			var pr bytes.Buffer
			fmt.Fprintf(&pr, `<w:tcW w:w="%d" w:type="dxa"/>`, colW*span)
			if span > 1 {
				fmt.Fprintf(&pr, `<w:gridSpan w:val="%d"/>`, span)
			}
			text := cell
			if t.merge && ci == 1 && len(row) == t.width && cell != "" {
				above := ri > 0 && len(t.rows[ri-1]) == t.width && t.rows[ri-1][1] == cell
				below := ri+1 < len(t.rows) && len(t.rows[ri+1]) == t.width && t.rows[ri+1][1] == cell
				switch {
				case above:
					pr.WriteString(`<w:vMerge/>`)
					text = ""
				case below:
					pr.WriteString(`<w:vMerge w:val="restart"/>`)
				}
			}
			b.WriteString(`<w:tc><w:tcPr>` + pr.String() + `</w:tcPr>`)
			for p := range strings.SplitSeq(text, "\n") {
				if p == "" {
					b.WriteString(`<w:p/>`)
				} else {
					b.WriteString(docxgen.P(p))
				}
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func esc(s string) string { return xmlEscaper.Replace(s) }
