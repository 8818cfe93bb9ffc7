package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/docxgen"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/txt"
)

// A form is a self-evaluation form (自评表) written by hand as the grid it
// prints: one row a slice, "^" a cell merged with the one above (empty in
// a text export, left out when copied one cell a line), a short row's last
// cell spanning the rest. Each layout below renders the same grid as the
// archives hold it; the expectations are written by hand, once per form,
// and hold in every layout.
type form struct {
	name    string
	title   []string // paragraphs above the table
	rows    [][]string
	header  int // the indicator header's row
	wantIns []string
	wantSc  []string
	wantFun []string
	want    formFacts
}

// formFacts is what a form states about its project and its result, as
// v_reports gives it: amounts in 元, rates in percent, "-" for none.
type formFacts struct {
	project, dept, unit string
	year                int
	budget, initial     string // the full-year (adjusted) budget and the one at the start of the year
	actual, rate        string // spending and the rate the form states
	score, max, grade   string // the total; grade as written, "" when none
	gradeNorm           string
	kind                string // the document's kind, self_evaluation_form when empty here
}

var forms = []form{
	{
		name:  "national",
		title: []string{"项目支出绩效自评表", "（2022年度）"},
		rows: [][]string{
			{"项目名称", "农村实用人才培训"},
			{"主管部门", "某某县农业农村局", "实施单位", "某某县农业技术推广中心"},
			{"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
			{"年度资金总额", "120", "125.5", "118.37", "10", "94.32%", "9.43"},
			{"其中：当年财政拨款", "120", "125.5", "118.37", "—", "94.32%", "—"},
			{"上年结转资金", "0", "0", "0", "—", "—", "—"},
			{"年度总体目标", "预期目标", "实际完成情况"},
			{"^", "培训农村实用人才500人次，提升种养技能。", "全年培训520人次，学员考核合格率97%。"},
			{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
			{"产出指标（50分）", "数量指标", "培训人次", "≥500人次", "520人次", "20", "20", ""},
			{"^", "^", "培训场次", "≥10场", "9场", "10", "8", "受疫情影响，1场培训延期至下年度。"},
			{"^", "质量指标", "考核合格率", "≥95%", "97%", "10", "10", ""},
			{"^", "成本指标", "人均培训成本", "≤2400元", "2276元", "10", "10", ""},
			{"效益指标（30分）", "社会效益指标", "学员技能提升", "效果明显", "效果明显", "15", "15", ""},
			{"^", "可持续影响指标", "带动农户增收", "逐步提高", "部分学员增收不明显", "15", "12", "缺乏后续跟踪服务，下年度建立回访机制。"},
			{"满意度指标（10分）", "服务对象满意度指标", "学员满意度", "≥90%", "93%", "10", "10", ""},
			{"总分", "100", "94.43"},
		},
		header: 8,
		// level1 | level2 | level3 | target raw value unit op | actual raw value unit | weight score met | deviation | row
		wantIns: []string{
			"产出指标|数量指标|培训人次|≥500人次 500 人次 ≥|520人次 520 人次|20 20 1||9",
			"产出指标|数量指标|培训场次|≥10场 10 场 ≥|9场 9 场|10 8 0|受疫情影响，1场培训延期至下年度。|10",
			"产出指标|质量指标|考核合格率|≥95% 95 % ≥|97% 97 %|10 10 1||11",
			"产出指标|成本指标|人均培训成本|≤2400元 2400 元 ≤|2276元 2276 元|10 10 1||12",
			"效益指标|社会效益指标|学员技能提升|效果明显 - - -|效果明显 - -|15 15 -||13",
			"效益指标|可持续影响指标|带动农户增收|逐步提高 - - -|部分学员增收不明显 - -|15 12 -|缺乏后续跟踪服务，下年度建立回访机制。|14",
			"满意度指标|服务对象满意度指标|学员满意度|≥90% 90 % ≥|93% 93 %|10 10 1||15",
		},
		wantSc:  []string{"预算执行率 10 9.43", "产出指标 50 -", "效益指标 30 -", "满意度指标 10 -"},
		wantFun: []string{"年度资金总额 1255000 1183700"},
		want: formFacts{project: "农村实用人才培训", dept: "某某县农业农村局", unit: "某某县农业技术推广中心", year: 2022,
			budget: "1255000", initial: "1200000", actual: "1183700", rate: "94.32",
			score: "94.43", max: "100", gradeNorm: "优"},
	},
	{
		// A province's form: the target in three columns, 指标性质 | 指标值 | 度量单位.
		name:  "nature-value-unit",
		title: []string{"2022年度项目支出绩效自评表"},
		rows: [][]string{
			{"项目名称", "城乡环境卫生整治"},
			{"主管部门", "某某区城市管理局", "实施单位", "某某区环境卫生服务中心"},
			{"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
			{"年度资金总额", "300", "280", "266", "10", "95%", "9.5"},
			{"其中：财政拨款", "300", "280", "266", "—", "—", "—"},
			{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
			{"产出指标", "数量指标", "清扫保洁面积", "≥", "120", "万平方米", "126", "20", "20", ""},
			{"^", "质量指标", "垃圾清运率", "＝", "100", "%", "100", "20", "20", ""},
			{"^", "成本指标", "垃圾转运费用", "≤", "90", "万元", "95", "10", "6", "油价上涨致转运费用超支，下年度优化转运线路。"},
			{"效益指标", "生态效益指标", "城区环境卫生状况", "定性", "明显改善", "/", "明显改善", "20", "20", ""},
			{"满意度指标", "服务对象满意度指标", "居民满意度", "≥", "90", "%", "88", "20", "17", "部分背街小巷清扫不及时，下年度增加保洁频次。"},
			{"总分", "100", "92.5"},
		},
		header: 5,
		wantIns: []string{
			"产出指标|数量指标|清扫保洁面积|≥120万平方米 1200000 ㎡ ≥|126 1260000 ㎡|20 20 1||6",
			"产出指标|质量指标|垃圾清运率|＝100% 100 % =|100 100 %|20 20 1||7",
			"产出指标|成本指标|垃圾转运费用|≤90万元 900000 元 ≤|95 950000 元|10 6 0|油价上涨致转运费用超支，下年度优化转运线路。|8",
			"效益指标|生态效益指标|城区环境卫生状况|明显改善 - - -|明显改善 - -|20 20 -||9",
			"满意度指标|服务对象满意度指标|居民满意度|≥90% 90 % ≥|88 88 %|20 17 0|部分背街小巷清扫不及时，下年度增加保洁频次。|10",
		},
		wantSc:  []string{"预算执行率 10 9.5"},
		wantFun: []string{"年度资金总额 2800000 2660000"},
		want: formFacts{project: "城乡环境卫生整治", dept: "某某区城市管理局", unit: "某某区环境卫生服务中心", year: 2022,
			budget: "2800000", initial: "3000000", actual: "2660000", rate: "95",
			score: "92.5", max: "100", gradeNorm: "优"},
	},
	{
		// Another province's: 权重, 完成值, 未完成原因分析; a bare target;
		// an actual whose digits ran together when the form was copied.
		name:  "weight-achieved",
		title: []string{"项目支出绩效自评表", "（2023年度）"},
		rows: [][]string{
			{"项目名称", "困难群众救助补助资金"},
			{"主管部门", "某某市民政局", "实施单位", "某某市社会救助服务中心"},
			{"项目资金（万元）", "年初预算数", "调整后预算数", "预算执行数", "权重", "执行率", "得分"},
			{"年度资金总额", "1,200", "1,180.5", "1,170.3", "10", "99.14%", "9.91"},
			{"其中：财政拨款", "1,200", "1,180.5", "1,170.3", "—", "—", "—"},
			{"一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "未完成原因分析"},
			{"产出指标（50分）", "数量指标", "救助对象人数", "≥3000人", "3120人", "20", "20", ""},
			{"^", "时效指标", "救助资金按月发放率", "100%", "100%", "15", "15", ""},
			{"^", "质量指标", "救助对象认定准确率", "≥98%", "64.864.864.8100%", "15", "13", "个别对象信息核查滞后。"},
			{"效益指标（30分）", "社会效益指标", "困难群众基本生活保障水平", "逐步提高", "达成预期指标", "30", "30", ""},
			{"满意度指标（10分）", "服务对象满意度指标", "救助对象满意度", "≥95%", "96%", "10", "10", ""},
			{"总分", "100", "97.91"},
		},
		header: 5,
		wantIns: []string{
			"产出指标|数量指标|救助对象人数|≥3000人 3000 人 ≥|3120人 3120 人|20 20 1||6",
			// No operator: a floor, met.
			"产出指标|时效指标|救助资金按月发放率|100% 100 % -|100% 100 %|15 15 1||7",
			// Digits run together: nothing read, nothing judged.
			"产出指标|质量指标|救助对象认定准确率|≥98% 98 % ≥|64.864.864.8100% - -|15 13 -|个别对象信息核查滞后。|8",
			"效益指标|社会效益指标|困难群众基本生活保障水平|逐步提高 - - -|达成预期指标 - -|30 30 -||9",
			"满意度指标|服务对象满意度指标|救助对象满意度|≥95% 95 % ≥|96% 96 %|10 10 1||10",
		},
		wantSc:  []string{"预算执行率 10 9.91", "产出指标 50 -", "效益指标 30 -", "满意度指标 10 -"},
		wantFun: []string{"年度资金总额 11805000 11703000"},
		want: formFacts{project: "困难群众救助补助资金", dept: "某某市民政局", unit: "某某市社会救助服务中心", year: 2023,
			budget: "11805000", initial: "12000000", actual: "11703000", rate: "99.14",
			score: "97.91", max: "100", gradeNorm: "优"},
	},
	{
		// A department's form: 部门（单位）名称 instead of the project's cover
		// rows, the funds by 基本支出 and 项目支出 under the total, the unit
		// in 年度预算数（万元）, 年度履职目标, qualitative targets (达标,
		// 有效提升), the grade written beside the total.
		name:  "department",
		title: []string{"部门整体支出绩效自评表", "（2022年度）"},
		rows: [][]string{
			{"部门（单位）名称", "某某县卫生健康局"},
			{"年度预算数（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
			{"年度资金总额", "5,600", "6,120.8", "5,986.4", "10", "97.80%", "9.78"},
			{"其中：基本支出", "3,200", "3,350.6", "3,350.6", "—", "100%", "—"},
			{"项目支出", "2,400", "2,770.2", "2,635.8", "—", "95.15%", "—"},
			{"年度履职目标", "预期目标", "实际完成情况"},
			{"^", "保障全县公共卫生服务和医疗机构正常运转，家庭医生签约服务覆盖重点人群。", "全年完成基本公共卫生服务各项任务，重点人群家庭医生签约率达到76%。"},
			{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
			{"产出指标（50分）", "数量指标", "家庭医生签约人数", "≥12万人", "12.6万人", "20", "20", ""},
			{"^", "质量指标", "基本公共卫生服务项目考核", "达标", "达标", "10", "10", ""},
			{"^", "时效指标", "资金拨付及时率", "100%", "98%", "10", "8", "个别乡镇资金拨付滞后，下年度按季度督办。"},
			{"^", "成本指标", "人均基本公共卫生服务经费", "≥89元", "89元", "10", "10", ""},
			{"效益指标（30分）", "社会效益指标", "居民健康素养水平", "有效提升", "有效提升", "30", "30", ""},
			{"满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "92.5%", "10", "10", ""},
			{"总分", "100", "97.78", "自评等级", "优"},
		},
		header: 7,
		wantIns: []string{
			"产出指标|数量指标|家庭医生签约人数|≥12万人 120000 人 ≥|12.6万人 126000 人|20 20 1||8",
			"产出指标|质量指标|基本公共卫生服务项目考核|达标 - - -|达标 - -|10 10 -||9",
			"产出指标|时效指标|资金拨付及时率|100% 100 % -|98% 98 %|10 8 0|个别乡镇资金拨付滞后，下年度按季度督办。|10",
			"产出指标|成本指标|人均基本公共卫生服务经费|≥89元 89 元 ≥|89元 89 元|10 10 1||11",
			"效益指标|社会效益指标|居民健康素养水平|有效提升 - - -|有效提升 - -|30 30 -||12",
			"满意度指标|服务对象满意度指标|群众满意度|≥90% 90 % ≥|92.5% 92.5 %|10 10 1||13",
		},
		wantSc:  []string{"预算执行率 10 9.78", "产出指标 50 -", "效益指标 30 -", "满意度指标 10 -"},
		wantFun: []string{"年度资金总额 61208000 59864000"},
		// A department's report is named by its department, which is
		// also the unit whose spending it evaluates.
		want: formFacts{project: "某某县卫生健康局", dept: "某某县卫生健康局", unit: "某某县卫生健康局", year: 2022, kind: "department",
			budget: "61208000", initial: "56000000", actual: "59864000", rate: "97.8",
			score: "97.78", max: "100", grade: "优", gradeNorm: "优"},
	},
	{
		// The transfer payments' regional form (中央对地方转移支付): the
		// ministry and the local department, the unit that spends; funds
		// 全年预算数（A）, 全年执行数（B）, 执行率（B/A） by 中央补助 and 地方资金;
		// the indicators under a column 绩效指标, without weights or scores.
		name:  "transfer",
		title: []string{"中央对地方转移支付区域绩效自评表", "（2022年度）"},
		rows: [][]string{
			{"转移支付（项目）名称", "农业生产发展资金"},
			{"中央主管部门", "农业农村部"},
			{"地方主管部门", "某某省农业农村厅", "资金使用单位", "某某县农业农村局"},
			{"资金投入情况（万元）", "全年预算数（A）", "全年执行数（B）", "执行率（B/A）"},
			{"年度资金总额", "2,860", "2,745.6", "96.00%"},
			{"其中：中央补助", "2,000", "1,920", "96.00%"},
			{"地方资金", "860", "825.6", "96.00%"},
			{"其他资金", "0", "0", "—"},
			{"年度总体目标", "预期目标", "实际完成情况"},
			{"^", "支持耕地地力保护和农机购置补贴，稳定粮食生产。", "完成耕地地力保护补贴发放，补贴农机具1,280台。"},
			{"绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"},
			{"^", "产出指标", "数量指标", "补贴农机具数量", "≥1200台", "1280台", ""},
			{"^", "^", "质量指标", "补贴资金兑付准确率", "≥95%", "100%", ""},
			{"^", "^", "时效指标", "补贴资金兑付时间", "≤6个月", "7个月", "省级资金下达较晚，下年度提前启动申报。"},
			{"^", "效益指标", "经济效益指标", "带动农民增收", "有效提升", "有效提升", ""},
			{"^", "满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "95%", ""},
		},
		header: 10,
		wantIns: []string{
			"产出指标|数量指标|补贴农机具数量|≥1200台 1200 台 ≥|1280台 1280 台|- - 1||11",
			"产出指标|质量指标|补贴资金兑付准确率|≥95% 95 % ≥|100% 100 %|- - 1||12",
			"产出指标|时效指标|补贴资金兑付时间|≤6个月 6 月 ≤|7个月 7 月|- - 0|省级资金下达较晚，下年度提前启动申报。|13",
			"效益指标|经济效益指标|带动农民增收|有效提升 - - -|有效提升 - -|- - -||14",
			"满意度指标|服务对象满意度指标|补贴对象满意度|≥90% 90 % ≥|95% 95 %|- - 1||15",
		},
		wantFun: []string{"年度资金总额 28600000 27456000"},
		// The local department supervises the spending; the ministry is
		// no field of the report. No weights, no score.
		want: formFacts{project: "农业生产发展资金", dept: "某某省农业农村厅", unit: "某某县农业农村局", year: 2022, kind: "transfer_form",
			budget: "28600000", initial: "-", actual: "27456000", rate: "96"},
	},
}

func (f form) width() int {
	n := 0
	for _, r := range f.rows {
		n = max(n, len(r))
	}
	return n
}

// A layout renders a form as a file's bytes, and says which row of the
// grid the extraction numbers the form's row r.
type layout struct {
	name   string
	render func(f form) (name string, data []byte)
	row    func(f form, r int) int
	funds  bool // the layout keeps the funds block a table
}

var layouts = []layout{
	{"docx", renderDocx, sameRow, true},
	{"word-text", renderWordText, sameRow, true},
	{"pipes", renderPipes, sameRow, true},
	{"spaces", renderSpaces, sameRow, true},
	// Pipes copied from a web page's table: cells merged down (rowspan)
	// and empty last cells left out.
	{"pipes-rowspan", renderPipesRowspan, sameRow, true},
	// One cell a line: the funds and indicator blocks are re-gridded, each
	// from its header, each a table of its own; the other rows are text.
	{"line-cells", renderLineCells, func(f form, r int) int { return r - f.header }, true},
	// Tab-separated rows, as a spreadsheet copies them: merged cells
	// empty, a row starting with one a line starting with a tab.
	{"tsv", renderTSV, sameRow, true},
	// One cell a line with a blank line after each row (Word's text
	// export without its tabs): an empty cell a blank line, merged cells
	// written again in each row as some exports do.
	{"line-rows", renderLineRows, func(f form, r int) int { return r - f.header }, true},
	// A sheet saved as CSV: a comma between cells, every line padded to
	// the sheet's width, a cell with a comma in it quoted, the title rows
	// above the grid and the signature row under it rows of one cell.
	{"csv", renderCSV, sameRow, true},
	// A form drawn with box-drawing characters: every cell wrapped at
	// five characters over as many lines as it needs, the indicator rows
	// between two rules with none between them, a cell merged down blank
	// under its first row and the rule under it left open there.
	{"box", renderBox, sameRow, true},
	// A budget system's export: "label：key=value；…" lines, an
	// indicator's levels in brackets, the cover rows "label：value" text.
	{"key-value", renderKV, func(f form, r int) int { return r - f.header }, true},
	// Cells parted by two ideographic spaces (U+3000), a merged or empty
	// cell written as four more, empty last cells left out.
	{"ideographic", renderIdeographic, sameRow, true},
	// Full-width bars (U+FF5C, as a Chinese input method types them)
	// around every cell, written tight, the last cells padded empty.
	{"wide-pipes", renderWidePipes, sameRow, true},
}

func sameRow(_ form, r int) int { return r }

// boxCol is the width of a column of renderBox, in display columns.
const boxCol = 10

// renderBox draws the form with box-drawing characters.
func renderBox(f form) (string, []byte) {
	w := f.width()
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString("    " + s + "\n")
	}
	// bounds are a row's bar positions, by column: a shorter row's last
	// cell spans the rest.
	bounds := func(r []string) []bool {
		at := make([]bool, w+1)
		for c := range r {
			at[c] = true
		}
		at[w] = true
		return at
	}
	// rule draws the line between rows above and below (nil at the top
	// and the bottom); a cell merged down into below leaves it open.
	rule := func(above, below []string) {
		up, down := make([]bool, w+1), make([]bool, w+1)
		if above != nil {
			up = bounds(above)
		}
		if below != nil {
			down = bounds(below)
		}
		open := func(c int) bool { return c >= 0 && c < len(below) && below[c] == "^" }
		for c := 0; c <= w; c++ {
			left, right := c > 0 && !open(c-1), c < w && !open(c)
			b.WriteString(boxJoint(up[c], down[c], left, right))
			if c < w {
				b.WriteString(strings.Repeat(map[bool]string{true: " ", false: "─"}[open(c)], boxCol))
			}
		}
		b.WriteString("\n")
	}
	inBlock := func(i int) bool { return i > f.header+1 && i < len(f.rows) && f.rows[i][0] != "总分" }
	for i, r := range f.rows {
		if i == 0 {
			rule(nil, r)
		} else if !inBlock(i) {
			rule(f.rows[i-1], r)
		}
		// Each cell wrapped at its width, a line a slice.
		var wrapped [][]string
		height := 1
		for c, s := range r {
			width := boxCol
			if c == len(r)-1 {
				width = (w-c)*(boxCol+1) - 1
			}
			parts := wrapCell(cellOf(s), width)
			wrapped = append(wrapped, parts)
			height = max(height, len(parts))
		}
		for k := range height {
			b.WriteString("│")
			for c := range r {
				width := boxCol
				if c == len(r)-1 {
					width = (w-c)*(boxCol+1) - 1
				}
				text := ""
				if k < len(wrapped[c]) {
					text = wrapped[c][k]
				}
				b.WriteString(text + strings.Repeat(" ", width-displayWidth(text)) + "│")
			}
			b.WriteString("\n")
		}
	}
	rule(f.rows[len(f.rows)-1], nil)
	b.WriteString("填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderIdeographic parts cells with ideographic spaces.
func renderIdeographic(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		end := len(r)
		for end > 0 && cellOf(r[end-1]) == "" {
			end--
		}
		cells := make([]string, end)
		for c, s := range r[:end] {
			cells[c] = cellOf(s)
			if cells[c] == "" {
				cells[c] = strings.Repeat("\u3000", 4)
			}
		}
		b.WriteString(strings.Join(cells, "\u3000\u3000") + "\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// boxJoint is the character where a rule meets the bars: strokes up,
// down, left and right of it.
func boxJoint(up, down, left, right bool) string {
	k := 0
	for _, on := range []bool{up, down, left, right} {
		k <<= 1
		if on {
			k++
		}
	}
	return []string{" ", " ", " ", "─", " ", "┌", "┐", "┬", " ", "└", "┘", "┴", "│", "├", "┤", "┼"}[k]
}

// wrapCell cuts s into lines of at most width display columns.
func wrapCell(s string, width int) []string {
	var out []string
	var cur strings.Builder
	n := 0
	for _, r := range s {
		rw := displayWidth(string(r))
		if n+rw > width {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
		cur.WriteRune(r)
		n += rw
	}
	return append(out, cur.String())
}

// displayWidth counts a Han or full-width character two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && r != '≥' && r != '≤' || r >= 0xFF00 && r <= 0xFF60 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// renderKV writes the form as a budget system exports it: the funds and
// indicator rows as "label：key=value；…" lines under a caption, the
// indicator's levels in brackets, the others "label：value".
func renderKV(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	pairs := func(keys, values []string) string {
		var out []string
		for c, k := range keys {
			v := ""
			if c < len(values) {
				v = cellOf(values[c])
			}
			out = append(out, k+"="+v)
		}
		return strings.Join(out, "；")
	}
	var funds []string // the funds header, while in the block
	head := f.rows[f.header]
	lead := 0 // the column of 一级指标
	for head[lead] != "一级指标" {
		lead++
	}
	levels := make([]string, 2)
	for i, r := range f.rows {
		switch {
		case i+1 < len(f.rows) && f.rows[i+1][0] == "年度资金总额":
			funds = r
			b.WriteString(r[0] + "\n")
		case funds != nil && len(r) == len(funds):
			b.WriteString("  " + r[0] + "：" + pairs(funds[1:], r[1:]) + "\n")
		case i == f.header:
			funds = nil
			b.WriteString("绩效指标\n")
		case i > f.header && r[0] != "总分":
			for c := range levels {
				if r[lead+c] != "^" {
					levels[c] = r[lead+c]
				}
			}
			b.WriteString("  [" + strings.Join(levels, "/") + "] " + r[lead+2] + "：" + pairs(head[lead+3:], r[lead+3:]) + "\n")
		case r[0] == "总分":
			// The total's keys are the indicators' weight and score.
			keys := []string{"分值", "得分"}
			for _, h := range head {
				if h == "权重" {
					keys[0] = h
				}
			}
			b.WriteString("总分：" + pairs(keys, r[1:3]) + "\n")
			for c := 3; c+1 < len(r); c += 2 {
				b.WriteString(r[c] + "：" + r[c+1] + "\n")
			}
		default:
			funds = nil
			if len(r) == 3 && r[1] == "预期目标" {
				b.WriteString(r[0] + "\n")
				continue
			}
			if r[0] == "^" {
				for c := 1; c < len(r); c++ {
					b.WriteString("  " + f.rows[i-1][c] + "：" + r[c] + "\n")
				}
				continue
			}
			for c := 0; c+1 < len(r); c += 2 {
				b.WriteString(r[c] + "：" + r[c+1] + "\n")
			}
		}
	}
	b.WriteString("填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

func cellOf(s string) string {
	if s == "^" {
		return ""
	}
	return s
}

func renderDocx(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(docxgen.P(s))
	}
	w := f.width()
	b.WriteString("<w:tbl><w:tblGrid>" + strings.Repeat("<w:gridCol/>", w) + "</w:tblGrid>")
	for i, r := range f.rows {
		b.WriteString("<w:tr>")
		for c, s := range r {
			var pr string
			switch {
			case s == "^":
				pr = `<w:vMerge/>`
			case i+1 < len(f.rows) && c < len(f.rows[i+1]) && f.rows[i+1][c] == "^":
				pr = `<w:vMerge w:val="restart"/>`
			}
			if c == len(r)-1 && len(r) < w {
				pr += fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, w-c)
			}
			p := docxgen.P(cellOf(s))
			if cellOf(s) == "" {
				p = "<w:p/>"
			}
			b.WriteString("<w:tc><w:tcPr>" + pr + "</w:tcPr>" + p + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>" + docxgen.P("填报人：王芳"))
	data, err := docxgen.Doc{Body: b.String()}.Bytes()
	if err != nil {
		panic(err)
	}
	return f.name + ".docx", data
}

// renderWordText is Word's text export: a cell a line after a tab, a blank
// line after each row.
func renderWordText(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		for _, s := range r {
			b.WriteString("\t" + cellOf(s) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderPipes is a table copied from a web page with pipes between cells.
func renderPipes(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		cells := make([]string, len(r))
		for c, s := range r {
			cells[c] = cellOf(s)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderWidePipes writes the rows between full-width bars, merged cells
// empty and every row padded to the form's width.
func renderWidePipes(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		cells := make([]string, f.width())
		for c, s := range r {
			cells[c] = cellOf(s)
		}
		b.WriteString("｜" + strings.Join(cells, "｜") + "｜\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderPipesRowspan writes pipes without the cells merged from above and
// without empty last cells.
func renderPipesRowspan(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		var cells []string
		for _, s := range r {
			if s != "^" {
				cells = append(cells, s)
			}
		}
		for len(cells) > 1 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderSpaces parts cells with runs of spaces: merged cells and empty last
// cells are left out, a row starting with merged cells is indented.
func renderSpaces(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		var cells []string
		for _, s := range r {
			if s != "^" {
				cells = append(cells, s)
			}
		}
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if r[0] == "^" {
			b.WriteString("        ")
		}
		b.WriteString(strings.Join(cells, "    ") + "\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderLineCells writes one cell a line: merged cells left out, an empty
// cell a blank line but an empty last cell left out, as a web page copies.
func renderLineCells(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		end := len(r)
		for end > 0 && r[end-1] == "" {
			end--
		}
		for _, s := range r[:end] {
			if s != "^" {
				b.WriteString(s + "\n")
			}
		}
	}
	b.WriteString("\n\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderTSV writes a row a line, a tab between cells.
func renderTSV(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	for _, r := range f.rows {
		cells := make([]string, len(r))
		for c, s := range r {
			cells[c] = cellOf(s)
		}
		b.WriteString(strings.Join(cells, "\t") + "\n")
	}
	b.WriteString("\n填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderLineRows writes one cell a line and a blank line after each row;
// a cell merged from above is written again, an empty cell is a blank
// line, an empty last cell left out.
func renderLineRows(f form) (string, []byte) {
	var b strings.Builder
	for _, s := range f.title {
		b.WriteString(s + "\n")
	}
	b.WriteString("\n")
	above := make([]string, f.width())
	for _, r := range f.rows {
		end := len(r)
		for end > 0 && r[end-1] == "" {
			end--
		}
		for c, s := range r[:end] {
			if s == "^" {
				s = above[c]
			}
			above[c] = s
			b.WriteString(s + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("填报人：王芳\n")
	return f.name + ".txt", []byte(b.String())
}

// renderCSV writes the form as Excel saves a sheet: a row a line, cells
// parted by commas, merged cells empty, every row as wide as the widest,
// a cell holding a comma or a quote quoted, lines ended by CRLF.
func renderCSV(f form) (string, []byte) {
	w := f.width()
	var b strings.Builder
	row := func(cells []string) {
		out := make([]string, w)
		for c, s := range cells {
			s = cellOf(s)
			if strings.ContainsAny(s, ",\"\n") {
				s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
			}
			out[c] = s
		}
		b.WriteString(strings.Join(out, ",") + "\r\n")
	}
	for _, s := range f.title {
		row([]string{s})
	}
	for _, r := range f.rows {
		row(r)
	}
	row([]string{"填报人：王芳"})
	return f.name + ".txt", []byte(b.String())
}

func readLayout(t *testing.T, name string, data []byte) *model.Document {
	t.Helper()
	var (
		doc *model.Document
		err error
	)
	if strings.HasSuffix(name, ".docx") {
		doc, err = docx.ReadBytes(name, data)
	} else {
		doc, err = txt.Decode(name, data)
	}
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func indicatorLine(in model.Indicator) string {
	met := "-"
	if in.Met != nil {
		met = map[bool]string{true: "1", false: "0"}[*in.Met]
	}
	return fmt.Sprintf("%s|%s|%s|%s %s %s %s|%s %s %s|%s %s %s|%s|%d", in.Level1, in.Level2, in.Level3,
		in.TargetRaw, orDash(in.TargetValue), orDash(in.TargetUnit), orDash(in.TargetOp),
		in.ActualRaw, orDash(in.ActualValue), orDash(in.ActualUnit),
		orDash(in.Weight), orDash(in.Score), met, in.Deviation, in.Row)
}

// TestFormLayouts reads each hand-written form in each layout and checks
// every column of its indicators, its level weights and its funds against
// the expectations written for the form.
func TestFormLayouts(t *testing.T) {
	for _, f := range forms {
		for _, l := range layouts {
			t.Run(f.name+"/"+l.name, func(t *testing.T) {
				name, data := l.render(f)
				x := Extract(readLayout(t, name, data))
				var ins []model.Indicator
				var sc []model.DimensionScore
				var funds []model.Fund
				for _, r := range x.Reports {
					ins = append(ins, r.Indicators...)
					sc = append(sc, r.Scores...)
					funds = append(funds, r.Funds...)
				}
				want := wantIndicators(f, l)
				var got []string
				for _, in := range ins {
					got = append(got, indicatorLine(in))
					if in.TableNo < 1 {
						t.Errorf("%s: table_no %d", in.Level3, in.TableNo)
					}
				}
				compareLines(t, "indicators", got, want)
				got = nil
				for _, s := range sc {
					got = append(got, fmt.Sprintf("%s %s %s", s.Dimension, orDash(s.Weight), orDash(s.Score)))
				}
				compareLines(t, "scores", got, f.wantSc)
				got = nil
				for _, fu := range funds {
					got = append(got, fmt.Sprintf("%s %s %s", fu.Item, amountText(fu.Budget), amountText(fu.Actual)))
				}
				if l.funds {
					compareLines(t, "funds", got, f.wantFun)
				}
				if len(x.Reports) != 1 {
					t.Fatalf("%d reports, want 1", len(x.Reports))
				}
				checkFormFacts(t, &x.Reports[0], f.want)
				if len(ins) != len(f.wantIns) {
					t.Errorf("%d indicators, want %d", len(ins), len(f.wantIns))
				}
			})
		}
	}
}

// checkFormFacts compares the report's cover facts, funds totals and
// total score with want.
func checkFormFacts(t *testing.T, r *model.Report, want formFacts) {
	t.Helper()
	funds := statedFunds(r)
	got := formFacts{project: r.ProjectName, dept: r.SupervisingDept, unit: r.ImplementingUnit, year: r.EvaluationYear,
		budget: funds["budget"], initial: funds["initial_budget"], actual: funds["actual"], rate: "-",
		score: r.Score.Value, max: r.Score.Max, grade: r.Score.Grade, gradeNorm: r.Score.GradeNorm, kind: r.Kind}
	if want.kind == "" {
		want.kind = "self_evaluation_form"
	}
	if r.RateStated != nil {
		got.rate = strconv.FormatFloat(*r.RateStated, 'f', -1, 64)
	}
	if got != want {
		t.Errorf("facts:\n got %+v\nwant %+v", got, want)
	}
}

func amountText(a *model.Amount) string {
	if a == nil {
		return "-"
	}
	return *a
}

func compareLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
}

// TestScoringTable: an evaluation report's scoring table gives one Score
// per dimension, the 合计 row left out, in a Word table and in text.
func TestScoringTable(t *testing.T) {
	head := []string{"2022年度某某县农村公路养护资金绩效评价报告", "一、基本情况", "某某县2022年安排农村公路养护资金500万元。", "二、评价结论", "经评价，该项目综合得分87分，评价等级为“良”。", "表1 绩效评价得分情况"}
	rows := [][]string{
		{"一级指标", "分值", "得分"},
		{"决策", "15", "13"},
		{"过程", "25", "22"},
		{"产出", "30", "27"},
		{"效益", "30", "25"},
		{"合计", "100", "87"},
	}
	want := []string{"决策 15 13 1", "过程 25 22 2", "产出 30 27 3", "效益 30 25 4"}
	f := form{name: "scoring", title: head, rows: rows}
	for _, l := range layouts[:4] {
		t.Run(l.name, func(t *testing.T) {
			name, data := l.render(f)
			x := Extract(readLayout(t, name, data))
			var got []string
			for _, r := range x.Reports {
				if len(r.Indicators) > 0 {
					t.Errorf("indicators %+v", r.Indicators)
				}
				for _, s := range r.Scores {
					got = append(got, fmt.Sprintf("%s %s %s %d", s.Dimension, orDash(s.Weight), orDash(s.Score), s.Row))
				}
			}
			compareLines(t, "scores", got, want)
		})
	}
	// Dimensions numbered and weighted in their labels, 权重 beside them.
	doc := readLayout(t, "numbered.txt", []byte("表2 评分表\n| 评价维度 | 权重 | 得分 |\n| 一、项目决策（15分） |  | 14.5 |\n| 二、项目过程 | 25 | 23 |\n| 总分 | 100 | 90.5 |\n"))
	var got []string
	for _, r := range Extract(doc).Reports {
		for _, s := range r.Scores {
			got = append(got, fmt.Sprintf("%s %s %s", s.Dimension, orDash(s.Weight), orDash(s.Score)))
		}
	}
	compareLines(t, "numbered scores", got, []string{"项目决策 15 14.5", "项目过程 25 23"})
}

// TestFormGoalsAboveIndicators: the goals row under the funds block, one
// row alone under no header of its own, with the indicators' header right under it, ends
// there: the header is not taken for the goals' second header row, and
// the indicators are read.
func TestFormGoalsAboveIndicators(t *testing.T) {
	text := "项目支出绩效自评表\n（2021年度）\n" +
		"| 项目名称 | 乡镇文化站免费开放 |||\n" +
		"| 主管部门 | 某县文化和旅游局 | 实施单位 | 某县文化馆 |\n" +
		"| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n" +
		"| | 年度资金总额 | 36 | 36 | 35.2 | 10 | 97.78% | 9.8 |\n" +
		"| 年度总体目标 | 预期目标：全县12个文化站全年免费开放。 | 实际完成情况：12个文化站全年开放。 |\n" +
		"| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n" +
		"| 产出指标 | 数量指标 | 开放文化站数 | 12个 | 12个 | 40 | 40 |\n" +
		"| | 时效指标 | 开放天数 | ≥300天 | 310天 | 30 | 30 |\n" +
		"| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 88% | 30 | 27 |\n" +
		"| 总分 | | | | | 100 | 97 |\n"
	var got []string
	for _, r := range Extract(readLayout(t, "goals.txt", []byte(text))).Reports {
		for _, in := range r.Indicators {
			got = append(got, in.Level1+" "+in.Level3+" "+in.TargetRaw+" "+in.ActualRaw+" "+in.Score)
		}
	}
	compareLines(t, "indicators", got, []string{"产出指标 开放文化站数 12个 12个 40", "产出指标 开放天数 ≥300天 310天 30",
		"满意度指标 群众满意度 ≥90% 88% 27"})
}

// TestFormWithoutFunds: a form of cover rows and indicators, no funds
// block, which the structure takes for a cover table, keeps its
// indicators.
func TestFormWithoutFunds(t *testing.T) {
	f := forms[0]
	f.name = "no-funds"
	f.rows = append(append([][]string{}, f.rows[:2]...), f.rows[8:]...)
	f.header = 2
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			name, data := l.render(f)
			x := Extract(readLayout(t, name, data))
			var got []string
			for _, r := range x.Reports {
				for _, in := range r.Indicators {
					got = append(got, in.Level3+" "+in.ActualRaw)
				}
			}
			compareLines(t, "indicators", got, []string{"培训人次 520人次", "培训场次 9场", "考核合格率 97%", "人均培训成本 2276元",
				"学员技能提升 效果明显", "带动农户增收 部分学员增收不明显", "学员满意度 93%"})
			if len(x.Reports) != 1 {
				t.Fatalf("%d reports, want 1", len(x.Reports))
			}
			checkFormFacts(t, &x.Reports[0], formFacts{project: "农村实用人才培训", dept: "某某县农业农村局", unit: "某某县农业技术推广中心", year: 2022,
				budget: "-", initial: "-", actual: "-", rate: "-", score: "94.43", max: "100", gradeNorm: "优"})
		})
	}
}

// TestFormIndicatorColumn: the national form as often printed, a column
// 绩效指标 merged down the left of the indicator block, reads as without
// it, in every layout.
func TestFormIndicatorColumn(t *testing.T) {
	f := forms[0]
	f.rows = nil
	for i, r := range forms[0].rows {
		switch {
		case i == f.header:
			r = append([]string{"绩效指标"}, r...)
		case i > f.header && i < len(forms[0].rows)-1:
			r = append([]string{"^"}, r...)
		}
		f.rows = append(f.rows, r)
	}
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			name, data := l.render(f)
			x := Extract(readLayout(t, name, data))
			var got []string
			for _, r := range x.Reports {
				for _, in := range r.Indicators {
					got = append(got, indicatorLine(in))
				}
			}
			compareLines(t, "indicators", got, wantIndicators(f, l))
			if len(x.Reports) != 1 {
				t.Fatalf("%d reports, want 1", len(x.Reports))
			}
			checkFormFacts(t, &x.Reports[0], f.want)
		})
	}
}

// wantIndicators is f's expected indicators with their rows as layout l
// numbers them.
func wantIndicators(f form, l layout) []string {
	var want []string
	for _, w := range f.wantIns {
		k := strings.LastIndex(w, "|")
		var row int
		fmt.Sscan(w[k+1:], &row)
		want = append(want, fmt.Sprintf("%s|%d", w[:k], l.row(f, row)))
	}
	return want
}

// TestFormFiller: the unit that filled in a form (填报单位) or holds its
// budget (预算单位) is its implementing unit only where the form names no
// 实施单位.
func TestFormFiller(t *testing.T) {
	for _, c := range []struct{ text, unit string }{
		{"项目支出绩效自评表\n填报单位（盖章）：某某县文化和广电旅游体育局\n项目名称：农家书屋运行补助\n实施单位：某某县图书馆\n", "某某县图书馆"},
		{"项目支出绩效自评表\n填报单位（盖章）：某某县文化和广电旅游体育局\n项目名称：农家书屋运行补助\n", "某某县文化和广电旅游体育局"},
		{"项目支出绩效自评表\n项目名称：增殖放流\n预算单位（盖章）：某某市海洋与渔业局\n项目实施单位：某某市水产技术推广站\n", "某某市水产技术推广站"},
	} {
		x := Extract(readLayout(t, "filler.txt", []byte(c.text)))
		if len(x.Reports) != 1 || x.Reports[0].ImplementingUnit != c.unit {
			t.Errorf("%q: reports %+v, want unit %q", c.text, x.Reports, c.unit)
		}
	}
}
