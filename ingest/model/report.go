package model

// Extraction is what extract builds from one Document: its reports, each
// with the facts found in it. Every document has at least one report, so no
// fact is ever dropped for want of one.
type Extraction struct {
	Reports []Report
	Index   []IndexUnit // text to index for full-text search, filled by the pipeline
}

// IndexUnit is one piece of text for the full-text index: a report title, a
// section (title and body) or a table cell. Tokens is Text segmented into
// words separated by spaces, for SQLite FTS5's unicode61 tokenizer.
type IndexUnit struct {
	Report  int    // index into Extraction.Reports
	Section int    // index into that report's Sections, -1 when none
	Kind    string // "title", "section", "cell", "paragraph"
	Block   int    // body block index
	Text    string // original text, for display
	Tokens  string
}

// Report is one report inside a document. Blocks [FirstBlock, EndBlock)
// of the document's body belong to it (0-based indexes into Document.Body).
type Report struct {
	No         int    // from 1 within its document
	Title      string // as printed, lines joined
	FirstBlock int
	EndBlock   int

	ProjectName      string
	Category         string
	ImplementingUnit string
	SupervisingDept  string
	EvaluationAgency string
	EvaluationYear   int    // 0 when unknown
	ReportDate       string // ISO 2020-06-25, empty when unknown
	Attachment       string // label such as "附件6", empty when none
	Goal             string // the 绩效目标 statement
	Preamble         string // body text before the first section; all the text of a report without headings

	// Where the project name, the year and the budget were read (cover,
	// title, subtitle, paragraph, table, sentence, form; document for a
	// year taken from the file's other reports), empty when unknown; the
	// rate the report states for its whole budget; the budget at the
	// start of the year when the budget is an adjusted one; and the
	// disagreements among the facts it states (Check).
	ProjectNameSource string
	YearSource        string
	BudgetSource      string
	RateStated        *float64
	Rate              *float64 // actual over budget of the funds rows that state both, in percent (grammar.Rate)
	InitialBudget     *Amount
	Checks            []Check

	Sections   []Section
	Tables     []ReportTable
	Funds      []Fund
	Evaluators []Evaluator
	Policies   []Policy
	Orgs       []Org
	Figures    []Figure
	Dates      []Date

	// What the document is and what the evaluation concluded (issue 9).
	Kind     string    // project_evaluation, self_evaluation, self_evaluation_form, department, transfer_form, not_report
	Score    Score     // the total score and grade, zero when the report states neither
	Findings []Finding // the problems and recommendations it makes
	// The evaluation's result, read from indicator and scoring tables.
	Indicators []Indicator
	Scores     []DimensionScore

	// Terms counts the report's content words (stop words and numbers
	// removed), for keywords weighted by TF-IDF over the whole database.
	Terms map[string]int
}

// Section is one node of a report's section tree. Sections are listed in
// document order; Parent is an index into Report.Sections or -1.
type Section struct {
	Parent int
	Level  int    // 1 is the top level of this report
	Marker string // as printed or generated: "一、", "（二）", "1."
	Number int    // the marker's number: 一 → 1, （二） → 2; 0 when none
	Title  string
	Body   string // the section's own text, before its first subsection
	Via    string // how the heading was recognised: "style", "numbering", "pattern"
	Block  int    // body block index of the heading
	Family string // heading family, e.g. "cn-dun" for 一、, "cn-paren" for （一）
	Role   string // what its heading says it holds: basic_info, funds, goals, implementation, results, conclusion, problems, recommendations; "" when none
}

// ReportTable is a table of the report with its header row mapped.
// HeaderRow, Header and Kind are those of its main block: the block the
// table is about, which its first header heads (or, in a form, the funds
// block under the cover rows).
type ReportTable struct {
	TableNo   int      // Document.Tables number
	Block     int      // body block index
	Caption   string   // title row or paragraph before the table
	HeaderRow int      // grid row of the header, -1 when none
	Header    []string // normalised header text per column
	Kind      string   // "funds", "evaluators", "" for others: the main block's kind when a reader reads it

	// Blocks are the table's rows in order, as blocks: a form
	// (项目支出绩效自评表) stacks a title row, cover rows, a funds block, a
	// goals block and an indicator block in one grid.
	Blocks []TableBlock
}

// TableBlock is a stretch of a table's rows [FirstRow, EndRow): header rows
// [FirstRow, HeaderRow] (none when HeaderRow is -1), then the rows they head.
type TableBlock struct {
	Kind      string   // "title", "cover" (key | value rows), "funds", "evaluators", "goals", "indicators", "" when unknown
	FirstRow  int      // first grid row, header rows included
	HeaderRow int      // last grid row of the header, -1 when none
	EndRow    int      // the row after the block's last
	Header    []string // normalised header text per column, nil when none
}

// Fund is one row of a funds table, amounts in 元.
type Fund struct {
	Item   string
	Budget *Amount
	Actual *Amount
	Rate   *float64 // actual / budget in percent, nil when unknown
	// RateStated is the execution rate the row states (a 执行率 cell, a
	// sentence's 执行率99%), nil when none: kept beside Rate, never
	// replaced by it.
	RateStated *float64
	TableNo    int
	Row        int
	BudgetRaw  string
	ActualRaw  string
}

// Amount is an exact decimal number, e.g. "724000" or "265800.5".
type Amount = string

// Evaluator is one person of an evaluator table.
type Evaluator struct {
	Name    string
	Org     string
	Title   string // the 职称/职务 cell
	TableNo int
	Row     int
}

// Policy is a cited policy document.
type Policy struct {
	Title  string // inside 《》, without the brackets
	Number string // document number such as 洪府发[2020]3号, empty when none
	Block  int
	Offset int // rune offset in the block's text
}

// Org is a named organisation.
type Org struct {
	Name  string
	Kind  string // the ending: 有限公司, 局, 中心 …
	Block int
	Count int // mentions in the report
}

// Place locates a fact in its document: the body block, the grid cell when
// it stands in a table, and the rune offset within that text.
type Place struct {
	Section int // index into Report.Sections, -1 when before the first section
	Block   int // body block index
	Row     int // table row, -1 for a paragraph
	Col     int // table column, -1 for a paragraph
	Offset  int // rune offset in the paragraph or cell text
}

// Figure is a number with its unit and meaning.
type Figure struct {
	Raw    string
	Value  string // exact decimal in Unit; empty when malformed
	High   string // upper end of a range, empty unless a range
	Unit   string // "元", "%", "‰", "百分点", "户", "㎡" …; empty when none
	Kind   string // money, percent, percentage_point, count, area, length, weight, number …
	Approx string // more, less, about, atleast, atmost; empty when exact
	Label  string
	Flag   string // "malformed" when Value could not be read
	Place  Place
}

// Date is a date found in the text, ISO formatted to its precision.
type Date struct {
	Raw   string
	Date  string // 2020-06-25, 2020-03 or 2020
	Place Place
}

// Score is an evaluation's total score and grade as the report states
// them, with where they stand: the score's place, else the grade's.
type Score struct {
	Value     string // exact decimal, "" when no score is stated
	Max       string // what the score is out of: "100" unless stated otherwise; "" without a score
	Grade     string // as written: 优, 良好, 合格 …; "" when none
	GradeNorm string // 优, 良, 中 or 差: the written grade's, else the score's by the 2020 rules
	Block     int    // body block index (none when neither is stated)
	Offset    int    // rune offset in the block's text (0 in a table)
	TableNo   int    // the table whose total row holds it, 0 in the text
	Row       int    // that row
}

// Finding is one problem or recommendation of a report: a subsection of
// its 存在的问题 or 意见建议 section, an item (1. 一是 ①) of its body, or
// the whole body when it lists none.
type Finding struct {
	Kind    string // "problem" or "recommendation"
	Section int    // index into Report.Sections: the section it is, or stands in
	No      int    // from 1 within its section
	Marker  string // "（一）", "1.", "一是", "①"; "" for a whole body
	Title   string // its lead phrase or heading, "" when none
	Text    string // all it says after its marker, title included (a subsection: title, then body)
	Block   int    // body block index where it starts
}

// Indicator is one row of a performance-indicator table (绩效指标): the
// indicator, its target and what was achieved. Values are exact decimals
// in their unit (money in 元), empty when the cell states no single number.
type Indicator struct {
	Level1      string // 一级指标, its weight label (（50分）) cut off
	Level2      string // 二级指标
	Level3      string // 三级指标: the indicator's own name
	TargetRaw   string // as written; a form's 指标性质, 指标值 and 度量单位 joined
	TargetValue string
	TargetUnit  string
	TargetOp    string // ≥ ≤ = > <, empty when the target states none
	ActualRaw   string
	ActualValue string
	ActualUnit  string
	Weight      string // 分值 or 权重
	Score       string // 得分
	Met         *bool  // whether the actual meets the target, nil unless both are numbers in one unit
	Deviation   string // 偏差原因分析及改进措施, 未完成原因
	TableNo     int
	Row         int
}

// DimensionScore is one dimension of an evaluation's scoring table (决策, 过程, 产出,
// 效益 with their weights and scores), or a form's first-level indicator
// with the weight its label states (产出指标（50分）).
type DimensionScore struct {
	Dimension string
	Weight    string // exact decimal, empty when not stated
	Score     string
	TableNo   int
	Row       int
}
