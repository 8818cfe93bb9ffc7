package tables

import (
	"regexp"
	"strings"

	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// Kinds of block that the shape of their rows tells, not a header.
const (
	KindTitle = "title" // the title row, one text across the table
	KindCover = "cover" // key | value rows: 项目名称 | X, 主管部门 | Y | 实施单位 | Z
)

// blocks splits the rows of t into blocks, given its main header (rt) and
// the header's first row: the title row, the rows above the main block,
// the main block, and the blocks under it, each ending where a row reads
// as a header of its own. Under the main block, a block's header is its
// first row as it stands.
func (rd *Reader) blocks(t *model.Table, rt model.ReportTable, titled bool, first int) []model.TableBlock {
	var out []model.TableBlock
	start := 0
	if titled {
		out = append(out, model.TableBlock{Kind: KindTitle, FirstRow: 0, HeaderRow: -1, EndRow: 1})
		start = 1
	}
	if rt.HeaderRow < 0 {
		return append(out, rd.segment(t, start, t.Rows)...)
	}
	out = append(out, rd.segment(t, start, first)...)
	kind := rt.Kind
	if kind == "" {
		kind = rd.kind(rt.Header, false)
	}
	b := model.TableBlock{Kind: kind, FirstRow: first, HeaderRow: rt.HeaderRow, Header: rt.Header}
	for {
		b.EndRow = rd.blockEnd(t, b.HeaderRow, b.Kind)
		out = append(out, b)
		if b.EndRow >= t.Rows {
			return out
		}
		h := HeaderAt(t, b.EndRow)
		b = model.TableBlock{Kind: rd.kind(h, false), FirstRow: b.EndRow, HeaderRow: b.EndRow, Header: h}
	}
}

// blockEnd is where the block of kind under header row h ends. The row
// under a header may be the header's second row, so a block runs at
// least two rows; but a row there that heads a block of another kind ends
// a one-row block (年度总体目标 | 预期目标：… | 实际完成情况：…, with the
// indicators' header right under it).
func (rd *Reader) blockEnd(t *model.Table, h int, kind string) int {
	if n := h + 1; n < t.Rows && startsBlock(t, n) {
		if k := rd.kind(HeaderAt(t, n), false); k != "" && k != kind {
			return n
		}
	}
	return blockEnd(t, h)
}

// segment splits rows [from, to), which stand above the main block, into
// runs of cover rows, blocks under a header row of their own, and runs of
// rows that are neither. Empty rows go with the run they stand in.
func (rd *Reader) segment(t *model.Table, from, to int) []model.TableBlock {
	var out []model.TableBlock
	for r := from; r < to; {
		b := model.TableBlock{FirstRow: r, HeaderRow: -1}
		switch {
		case isCoverRow(rowTexts(t, r)):
			b.Kind = KindCover
			for r++; r < to && (isCoverRow(rowTexts(t, r)) || len(rowTexts(t, r)) == 0); r++ {
			}
		case startsBlock(t, r):
			b.HeaderRow, b.Header = r, HeaderAt(t, r)
			b.Kind = rd.kind(b.Header, false)
			r = min(rd.blockEnd(t, r, b.Kind), to)
		default:
			for r++; r < to && !isCoverRow(rowTexts(t, r)) && !startsBlock(t, r); r++ {
			}
		}
		b.EndRow = r
		out = append(out, b)
	}
	return out
}

// AsCover returns rt read as key | value rows (a cover table, as the
// structure tells it): no header, and all rows under the title row one
// cover block.
func AsCover(rt model.ReportTable) model.ReportTable {
	rt.HeaderRow, rt.Header, rt.Kind = -1, nil, ""
	if len(rt.Blocks) == 0 {
		return rt
	}
	blocks := make([]model.TableBlock, 0, 2)
	start, end := 0, rt.Blocks[len(rt.Blocks)-1].EndRow
	if rt.Blocks[0].Kind == KindTitle {
		blocks = append(blocks, rt.Blocks[0])
		start = rt.Blocks[0].EndRow
	}
	if start < end {
		blocks = append(blocks, model.TableBlock{Kind: KindCover, FirstRow: start, HeaderRow: -1, EndRow: end})
	}
	rt.Blocks = blocks
	return rt
}

// coverLabelEndings end the labels of a form's cover rows: 项目名称,
// 主管部门, 实施单位, 评价机构, 项目负责人, 联系电话.
var coverLabelEndings = []string{"名称", "部门", "单位", "机构", "类别", "类型", "年度", "负责人", "联系人", "电话", "日期", "编号", "地址"}

// labelNote is a note in brackets after a label: 实施单位（盖章）.
var labelNote = regexp.MustCompile(`[（(][^（()）]*[）)]$`)

// isCoverLabel reports whether s reads as the label of a cover row.
func isCoverLabel(s string) bool {
	s = strings.TrimRight(textnorm.Squash(textnorm.Simplify(s)), "：:")
	s = labelNote.ReplaceAllString(s, "")
	if s == "" || textnorm.Len(s) > 12 {
		return false
	}
	for _, e := range coverLabelEndings {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// isCoverRow reports whether a row's texts are label | value pairs, the
// last value possibly empty: labels where labels go, values that are not.
func isCoverRow(texts []string) bool {
	if len(texts) < 2 {
		return false
	}
	for i, s := range texts {
		if isCoverLabel(s) != (i%2 == 0) {
			return false
		}
	}
	return true
}
