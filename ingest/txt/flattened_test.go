package txt

import (
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
)

// gridOf writes a table as its rows, cells parted by " | ", each cell at
// its top-left only ("" where a cell spans from the left).
func gridOf(tb *model.Table) []string {
	var out []string
	for r := 0; r < tb.Rows; r++ {
		cells := make([]string, tb.Cols)
		for c := range tb.Cols {
			if cell := tb.Cell(r, c); cell != nil && cell.Row == r && cell.Col == c {
				cells[c] = cell.Text
			} else {
				cells[c] = "<"
			}
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

func decodeOne(t *testing.T, text string) *model.Document {
	t.Helper()
	doc, err := Decode("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc)
	return doc
}

func checkGrid(t *testing.T, doc *model.Document, want []string) {
	t.Helper()
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want 1; body %+v", len(doc.Tables), doc.Body)
	}
	if got := gridOf(&doc.Tables[0]); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestSpacedRows: rows whose cells are parted by runs of spaces make a
// table; an indented row lacks its first cells, another short row its last
// (which then spans the rest); a single space stays inside a cell.
func TestSpacedRows(t *testing.T) {
	doc := decodeOne(t, "表1 项目资金\n"+
		"项目名称    道路保洁\n"+
		"项目    预算数（万元）    执行数（万元）\n"+
		"人员经费　　12.5　　12\n"+
		"        其中：加班费    1.5\n"+
		"表后文字，只有 一个空格。\n")
	checkGrid(t, doc, []string{
		"项目名称 | 道路保洁 | <",
		"项目 | 预算数（万元） | 执行数（万元）",
		"人员经费 | 12.5 | 12",
		" | 其中：加班费 | 1.5",
	})
	if b := doc.Body[0]; b.Kind != model.KindParagraph || b.Para.Text != "表1 项目资金" {
		t.Errorf("caption %+v", b)
	}
	if b := doc.Body[len(doc.Body)-1]; b.Kind != model.KindParagraph {
		t.Errorf("last block %+v", b)
	}
}

// TestSpacedWrappedLabel: a form's label printed over two lines, its unit
// note alone on the second (资金投入 over (万元)), ends the first cell of
// the row above, and the table goes on under it. A note with no table
// row after it is text.
func TestSpacedWrappedLabel(t *testing.T) {
	doc := decodeOne(t, "资金投入    年初预算数    全年预算数    全年执行数\n"+
		"(万元)\n"+
		"合计    300    320    310.4\n"+
		"其中：财政拨款    300    320    310.4\n")
	checkGrid(t, doc, []string{
		"资金投入\n(万元) | 年初预算数 | 全年预算数 | 全年执行数",
		"合计 | 300 | 320 | 310.4",
		"其中：财政拨款 | 300 | 320 | 310.4",
	})
	doc = decodeOne(t, "项目    预算数    执行数\n合计    300    310\n（万元）\n正文。\n")
	if len(doc.Tables) != 1 || doc.Tables[0].Rows != 2 || len(doc.Body) != 3 {
		t.Errorf("a note after the table: %d tables, %d blocks", len(doc.Tables), len(doc.Body))
	}
}

// TestSpacedRowsNotATable: one line of wide spaces, or lines of two cells
// only, are text.
func TestSpacedRowsNotATable(t *testing.T) {
	for _, text := range []string{
		"一、项目概况    二、评价结论    三、问题\n正文。\n",
		"项目名称    道路保洁\n实施单位    环卫所\n",
		// Cover lines of label：value cells, which the structure reads.
		"项目名称：道路保洁    实施单位：环卫所    主管部门：城管局\n评价机构：某某会计师事务所    评价时间：2021年3月    负责人：张三\n",
	} {
		doc := decodeOne(t, text)
		if len(doc.Tables) != 0 || len(doc.Body) != strings.Count(text, "\n") {
			t.Errorf("%q: %d tables, %d blocks", text, len(doc.Tables), len(doc.Body))
		}
	}
}

// TestSpacedIndicatorRows: under an indicator header the form's level
// labels place a row's cells, whichever merged levels and empty last cells
// it leaves out.
func TestSpacedIndicatorRows(t *testing.T) {
	doc := decodeOne(t, "一级指标  二级指标  三级指标  指标值  完成值  分值  得分  偏差原因\n"+
		"产出指标（50分）  数量指标  培训人次  ≥500人次  520人次  20  20\n"+
		"  培训场次  ≥10场  9场  10  8  延期\n"+
		"  质量指标  合格率  ≥95%  97%  20  20\n"+
		"满意度指标  满意度  ≥90%  93%  10  10\n"+
		"总分  100  96\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因",
		"产出指标（50分） | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 20 | 20 | ",
		" |  | 培训场次 | ≥10场 | 9场 | 10 | 8 | 延期",
		" | 质量指标 | 合格率 | ≥95% | 97% | 20 | 20 | ",
		"满意度指标 |  | 满意度 | ≥90% | 93% | 10 | 10 | ",
		"总分 | 100 | 96 | < | < | < | < | <",
	})
}

// TestTabIndicatorRowsInPlace: Word's tab export writes the cells merged
// down as empty cells and leaves out only an empty last cell (the reason
// for a deviation): a row that starts with its empty merged cells is in
// place, one cell short at its end.
func TestTabIndicatorRowsInPlace(t *testing.T) {
	doc := decodeOne(t, "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\t偏差原因\n"+
		"\t产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t20\t20\n"+
		"\t\t\t培训场次\t≥10场\t9场\t10\t8\t延期一场\n"+
		"\t\t时效指标\t完成时间\t11月底前\t11月20日\t10\t10\n"+
		"\t满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t95%\t10\t10\n"+
		"总分\t100\t98\n")
	checkGrid(t, doc, []string{
		"绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因",
		" | 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 20 | 20 | ",
		" |  |  | 培训场次 | ≥10场 | 9场 | 10 | 8 | 延期一场",
		" |  | 时效指标 | 完成时间 | 11月底前 | 11月20日 | 10 | 10 | ",
		" | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 95% | 10 | 10 | ",
		"总分 | 100 | 98 | < | < | < | < | < | <",
	})
}

// TestLineCells: an indicator table copied one cell a line is re-gridded by
// its header: the merged levels a row leaves out are empty cells, an empty
// cell is a blank line, an empty last cell left out is told by the next
// row's level label or by its weight and score; the total under it is its
// last row, as in the other layouts.
func TestLineCells(t *testing.T) {
	lines := []string{
		"绩效指标",
		"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
		"产出指标（50分）", "数量指标", "培训人次", "≥500人次", "520人次", "20", "20",
		"培训场次", "≥10场", "9场", "10", "8", "延期一场",
		"质量指标", "合格率", "", "97%", "20", "18",
		"效益指标", "社会效益指标", "技能提升", "效果明显", "效果明显", "30", "30",
		"总分", "100", "96",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
		"产出指标（50分） | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 20 | 20 | ",
		" |  | 培训场次 | ≥10场 | 9场 | 10 | 8 | 延期一场",
		" | 质量指标 | 合格率 |  | 97% | 20 | 18 | ",
		"效益指标 | 社会效益指标 | 技能提升 | 效果明显 | 效果明显 | 30 | 30 | ",
		"总分 | 100 | 96 | < | < | < | < | <",
	})
	var paras []string
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph {
			paras = append(paras, b.Para.Text)
		}
	}
	if got := strings.Join(paras, " "); got != "绩效指标" {
		t.Errorf("paragraphs %q", got)
	}
	if tb := doc.Tables[0]; tb.Pos.Line != 2 || tb.Cell(2, 7).Text != "延期一场" {
		t.Errorf("table at line %d", tb.Pos.Line)
	}
}

// TestLineCellsSpacedHeader: a web page's indicator table keeps its
// header on one line, labels parted by single spaces, and puts every cell
// of its rows on a line of its own; the levels may stand only in a
// group's first row. The header line says how many cells a row has.
func TestLineCellsSpacedHeader(t *testing.T) {
	lines := []string{
		"一级指标 二级指标 三级指标 指标值 完成值 分值 得分",
		"产出指标", "数量指标", "改造户数", "≥300户", "312户", "30", "30",
		"时效指标", "完工及时率", "100%", "96%", "20", "18",
		"满意度指标", "服务对象满意度指标", "住户满意度", "≥90%", "93%", "50", "50",
		"总分", "100", "98",
		"项目总体完成较好。",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分",
		"产出指标 | 数量指标 | 改造户数 | ≥300户 | 312户 | 30 | 30",
		" | 时效指标 | 完工及时率 | 100% | 96% | 20 | 18",
		"满意度指标 | 服务对象满意度指标 | 住户满意度 | ≥90% | 93% | 50 | 50",
		"总分 | 100 | 98 | < | < | < | <",
	})
	if b := doc.Body[len(doc.Body)-1]; b.Kind != model.KindParagraph || b.Para.Text != "项目总体完成较好。" {
		t.Errorf("last block %+v", b)
	}
}

// TestLineCellsTotal: the rows under an indicator table written one cell
// a line are its rows where their cells are certain — a total's label and
// two figures, a grade's label and a word — and text where they are not:
// one figure (a blank template's maximum, or the score?), three, a grade
// that is a sentence.
func TestLineCellsTotal(t *testing.T) {
	head := "一级指标\n二级指标\n三级指标\n指标值\n完成值\n分值\n得分\n产出指标\n数量指标\n人次\n≥500\n520\n20\n20\n"
	for _, c := range []struct{ tail, last, paras string }{
		{"总分\n100\n96\n自评等级\n优\n\n填报人：王芳\n", "总分 | 100 | 96 | < | < | < | <\n自评等级 | 优 | < | < | < | < | <", "填报人：王芳"},
		{"合计\n100\n96\n", "合计 | 100 | 96 | < | < | < | <", ""},
		{"总分\n100\n96\n优\n项目负责人：李明\n", "总分 | 100 | 96 | 优 | < | < | <", "项目负责人：李明"},
		{"总分\n100\n96\n优\n良\n", "", "总分 100 96 优 良"},
		{"总分\n100\n\n填报人：王芳\n", "", "总分 100 填报人：王芳"},
		{"总分\n100\n96\n95\n", "", "总分 100 96 95"},
		{"总分\n100\n96\n自评等级\n达到预期目标，效果良好\n", "总分 | 100 | 96 | < | < | < | <", "自评等级 达到预期目标，效果良好"},
	} {
		doc := decodeOne(t, head+c.tail)
		want := []string{"一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分", "产出指标 | 数量指标 | 人次 | ≥500 | 520 | 20 | 20"}
		if c.last != "" {
			want = append(want, strings.Split(c.last, "\n")...)
		}
		checkGrid(t, doc, want)
		var paras []string
		for _, b := range doc.Body {
			if b.Kind == model.KindParagraph {
				paras = append(paras, b.Para.Text)
			}
		}
		if got := strings.Join(paras, " "); got != c.paras {
			t.Errorf("%q: paragraphs %q, want %q", c.tail, got, c.paras)
		}
	}
}

// TestLineCellsNotATable: header labels with no whole row under them are
// text.
func TestLineCellsNotATable(t *testing.T) {
	doc := decodeOne(t, "一级指标\n二级指标\n三级指标\n得分\n说明文字。\n")
	if len(doc.Tables) != 0 || len(doc.Body) != 5 {
		t.Errorf("%d tables, %d blocks", len(doc.Tables), len(doc.Body))
	}
}

// TestLineFunds: a form's funds block copied one cell a line is re-gridded
// by its header labels; it ends at the first item without a row of
// amounts under it.
func TestLineFunds(t *testing.T) {
	lines := []string{
		"项目名称", "道路保洁",
		"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率",
		"年度资金总额", "120", "1,125.5", "118.37", "94.32%",
		"其中：财政拨款", "120", "", "—", "/",
		"年度总体目标", "预期目标", "实际完成情况", "道路干净。", "道路干净整洁。",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
		"年度资金总额 | 120 | 1,125.5 | 118.37 | 94.32%",
		"其中：财政拨款 | 120 |  | — | /",
	})
	if n := len(doc.Body); n != 2+1+5 {
		t.Errorf("%d blocks", n)
	}
}

// TestPipeRowspan: pipe rows copied from a web page's indicator table lack
// the cells merged down from above; the level labels place the rest.
func TestPipeRowspan(t *testing.T) {
	doc := decodeOne(t, "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 得分 |\n"+
		"| 产出指标 | 数量指标 | 人次 | ≥500 | 520 | 20 |\n"+
		"| 场次 | ≥10 | 9 | 8 |\n"+
		"| 时效指标 | 及时率 | 100% | 100% | 10 |\n"+
		"| 总分 | 100 | 38 |\n")
	checkGrid(t, doc, []string{
		"绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 得分",
		" | 产出指标 | 数量指标 | 人次 | ≥500 | 520 | 20",
		" |  |  | 场次 | ≥10 | 9 | 8",
		" |  | 时效指标 | 及时率 | 100% | 100% | 10",
		"总分 | 100 | 38 | < | < | < | <",
	})
}

// TestLineFundsUnitLabel: a department's funds block copied one cell a
// line, headed by the budget with the block's unit (年度预算数（万元）), is
// re-gridded as a project's is.
func TestLineFundsUnitLabel(t *testing.T) {
	lines := []string{
		"部门（单位）名称", "某某县卫生健康局",
		"年度预算数（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率",
		"年度资金总额", "5,600", "6,120.8", "5,986.4", "97.80%",
		"其中：基本支出", "3,200", "3,350.6", "3,350.6", "100%",
		"年度履职目标",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"年度预算数（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
		"年度资金总额 | 5,600 | 6,120.8 | 5,986.4 | 97.80%",
		"其中：基本支出 | 3,200 | 3,350.6 | 3,350.6 | 100%",
	})
}

// TestLineFundsWrappedLabel: a funds block copied one cell a line whose
// first label wraps before its unit (资金来源 over (万元)) is re-gridded with
// the note ending that label.
func TestLineFundsWrappedLabel(t *testing.T) {
	lines := []string{
		"项目名称", "某某镇污水管网维护",
		"资金来源", "(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率",
		"年度资金总额", "40", "45", "36", "80%",
		"其中：财政拨款", "40", "45", "36", "80%",
		"年度总体目标",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"资金来源(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
		"年度资金总额 | 40 | 45 | 36 | 80%",
		"其中：财政拨款 | 40 | 45 | 36 | 80%",
	})
}

// TestLineCellsScoringTable: a scoring table copied one cell a line whose
// columns after the indicator hold numbers only: the numbers end each row,
// so levels named in no form's words (决策（20分）, 项目立项) start their
// rows where they stand.
func TestLineCellsScoringTable(t *testing.T) {
	lines := []string{
		"一级指标", "二级指标", "三级指标", "分值", "得分",
		"决策（20分）", "项目立项", "立项依据充分性", "5", "4",
		"论证程序规范性", "5", "5",
		"资金投入", "预算编制科学性", "10", "8.5",
		"效益（80分）", "社会效益", "群众获得感", "80", "70",
		"合计", "100", "87.5",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 分值 | 得分",
		"决策（20分） | 项目立项 | 立项依据充分性 | 5 | 4",
		" |  | 论证程序规范性 | 5 | 5",
		" | 资金投入 | 预算编制科学性 | 10 | 8.5",
		"效益（80分） | 社会效益 | 群众获得感 | 80 | 70",
		"合计 | 100 | 87.5 | < | <",
	})
}

// TestSpacedRowsWrappedCell: an indicator table in runs of spaces whose
// cells wrap onto a line of their own: the text there lines up with the
// cell it ends, and joins it rather than ending the table.
func TestSpacedRowsWrappedCell(t *testing.T) {
	lines := []string{
		"一级指标  二级指标  三级指标          指标值    分值  得分",
		"产出指标  数量指标  培训人次          ≥500人    20    20",
		"          时效指标  课程完成及时率    100%      10    9",
		"效益指标  社会效益  参训人员就业率    ≥60%      30    28",
		"          可持续影  师资库运行        长期      10    10",
		"          响指标",
		"总分                                            70    67",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 得分",
		"产出指标 | 数量指标 | 培训人次 | ≥500人 | 20 | 20",
		" | 时效指标 | 课程完成及时率 | 100% | 10 | 9",
		"效益指标 | 社会效益 | 参训人员就业率 | ≥60% | 30 | 28",
		" | 可持续影响指标 | 师资库运行 | 长期 | 10 | 10",
		"总分 | 70 | 67 | < | < | <",
	})
}

// TestTSVRows: rows copied as tab-separated lines make a table in which
// each tab says the column, a leading tab an empty first cell; lines of a
// label and a value, or of a heading and its page, stay text.
func TestTSVRows(t *testing.T) {
	doc := decodeOne(t, "项目支出绩效自评表\n"+
		"项目名称\t农家书屋运行补助\n"+
		"项目资金（万元）\t\t年初预算数\t全年预算数\t执行率\n"+
		"\t年度资金总额\t85\t92.4\t97.56%\n"+
		"\t其中：财政拨款\t85\t\t—\n"+
		"\n填报人：吴晓燕\n")
	checkGrid(t, doc, []string{
		"项目名称 | 农家书屋运行补助 | < | < | <",
		"项目资金（万元） |  | 年初预算数 | 全年预算数 | 执行率",
		" | 年度资金总额 | 85 | 92.4 | 97.56%",
		" | 其中：财政拨款 | 85 |  | —",
	})
	if b := doc.Body[0]; b.Kind != model.KindParagraph || b.Para.Text != "项目支出绩效自评表" {
		t.Errorf("title %+v", b)
	}
	for _, text := range []string{
		"一、项目基本情况\t1\n二、绩效评价工作情况\t3\n三、评价结论\t5\n",
		"项目名称\t农家书屋运行补助\t实施单位\t某某县图书馆\n",
	} {
		doc := decodeOne(t, text)
		if len(doc.Tables) != 0 || len(doc.Body) != strings.Count(text, "\n") {
			t.Errorf("%q: %d tables, %d blocks", text, len(doc.Tables), len(doc.Body))
		}
	}
}

// TestLineCellsDeviationBeforeLevel: a row's last cell (偏差原因) followed
// by the next row's level label is that row's, though the lines where the
// next row's weight and score would stand hold percentages.
func TestLineCellsDeviationBeforeLevel(t *testing.T) {
	lines := []string{
		"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
		"产出指标", "数量指标", "管网改造长度", "28公里", "24.6公里", "10", "8", "部分路段施工延期",
		"质量指标", "工程验收合格率", "100%", "100%", "10", "10",
	}
	doc := decodeOne(t, strings.Join(lines, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
		"产出指标 | 数量指标 | 管网改造长度 | 28公里 | 24.6公里 | 10 | 8 | 部分路段施工延期",
		" | 质量指标 | 工程验收合格率 | 100% | 100% | 10 | 10 | ",
	})
}

// TestLineCellsBlankRows: a form copied one cell a line with a blank line
// after each row (Word's text export without its tabs): the funds and
// indicator rows are the runs between blank lines, an empty last cell one
// more blank line; a run that is no row ends the table.
func TestLineCellsBlankRows(t *testing.T) {
	doc := decodeOne(t, strings.Join([]string{
		"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率", "",
		"年度资金总额", "180", "180", "171", "95%", "",
		"其中：财政拨款", "180", "180", "171", "—", "",
		"年度总体目标", "完成线路改造12条。", "",
		"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因", "",
		"产出指标", "数量指标", "改造线路数", "12条", "12条", "20", "20", "", "",
		"产出指标", "时效指标", "开通时间", "10月底前", "11月", "10", "8", "车辆交付延迟", "",
		"总分", "100", "97.5", "",
		"填报人：杨明",
	}, "\n")+"\n")
	if len(doc.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(doc.Tables))
	}
	want := [][]string{{
		"项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
		"年度资金总额 | 180 | 180 | 171 | 95%",
		"其中：财政拨款 | 180 | 180 | 171 | —",
	}, {
		"一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因",
		"产出指标 | 数量指标 | 改造线路数 | 12条 | 12条 | 20 | 20 | ",
		"产出指标 | 时效指标 | 开通时间 | 10月底前 | 11月 | 10 | 8 | 车辆交付延迟",
		"总分 | 100 | 97.5 | < | < | < | < | <",
	}}
	for i, w := range want {
		if got := gridOf(&doc.Tables[i]); strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("table %d:\n  %s\nwant:\n  %s", i+1, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
		}
	}
	var paras []string
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph {
			paras = append(paras, b.Para.Text)
		}
	}
	if got := strings.Join(paras, " "); got != "年度总体目标 完成线路改造12条。 填报人：杨明" {
		t.Errorf("paragraphs %q", got)
	}
}

// TestPipeColspanShort: a total row whose merged label (pipes written
// together) lost a column in the copy ends where the row above does, so
// that its maximum and score stand under 分值 and 得分; a row with two
// spans is left as written.
func TestPipeColspanShort(t *testing.T) {
	doc := decodeOne(t, "| 一级指标 | 二级指标 | 指标值 | 实际值 | 分值 | 得分 | 备注 |\n"+
		"| 产出指标 | 数量指标 | ≥30 | 32 | 40 | 40 | 无 |\n"+
		"| 合计 ||| 100 | 88 | |\n"+
		"| 单位 | 甲 || 联系人 | 乙 ||\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 指标值 | 实际值 | 分值 | 得分 | 备注",
		"产出指标 | 数量指标 | ≥30 | 32 | 40 | 40 | 无",
		"合计 |  |  |  | 100 | 88 | ",
		"单位 | 甲 |  | 联系人 | 乙 |  | <",
	})
}

// TestCSVRows: a sheet saved as CSV makes a table in which each comma says
// the column: cells quoted where they hold a comma, a quote or a line
// break, rows padded with commas to the sheet's width. The sheet's title
// rows above the grid are paragraphs, its empty rows nothing.
func TestCSVRows(t *testing.T) {
	doc := decodeOne(t, "部门整体支出绩效自评表,,,,\r\n"+
		",,,,\r\n"+
		"（2021年度）,,,,\r\n"+
		"部门名称,某某县农业农村局,,,\r\n"+
		"年度预算数（万元）,,年初预算数,全年预算数,执行率\r\n"+
		",年度资金总额,\"1,250\",\"1,312.6\",98.20%\r\n"+
		",其中：项目支出,640,\"他说\"\"追加\"\"\n72万元\",—\r\n"+
		"\r\n"+
		"填报人：赵磊\r\n")
	checkGrid(t, doc, []string{
		"部门名称 | 某某县农业农村局 |  |  | ",
		"年度预算数（万元） |  | 年初预算数 | 全年预算数 | 执行率",
		" | 年度资金总额 | 1,250 | 1,312.6 | 98.20%",
		" | 其中：项目支出 | 640 | 他说\"追加\"\n72万元 | —",
	})
	var paras []string
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph {
			paras = append(paras, b.Para.Text)
		}
	}
	if want := []string{"部门整体支出绩效自评表", "（2021年度）", "填报人：赵磊"}; strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", paras, want)
	}
	// The cell over two lines stands on both.
	if c := doc.Tables[0].Cell(3, 3); c == nil || c.Pos.Line != 7 || c.Pos.EndLine != 8 {
		t.Errorf("quoted cell over two lines: %+v", c)
	}
}

// TestCSVRowsNotATable: prose with half-width commas, amounts with
// thousands separators in prose or in a table parted by spaces, rows that
// show no sign of a spreadsheet (no empty cell, no quoted one), and rows
// whose quote is never closed stay as they are.
func TestCSVRowsNotATable(t *testing.T) {
	for _, text := range []string{
		"本项目预算总额1,286.40万元,实际支出1,198.75万元,执行率93.18%。\n全年完成造林2,300亩,抚育1,150亩,补植补造420亩。\n",
		"坚持问题导向,突出重点,分类施策。\n加强资金监管,规范使用,提高效益。\n",
		// a quote never closed
		"项目,金额,,\"备注\n资金,100,80,\n其余正文。\n",
	} {
		doc := decodeOne(t, text)
		if len(doc.Tables) != 0 || len(doc.Body) != strings.Count(text, "\n") {
			t.Errorf("%q: %d tables, %d blocks", text, len(doc.Tables), len(doc.Body))
		}
	}
	doc := decodeOne(t, "项目    预算数    执行数\n合计    1,286.40    1,198.75\n其中：中央    800.00    760.25\n")
	checkGrid(t, doc, []string{
		"项目 | 预算数 | 执行数",
		"合计 | 1,286.40 | 1,198.75",
		"其中：中央 | 800.00 | 760.25",
	})
}

// TestWideBars: cells parted by the full-width bar ｜ (U+FF5C) or the
// broken bar ¦ (U+00A6) make a table as "|" does, and the bars may be
// mixed in one table; a sentence with a full-width bar in it stays a
// paragraph, written as it was.
func TestWideBars(t *testing.T) {
	doc := decodeOne(t, "说明：资金｜绩效\n"+
		"｜项目名称｜乡村道路维护｜｜\n"+
		"｜年初预算｜调整后预算｜执行数｜\n"+
		"¦120.5¦130¦128.2¦\n")
	checkGrid(t, doc, []string{
		"项目名称 | 乡村道路维护 | ",
		"年初预算 | 调整后预算 | 执行数",
		"120.5 | 130 | 128.2",
	})
	if len(doc.Body) < 1 || doc.Body[0].Para.Text != "说明：资金｜绩效" {
		t.Errorf("first block %+v, want the sentence as written", doc.Body[0])
	}
}

// TestSpacedWrappedHeader: a form's column headers printed over two lines
// where the columns are narrow, the heads above (全年 over 预算数) or the
// ends below (一级 over 指标), and level labels wrapped the same way in
// the rows under an indicator header, on a line of their own (效益 over
// 指标) or at the start of the next row (产出 over 指标): each piece
// starts where its cell does and joins it.
func TestSpacedWrappedHeader(t *testing.T) {
	doc := decodeOne(t, strings.Join([]string{
		"          全年      实际",
		"项目      预算数    支出数    执行率",
		"合计      300       288       96.00%",
	}, "\n")+"\n")
	checkGrid(t, doc, []string{
		"项目 | 全年预算数 | 实际支出数 | 执行率",
		"合计 | 300 | 288 | 96.00%",
	})
	doc = decodeOne(t, strings.Join([]string{
		"一级    二级    三级指标          指标值    分值    得分",
		"指标    指标",
		"产出    数量    培训人次          ≥500人    20      18",
		"指标    指标    结业人数          ≥450人    20      20",
		"        质量    结业考核合格率    ≥90%      10      10",
		"        指标",
		"效益    社会    参训人员就业率    ≥60%      30      28",
		"指标    效益",
		"总分                                        80      76",
	}, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 得分",
		"产出指标 | 数量指标 | 培训人次 | ≥500人 | 20 | 18",
		" |  | 结业人数 | ≥450人 | 20 | 20",
		" | 质量指标 | 结业考核合格率 | ≥90% | 10 | 10",
		"效益指标 | 社会效益 | 参训人员就业率 | ≥60% | 30 | 28",
		"总分 | 80 | 76 | < | < | <",
	})
}

// TestSpacedShortRowsStay: rows of text only under a header, fewer cells
// than it and lined up with it, are rows of the table when no row of
// figures follows them: a list of names, not a header wrapped.
func TestSpacedShortRowsStay(t *testing.T) {
	doc := decodeOne(t, strings.Join([]string{
		"姓名      单位          职务      职称",
		"张三      某某事务所    所长      高级会计师",
		"李四      某某学院",
		"王五      某某研究院    主任      研究员",
	}, "\n")+"\n")
	checkGrid(t, doc, []string{
		"姓名 | 单位 | 职务 | 职称",
		"张三 | 某某事务所 | 所长 | 高级会计师",
		"李四 | 某某学院 | < | <",
		"王五 | 某某研究院 | 主任 | 研究员",
	})
}

// TestSingleSpacedTableOverPages: an indicator table copied from a PDF,
// its cells parted by single spaces, goes on over a page break (a page
// number, the header repeated at the top of the next page): one table,
// the repeated header left out; the levels merged from above may be left
// out of a row. A line of words after a header is text.
func TestSingleSpacedTableOverPages(t *testing.T) {
	doc := decodeOne(t, strings.Join([]string{
		"一级指标 二级指标 三级指标 指标值 权重 得分",
		"产出指标 数量指标 培训人次 ≥500人 20 18",
		"产出指标 质量指标 考核合格率 ≥90% 20 20",
		"第 3 页",
		"",
		"一级指标 二级指标 三级指标 指标值 权重 得分",
		"效益指标 社会效益 就业率 ≥60% 30 27.5",
		"满意度指标 学员满意度 ≥85% 30 30",
		"总分 100 95.5",
		"培训总体完成较好。",
	}, "\n")+"\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 权重 | 得分",
		"产出指标 | 数量指标 | 培训人次 | ≥500人 | 20 | 18",
		"产出指标 | 质量指标 | 考核合格率 | ≥90% | 20 | 20",
		"效益指标 | 社会效益 | 就业率 | ≥60% | 30 | 27.5",
		"满意度指标 |  | 学员满意度 | ≥85% | 30 | 30",
		"总分 | 100 | 95.5 | < | < | <",
	})
	if b := doc.Body[len(doc.Body)-1]; b.Kind != model.KindParagraph || b.Para.Text != "培训总体完成较好。" {
		t.Errorf("last block %+v", b)
	}
	doc = decodeOne(t, "一级指标 二级指标 三级指标 分值 得分\n本表由评价组填写。\n")
	if len(doc.Tables) != 0 {
		t.Errorf("a header alone: %d tables", len(doc.Tables))
	}
}

// TestSpacedTableOverPages: a table in runs of spaces goes on over a page
// break the same way; without the header repeated, the page ends it.
func TestSpacedTableOverPages(t *testing.T) {
	doc := decodeOne(t, strings.Join([]string{
		"项目      预算数    执行数",
		"人员经费  12.5      12",
		"- 4 -",
		"项目      预算数    执行数",
		"公用经费  8         7.6",
	}, "\n")+"\n")
	checkGrid(t, doc, []string{
		"项目 | 预算数 | 执行数",
		"人员经费 | 12.5 | 12",
		"公用经费 | 8 | 7.6",
	})
	doc = decodeOne(t, "项目      预算数    执行数\n人员经费  12.5      12\n- 4 -\n公用经费  8         7.6\n")
	if len(doc.Tables) != 1 || doc.Tables[0].Rows != 2 {
		t.Errorf("no header repeated: %d tables", len(doc.Tables))
	}
}

// TestTSVLabelAmounts: tab-separated rows of a label and an amount, three
// or more, are a table (a funds table with one figure a row); a table of
// contents, its pages bare numbers, and cover lines stay text.
func TestTSVLabelAmounts(t *testing.T) {
	doc := decodeOne(t, "资金情况如下（单位：元）：\n"+
		"类别\t数额\n"+
		"本年预算\t3,200,000.00\n"+
		"本年支出\t3,046,500.00\n"+
		"支出进度\t95.20%\n"+
		"\n三、绩效情况\n")
	checkGrid(t, doc, []string{
		"类别 | 数额",
		"本年预算 | 3,200,000.00",
		"本年支出 | 3,046,500.00",
		"支出进度 | 95.20%",
	})
	for _, text := range []string{
		"一、项目基本情况\t1\n二、绩效评价工作情况\t3\n三、评价结论\t5\n",
		"项目名称\t河道清淤\n实施单位\t某某镇人民政府\n预算金额\t120.00万元\n",
	} {
		doc := decodeOne(t, text)
		if len(doc.Tables) != 0 || len(doc.Body) != strings.Count(text, "\n") {
			t.Errorf("%q: %d tables, %d blocks", text, len(doc.Tables), len(doc.Body))
		}
	}
}

// TestCards: a form exported as cards (a row's label, then its cells as
// indented "key：value" lines) is a table under the caption over it, the
// keys its header; lines of a label and a value not indented stay text.
func TestCards(t *testing.T) {
	doc := decodeOne(t, "二、资金执行\n"+
		"资金投入（元）\n"+
		"合计\n"+
		"  预算数：2,400,000\n"+
		"  执行数：2,315,000\n"+
		"  执行率：96.46%\n"+
		"财政资金\n"+
		"  预算数：2,000,000\n"+
		"  执行数：1,915,000\n"+
		"\n"+
		"自评得分：93\n"+
		"评价等级：优\n")
	checkGrid(t, doc, []string{
		"资金投入（元） | 预算数 | 执行数 | 执行率",
		"合计 | 2,400,000 | 2,315,000 | 96.46%",
		"财政资金 | 2,000,000 | 1,915,000 | ",
	})
	if n := len(doc.Body); n != 4 {
		t.Errorf("%d blocks, want the heading, the table and two lines", n)
	}
	// One card is no table.
	doc = decodeOne(t, "联系人\n  姓名：王芳\n  电话：0871-1234567\n")
	if len(doc.Tables) != 0 {
		t.Errorf("one card: %d tables", len(doc.Tables))
	}
}

// TestTSVQuotedLineBreak: a sheet saved as text quotes a cell with a line
// break in it, its quotes doubled; the row runs on to the line where the
// quote closes, and the cell keeps its break. A stray quote left open is
// text of its cell, and ends no table.
func TestTSVQuotedLineBreak(t *testing.T) {
	doc := decodeOne(t, "年度目标\t预期目标\t\t实际完成情况\t\r\n"+
		"\t\"改造校舍3所；\r\n完成\"\"两室\"\"建设。\"\t\t\"改造校舍3所；\r\n已完成。\"\t\r\n"+
		"一级指标\t二级指标\t三级指标\t分值\t得分\r\n"+
		"产出指标\t数量指标\t改造校舍数\t20\t20\r\n")
	checkGrid(t, doc, []string{
		"年度目标 | 预期目标 |  | 实际完成情况 | ",
		" | 改造校舍3所；\n完成\"两室\"建设。 |  | 改造校舍3所；\n已完成。 | ",
		"一级指标 | 二级指标 | 三级指标 | 分值 | 得分",
		"产出指标 | 数量指标 | 改造校舍数 | 20 | 20",
	})
	doc = decodeOne(t, "一级指标\t二级指标\t三级指标\t分值\t得分\n"+
		"产出指标\t\"数量指标\t改造校舍数\t20\t20\n"+
		"效益指标\t社会效益\t入学率\t10\t10\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 分值 | 得分",
		"产出指标 | \"数量指标 | 改造校舍数 | 20 | 20",
		"效益指标 | 社会效益 | 入学率 | 10 | 10",
	})
}

// TestStrokeBars: OCR reads a scanned table's rules as the stroke 丨 on
// one line and as | on the next; both part cells. A line of prose with
// the stroke in it stays text.
func TestStrokeBars(t *testing.T) {
	doc := decodeOne(t, "丨 指标名称 丨 目标值 丨 完成值 丨\n"+
		"| 培训人数 | 500人 | 512人 |\n"+
		"| 培训合格率 | ≥90% | 93% |\n"+
		"\n丨字旁的字，如丨、中、串，笔画丨为竖\n")
	checkGrid(t, doc, []string{
		"指标名称 | 目标值 | 完成值",
		"培训人数 | 500人 | 512人",
		"培训合格率 | ≥90% | 93%",
	})
	if last := doc.Body[len(doc.Body)-1]; last.Kind != model.KindParagraph || !strings.HasPrefix(last.Para.Text, "丨字旁") {
		t.Errorf("last block %+v, want the prose line", last)
	}
}

// TestSpacedOutLabel: a row label a PDF spaces out to its column's width
// (小    计, as pdftotext -layout keeps it) is one cell, not two: read as
// two, it pushes the row's amounts a column right of their heads.
func TestSpacedOutLabel(t *testing.T) {
	doc := decodeOne(t, "    项目          预算数        执行数\n"+
		"    设备购置       120.00        118.50\n"+
		"    人员培训        30.00         27.00\n"+
		"    小    计      150.00        145.50\n")
	checkGrid(t, doc, []string{
		"项目 | 预算数 | 执行数",
		"设备购置 | 120.00 | 118.50",
		"人员培训 | 30.00 | 27.00",
		"小计 | 150.00 | 145.50",
	})
}

// TestSpacedHeaderNoteOffColumn: a header's unit note on the line under
// it, centred by the PDF a column or so off where its head starts, ends
// that head; it is no row of the table.
func TestSpacedHeaderNoteOffColumn(t *testing.T) {
	doc := decodeOne(t, "    资金类别        年初预算        决算支出        完成率\n"+
		"                     (万元)          (万元)\n"+
		"    专项资金          88.00           80.52          91.50%\n"+
		"    配套资金          12.00           12.00         100.00%\n")
	checkGrid(t, doc, []string{
		"资金类别 | 年初预算(万元) | 决算支出(万元) | 完成率",
		"专项资金 | 88.00 | 80.52 | 91.50%",
		"配套资金 | 12.00 | 12.00 | 100.00%",
	})
}

// TestLineCellsTwoLevels: a scoring table copied one cell a line whose
// header names two levels (一级指标, 三级指标) before its numbers; the
// first level stands only in the first row of its group.
func TestLineCellsTwoLevels(t *testing.T) {
	doc := decodeOne(t, "表3 指标得分\n一级指标\n三级指标\n分值\n得分\n"+
		"投入\n资金到位率\n6\n6\n预算执行率\n6\n5.2\n"+
		"效益\n群众满意度\n12\n11\n总计\n24\n22.2\n四、问题\n")
	checkGrid(t, doc, []string{
		"一级指标 | 三级指标 | 分值 | 得分",
		"投入 | 资金到位率 | 6 | 6",
		" | 预算执行率 | 6 | 5.2",
		"效益 | 群众满意度 | 12 | 11",
		"总计 | 24 | 22.2 | <",
	})
}

// TestLineCellsOverPageBreak: a page break between two cells of an
// indicator table copied one cell a line (a blank line, the page's number,
// a form feed) leaves the table whole, its number not a cell.
func TestLineCellsOverPageBreak(t *testing.T) {
	doc := decodeOne(t, "一级指标\n二级指标\n三级指标\n指标值\n完成值\n分值\n得分\n"+
		"产出指标\n数量指标\n新建泵站\n3座\n3座\n20\n20\n"+
		"质量指标\n验收合格率\n100%\n\n- 2 -\n\f100%\n20\n20\n"+
		"效益指标\n社会效益指标\n受益人口\n≥5000人\n5600人\n30\n30\n五、问题\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分",
		"产出指标 | 数量指标 | 新建泵站 | 3座 | 3座 | 20 | 20",
		" | 质量指标 | 验收合格率 | 100% | 100% | 20 | 20",
		"效益指标 | 社会效益指标 | 受益人口 | ≥5000人 | 5600人 | 30 | 30",
	})
}

// TestLineCellsEndAtText: the text after an indicator table copied one
// cell a line, a heading and sentences broken at the line's width where
// the weight and score would stand, is no row.
func TestLineCellsEndAtText(t *testing.T) {
	doc := decodeOne(t, "一级指标\n二级指标\n三级指标\n指标值\n完成值\n分值\n得分\n"+
		"产出指标\n数量指标\n新建泵站\n3座\n3座\n20\n20\n"+
		"3.自评结论\n本项目自评得分95分，\n等级为优。\n五、问题\n管护不够。\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分",
		"产出指标 | 数量指标 | 新建泵站 | 3座 | 3座 | 20 | 20",
	})
}

// TestTSVFundsRowspan: a form's funds block copied from a web page keeps
// the label merged down its left (资金情况（万元）) only on the header row,
// the empty cell beside it too; the rows under it, one cell shorter, are
// placed under their heads.
func TestTSVFundsRowspan(t *testing.T) {
	doc := decodeOne(t, "资金情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率\n"+
		"年度资金总额\t50.00\t60.00\t57.00\t95.00%\n"+
		"其中：财政拨款\t50.00\t60.00\t57.00\t95.00%\n"+
		"年度总体目标\t完成村道硬化10公里\n")
	checkGrid(t, doc, []string{
		"资金情况（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
		" | 年度资金总额 | 50.00 | 60.00 | 57.00 | 95.00%",
		" | 其中：财政拨款 | 50.00 | 60.00 | 57.00 | 95.00%",
		"年度总体目标 | 完成村道硬化10公里 | < | < | < | <",
	})
}
