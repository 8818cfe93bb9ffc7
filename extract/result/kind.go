package result

import (
	_ "embed"
	"regexp"
	"strings"

	"github.com/govreports/govreports/extract/grammar"
)

// Document kinds (model.Report.Kind).
const (
	KindProjectEvaluation = "project_evaluation"   // 项目支出绩效评价报告
	KindSelfEvaluation    = "self_evaluation"      // 绩效自评报告
	KindSelfEvalForm      = "self_evaluation_form" // 项目支出绩效自评表
	KindDepartment        = "department"           // 部门整体支出绩效（自）评价报告
	KindTransferForm      = "transfer_form"        // 转移支付 / 专项资金 区域绩效自评表
	KindNotReport         = "not_report"           // results notices, lists of scores, templates, plans, other text
)

//go:embed kinds.tsv
var kindsTSV string

var kindPhrases = readPhrases(kindsTSV)

// TitleKind returns the kind a title names, "" when it names none.
func TitleKind(title string) string {
	t := grammar.NewText(title).Squashed
	if t == "" {
		return ""
	}
	for _, p := range kindPhrases {
		if strings.Contains(t, p.text) {
			return p.role
		}
	}
	return ""
}

// A Doc is what Kind reads of a report.
type Doc struct {
	Title string
	// Lead is the first lines of its text, which hold the title of a
	// document the structure took for no report (a notice: 关于…绩效评价
	// 结果的公告).
	Lead []string
	Text string // all its text paragraphs
	// Tables are its tables' cells, row by row (a merged cell once a row).
	Tables [][][]string
	Roles  []string // its sections' roles
	Funds  bool     // it states its budget or spending
}

// formLabels are the labels of a self-evaluation form's grid: a table
// holding all three is a form, whatever its title.
var formLabels = []string{"项目名称", "年度总体目标", "一级指标"}

// Kind says what a report is: from its title first, then from its body.
// A template (a form or report with its fields left blank) and a list of
// scores for many projects are no reports.
func Kind(d Doc) string {
	kind := TitleKind(d.Title)
	for _, line := range d.Lead {
		if kind != "" {
			break
		}
		// A first line the structure did not take for a report's title
		// names no report, but may name a notice or a plan.
		if k := TitleKind(line); k == KindNotReport && len([]rune(line)) <= 60 && !strings.ContainsAny(line, "。，,；;") {
			kind = k
		}
	}
	if kind == KindNotReport {
		return kind
	}
	if template(d) || targets(d) {
		return KindNotReport
	}
	if kind != "" {
		return kind
	}
	for _, t := range d.Tables {
		if scoreList(t) {
			return KindNotReport
		}
	}
	text := grammar.Fold(d.Text)
	for _, t := range d.Tables {
		if form(t) {
			if strings.Contains(text, "转移支付") || strings.Contains(cellText(t), "转移支付") {
				return KindTransferForm
			}
			return KindSelfEvalForm
		}
	}
	// Prose: a report has sections that say what they hold, and speaks of
	// the evaluation; a README or a letter does not.
	roles := map[string]bool{}
	for _, r := range d.Roles {
		if r != "" {
			roles[r] = true
		}
	}
	// A letter without sections that states its funds and speaks of the
	// evaluation (情况说明 sent for a self-evaluation) is a report too.
	if len(roles) < 2 && !d.Funds || !strings.Contains(text, "绩效") {
		return KindNotReport
	}
	switch {
	case strings.Contains(text, "部门整体"):
		return KindDepartment
	case strings.Contains(text, "自评"):
		return KindSelfEvaluation
	}
	return KindProjectEvaluation
}

func cellText(t [][]string) string {
	var b strings.Builder
	for _, row := range t {
		for _, c := range row {
			b.WriteString(grammar.Fold(c))
			b.WriteByte('\t')
		}
	}
	return b.String()
}

// form reports whether a table is a self-evaluation form's grid.
func form(t [][]string) bool {
	cells := cellText(t)
	cells = strings.Join(strings.Fields(cells), "")
	for _, l := range formLabels {
		if !strings.Contains(cells, l) {
			return false
		}
	}
	return true
}

// scoreList reports whether a table lists the scores of many projects:
// a header naming the project and its score or grade over three rows or
// more.
func scoreList(t [][]string) bool {
	if len(t) < 4 {
		return false
	}
	var name, score bool
	for _, c := range t[0] {
		c = grammar.NewText(c).Squashed
		name = name || strings.Contains(c, "项目名称") || c == "项目"
		score = score || strings.Contains(c, "得分") || strings.Contains(c, "分数") || strings.Contains(c, "评分") ||
			strings.Contains(c, "等级") || strings.Contains(c, "评价结果")
	}
	return name && score
}

// blank is a value left to be filled in: underscores, XX or ×× standing
// for a name, an empty bracket.
var blank = regexp.MustCompile(`^(?:_{3,}|＿{2,}|[XＸ×x]{2,}|[（(]\s*[）)]|[□☐])`)

// template reports whether a document is a template: a form without a
// project name or without figures (a template prints at most the weights
// 10 and 100), or text whose fields are blanks.
func template(d Doc) bool {
	for _, t := range d.Tables {
		if form(t) && (!named(t) || numericCells(t) < 4) {
			return true
		}
	}
	return blanks(d.Text, 5) >= 5
}

// outcomeWords are held by the cells of a form that reports the year's
// outcome: its actual values (实际完成值, 完成值, 实际完成情况) or its
// scores.
var outcomeWords = []string{"实际", "完成值", "得分"}

// targets reports whether a document is a form that only sets targets
// (绩效目标申报表, 绩效目标表): a form's grid, its indicators with their
// target values, and no cell for what was achieved or scored. It is
// written before the year, not an evaluation of it.
func targets(d Doc) bool {
	for _, t := range d.Tables {
		if form(t) && !grammar.ContainsAny(cellText(t), outcomeWords) {
			return true
		}
	}
	return false
}

// blanks counts the fields left blank in s, up to max: a run of three
// underscores or more (two full-width ones), of two X or × or more, an
// empty bracket, a box to tick.
func blanks(s string, max int) int {
	n := 0
	var run rune // the rune of the run in progress
	length := 0
	open := false // after an opening bracket and spaces
	for _, r := range s {
		if r == '_' || r == '＿' || r == 'X' || r == 'Ｘ' || r == '×' || r == 'x' {
			if r != run {
				run, length = r, 0
			}
			length++
			if length == 2 && r != '_' || length == 3 && r == '_' {
				n++
			}
		} else {
			run, length = 0, 0
		}
		switch {
		case r == '□' || r == '☐':
			n++
		case open && (r == '）' || r == ')'):
			n++
		}
		open = r == '（' || r == '(' || open && grammar.IsSpace(r)
		if n >= max {
			break
		}
	}
	return n
}

// named reports whether a form's 项目名称 cell has a value beside it.
func named(t [][]string) bool {
	for _, row := range t {
		for i, c := range row {
			if grammar.NewText(c).Squashed != "项目名称" {
				continue
			}
			for _, v := range row[i+1:] {
				if v = strings.TrimSpace(v); v != "" && v != c {
					return !blank.MatchString(v)
				}
			}
			return false
		}
	}
	return true // a form names its project elsewhere (a cover line)
}

// numericCells counts the cells of a table that hold a digit: a filled
// form states amounts, targets and scores.
func numericCells(t [][]string) int {
	n := 0
	for _, row := range t {
		for _, c := range row {
			if strings.ContainsAny(c, "0123456789０１２３４５６７８９") {
				n++
			}
		}
	}
	return n
}
