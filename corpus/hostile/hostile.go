// Package hostile builds the crafted inputs of issue 13 that cost a reader
// memory out of all proportion to their size, so that tests and bench/
// can make them at any size instead of committing them.
package hostile

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/govreports/govreports/corpus/docxgen"
)

// Paragraphs returns a .docx of n empty paragraphs: 4 million make a
// 396 KB file.
func Paragraphs(n int) ([]byte, error) {
	return docxgen.Doc{Body: strings.Repeat("<w:p/>", n)}.Bytes()
}

// NestedTables returns a .docx of depth tables, each in the first cell of
// the table around it, each such cell with paras paragraphs of figures:
// the text of a cell includes that of the tables nested in it.
func NestedTables(depth, paras int) ([]byte, error) {
	var b strings.Builder
	for i := range depth {
		b.WriteString("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>")
		for k := range paras {
			b.WriteString(docxgen.P(fmt.Sprintf("预算 %d 万元，执行率 98.%d%%", i+1, k)))
		}
	}
	for range depth {
		b.WriteString("<w:p/></w:tc><w:tc>" + docxgen.P("合计 100 万元") + "</w:tc></w:tr></w:tbl>")
	}
	return docxgen.Doc{Body: docxgen.P("一、项目概况") + b.String() + "<w:p/>"}.Bytes()
}

// AltChunks returns a .docx that imports the same embedded document of
// paras paragraphs n times with w:altChunk.
func AltChunks(n, paras int) ([]byte, error) {
	var inner strings.Builder
	for i := range paras {
		inner.WriteString(docxgen.P(fmt.Sprintf("第%d段：项目资金 %d 万元。", i+1, i)))
	}
	chunk, err := docxgen.Doc{Body: inner.String()}.Bytes()
	if err != nil {
		return nil, err
	}
	return docxgen.Doc{
		Body:  docxgen.P("一、项目概况") + strings.Repeat(`<w:altChunk r:id="c1"/>`, n),
		Rels:  []docxgen.Rel{{ID: "c1", Type: "aFChunk", Target: "chunk1.docx"}},
		Files: map[string][]byte{"word/chunk1.docx": chunk},
	}.Bytes()
}

// LongLine writes a .txt of one line of n bytes (Chinese text, UTF-8)
// to w, without holding it.
func LongLine(w io.Writer, n int64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	const unit = "项目资金执行率百分之九十八。" // 42 bytes
	for n >= int64(len(unit)) {
		bw.WriteString(unit)
		n -= int64(len(unit))
	}
	bw.WriteString(strings.Repeat("x", int(n)))
	bw.WriteString("\n")
	return bw.Flush()
}
