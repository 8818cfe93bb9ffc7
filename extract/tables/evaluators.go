package tables

import (
	"strings"

	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// KindEvaluators is a block of the people who wrote the report.
const KindEvaluators = "evaluators"

// evaluatorsReader reads evaluators blocks: one Evaluator per person row
// (see blockEvaluators).
type evaluatorsReader struct{}

func (evaluatorsReader) Kind() string { return KindEvaluators }

// Detect: a column of names and one of organisations or titles.
func (evaluatorsReader) Detect(header []string) bool {
	return columns(header, personCols, nil) >= 0 && (columns(header, orgCols, nil) >= 0 || columns(header, titleCols, nil) >= 0)
}

func (evaluatorsReader) Read(t *model.Table, rt model.ReportTable, b model.TableBlock, r *model.Report) {
	r.Evaluators = addEvaluators(r.Evaluators, blockEvaluators(t, rt, b))
}

// addEvaluators appends the people of evs not already listed: a report
// often names its evaluation team in its text and again in an attachment.
// A person is the same when name and organisation are (an empty
// organisation matches any).
func addEvaluators(have, evs []model.Evaluator) []model.Evaluator {
next:
	for _, e := range evs {
		for _, h := range have {
			if h.Name == e.Name && (h.Org == e.Org || h.Org == "" || e.Org == "") {
				continue next
			}
		}
		have = append(have, e)
	}
	return have
}

// notPeople are the labels of the signature rows under the people.
var notPeople = []string{"组长", "签名", "签字", "盖章", "中介机构", "评价机构", "日期", "合计"}

// blockEvaluators reads one Evaluator per person row of evaluators block
// b, names kept as written ("张磊（女）") but for the spaces that align them.
func blockEvaluators(t *model.Table, rt model.ReportTable, b model.TableBlock) []model.Evaluator {
	rt = blockView(rt, b)
	name := columns(rt.Header, personCols, nil)
	org := columns(rt.Header, orgCols, nil)
	title := columns(rt.Header, titleCols, nil)
	var out []model.Evaluator
rows:
	for r := rt.HeaderRow + 1; r < b.EndRow; r++ {
		// "周  涛": names are spread with spaces to align with three-character names.
		n := textnorm.Label(cellText(t, r, name))
		if n == "" || textnorm.Len(n) > 16 || strings.ContainsAny(n, "：:") {
			continue
		}
		for _, w := range notPeople {
			if strings.Contains(textnorm.Simplify(n), w) {
				continue rows
			}
		}
		out = append(out, model.Evaluator{Name: n, Org: cellText(t, r, org), Title: cellText(t, r, title), TableNo: rt.TableNo, Row: r})
	}
	return out
}
