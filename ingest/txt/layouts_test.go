package txt

import (
	"strings"
	"testing"
)

// TestBoxTable: a form drawn with box-drawing characters, its cells
// wrapped over lines. A cell's lines join (a numbered item, or text
// after a sentence's end, a paragraph of its own); rows stand between
// rules, or share one where a new row writes under cells already ended or
// under cells that left room; a cell merged down stays blank below its
// first row, past a rule left open for it; the ┴ of the rule above a
// merged total says which columns it spans.
func TestBoxTable(t *testing.T) {
	doc := decodeOne(t, "某某专项资金绩效自评表\n"+
		"┌──────┬──────────────────┐\n"+
		"│项目名│乡村道路养护补助      │\n"+
		"│称    │                  │\n"+
		"├──────┼──────┬──────┬──────┤\n"+
		"│目标  │1.养护│完成  │      │\n"+
		"│      │里程；│情况  │      │\n"+
		"│      │2.路况│      │      │\n"+
		"│      ├──────┼──────┼──────┤\n"+
		"│      │一级  │分值  │得分  │\n"+
		"│      │产出指│40    │38.5  │\n"+
		"│      │标    │      │      │\n"+
		"│      │效益  │60    │57    │\n"+
		"├──────┴──────┼──────┼──────┤\n"+
		"│合计          │100   │95.5  │\n"+
		"└──────────────┴──────┴──────┘\n"+
		"填表人：李明\n")
	checkGrid(t, doc, []string{
		"项目名称 | 乡村道路养护补助 | < | <",
		"目标 | 1.养护里程；\n2.路况 | 完成情况 | ",
		" | 一级 | 分值 | 得分",
		" | 产出指标 | 40 | 38.5",
		" | 效益 | 60 | 57",
		"合计 |  | 100 | 95.5",
	})
	if n := len(doc.Body); n != 3 || doc.Body[2].Para.Text != "填表人：李明" {
		t.Errorf("%d blocks, want title, table, signature", n)
	}
}

// TestBoxTableHeavy: the double and heavy strokes draw the same table.
func TestBoxTableHeavy(t *testing.T) {
	doc := decodeOne(t, "╔════╦══════╦════╗\n"+
		"║指标║目标值║得分║\n"+
		"╠════╬══════╬════╣\n"+
		"║人数║≥100人║10  ║\n"+
		"┣━━━━╋━━━━━━╋━━━━┫\n"+
		"┃面积┃50亩  ┃9.5 ┃\n"+
		"╚════╩══════╩════╝\n")
	checkGrid(t, doc, []string{
		"指标 | 目标值 | 得分",
		"人数 | ≥100人 | 10",
		"面积 | 50亩 | 9.5",
	})
}

// TestKVTable: a budget system's export lines make a table under their
// caption, the keys its header, a line's values under their keys; an
// indicator's bracketed levels make its first columns, and a line
// without levels (the total) starts at the first.
func TestKVTable(t *testing.T) {
	doc := decodeOne(t, "资金情况（万元）\n"+
		"  合计：预算数=300；执行数=290.5；执行率=96.83%\n"+
		"  其中：省级资金：预算数=100；执行数=100\n"+
		"说明：无。\n")
	checkGrid(t, doc, []string{
		"资金情况（万元） | 预算数 | 执行数 | 执行率",
		"合计 | 300 | 290.5 | 96.83%",
		"其中：省级资金 | 100 | 100 | ",
	})
	doc = decodeOne(t, "[产出指标/数量指标] 修缮校舍：目标值=3所；完成值=3所；分值=20；得分=20\n"+
		"[效益指标] 入学率：目标值=≥98%；完成值=99%；分值=30；得分=30；原因=\n"+
		"总分：分值=50；得分=50\n")
	checkGrid(t, doc, []string{
		"一级指标 | 二级指标 | 三级指标 | 目标值 | 完成值 | 分值 | 得分 | 原因",
		"产出指标 | 数量指标 | 修缮校舍 | 3所 | 3所 | 20 | 20 | ",
		"效益指标 |  | 入学率 | ≥98% | 99% | 30 | 30 | ",
		"总分 |  |  |  |  | 50 | 50 | ",
	})
}

// TestIdeographicGaps: cells parted by ideographic spaces, an empty cell
// written as more of them: a wide run inside a row stands for the cells
// it skips, as an indentation does for the first.
func TestIdeographicGaps(t *testing.T) {
	const s = "\u3000\u3000"
	empty := s + s + s // an empty cell of four and its parting
	doc := decodeOne(t, "项目"+s+"指标"+s+"目标"+s+"完成"+s+"得分\n"+
		"产出"+s+"人数"+s+"50人"+s+"52人"+s+"20\n"+
		empty+"面积"+s+"8亩"+s+"8亩"+s+"20\n"+
		"执行率"+empty+empty+s+"100%"+s+"10\n")
	checkGrid(t, doc, []string{
		"项目 | 指标 | 目标 | 完成 | 得分",
		"产出 | 人数 | 50人 | 52人 | 20",
		" | 面积 | 8亩 | 8亩 | 20",
		"执行率 |  |  | 100% | 10",
	})
}

// TestNewLayoutsNotTables: prose with bars, rules, "=" or ideographic
// spaces is text, one paragraph a line.
func TestNewLayoutsNotTables(t *testing.T) {
	for _, text := range []string{
		// A rule under a heading, a single bar in a line.
		"一、基本情况\n────────\n│ 注：本表数据来源于财政一体化系统。\n正文。\n",
		// A formula, and one key=value pair after a label.
		"计算公式：预算执行率=实际支出/全年预算数×100%\n参数：系数=1.2\n",
		// Two pairs in a sentence with prose around them.
		"经测算，系数=1.2，年限=3年，符合要求。\n经测算，系数=1.2；年限=3年。\n",
		// Ideographic spaces indenting paragraphs.
		"\u3000\u3000本项目于2021年实施。\n\u3000\u3000资金已全部拨付。\n",
	} {
		doc := decodeOne(t, text)
		if len(doc.Tables) != 0 || len(doc.Body) != strings.Count(text, "\n") {
			t.Errorf("%q: %d tables, %d blocks", text, len(doc.Tables), len(doc.Body))
		}
	}
}
