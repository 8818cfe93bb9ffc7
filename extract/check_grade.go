package extract

import (
	"fmt"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/ingest/model"
)

// CheckGradeScore: a written grade that the 2020 rules do not give the
// written score (90 and above 优, 80 to under 90 良, 60 to under 80 中,
// under 60 差).
const CheckGradeScore = "grade_score"

// checkGrade is a pass after the score pass: it compares the grade a
// report writes with the grade its score earns.
func checkGrade(_ *State, r *model.Report, _ []facts.Para) {
	sc := r.Score
	if sc.Value == "" || sc.Grade == "" {
		return
	}
	written, earned := result.NormGrade(sc.Grade), result.GradeOf(sc.Value, sc.Max)
	if written == "" || earned == "" || written == earned {
		return
	}
	block, row := sc.Block, -1
	if sc.TableNo != 0 {
		row = sc.Row
	}
	add(r, model.Check{Code: CheckGradeScore, Expected: earned, Found: sc.Grade, Block: block, TableNo: sc.TableNo, Row: row,
		Detail: fmt.Sprintf("得分%s分按评分等级应为“%s”，报告写作“%s”", sc.Value, earned, sc.Grade)})
}
