package extract

import "github.com/govreports/govreports/ingest/model"

// fillYears gives reports without an evaluation year the year most of the
// document's other reports have: reports filed together are of one year.
func fillYears(rs []model.Report) {
	count := make(map[int]int)
	best := 0
	for _, r := range rs {
		if r.EvaluationYear == 0 {
			continue
		}
		count[r.EvaluationYear]++
		if c := count[r.EvaluationYear]; c > count[best] || c == count[best] && r.EvaluationYear < best {
			best = r.EvaluationYear
		}
	}
	for i := range rs {
		if rs[i].EvaluationYear == 0 && best != 0 {
			rs[i].EvaluationYear, rs[i].YearSource = best, "document"
		}
	}
}

// readYears is the years pass: see fillYears.
func readYears(s *State) { fillYears(s.Reports) }
