// Package structure recovers the shape of a document: the reports it
// holds, each report's cover fields and its section tree.
//
// Analyze gives every body block a role (title, cover field, date, body
// text, artefact …) and splits the body into reports; Sections builds a
// report's section tree from the blocks that are body text.
package structure

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// Role is what a body block is to the structure.
type Role uint8

const (
	RoleText       Role = iota // body text (headings included)
	RoleBlank                  // nothing visible
	RoleTable                  // a table of the report
	RoleTitle                  // (a line of) a report title
	RoleCover                  // a cover field, as a paragraph or a two-column table
	RoleDate                   // a paragraph that is a date: cover or signature date
	RoleAttachment             // an attachment label such as "附件6："
	RoleArtefact               // page number, signature placeholder, page metadata
	RoleNote                   // a note under a table ("注：1.评价小组…"), not body
)

var roleNames = [...]string{"text", "blank", "table", "title", "cover", "date", "attachment", "artefact", "note"}

func (r Role) String() string { return roleNames[r] }

// Layout is a document's body read as reports.
type Layout struct {
	Doc   *model.Document
	Roles []Role   // per body block
	Text  []string // per body block: cleaned paragraph text, lines kept; "" for tables
	// Norm is Text read once for matching, per body block: folded to
	// simplified characters and squashed, offsets kept.
	Norm  []grammar.Text
	Spans []Span // the reports, in order, covering the whole body

	// lineCover holds the cover rows of a form copied one cell a line:
	// the block of a bare label, and the block of its value under it.
	lineCover map[int]labelLine
}

// labelLine is a block of a cover row copied one cell a line: the label's
// canonical key and its value, or (value block) neither.
type labelLine struct{ key, value string }

// Span is one report's stretch of the body and what its cover says.
type Span struct {
	First, End  int   // body blocks [First, End)
	TitleBlocks []int // blocks of the title nearest the body, in order
	Title       string
	Attachment  string            // "附件6"
	Cover       map[string]string // canonical cover key → value ("" when the field is empty)
	// CoverFrom tells where each cover field was read: "cover" (a line
	// of the cover), "table" (a cover table), "form" (the cover rows of a
	// self-evaluation form), "subtitle" (the year line under a title).
	CoverFrom map[string]string
	Date      string // ISO report date, "" when none
}

// Canonical cover keys.
const (
	KeyProject    = "项目名称"
	KeyCategory   = "项目类别"
	KeyUnit       = "实施单位"
	KeyDept       = "主管部门"
	KeyAgency     = "评价机构"
	KeyYear       = "评价年度"
	KeyReportDate = "报告日期"
	// KeyCentralDept is the ministry over a transfer payment (中央主管部门),
	// known so that its value is taken for no other field; no report
	// column holds it.
	KeyCentralDept = "中央主管部门"
	// KeyFiller is the unit that filled in a form (填报单位) or holds the
	// budget (预算单位), often the department above the unit that carried
	// the project out: the implementing unit only where no 实施单位 is
	// stated.
	KeyFiller = "填报单位"
)

// coverKeys maps the labels reports print to the canonical keys.
var coverKeys = map[string]string{
	"项目名称": KeyProject, "项目类别": KeyCategory, "项目类型": KeyCategory,
	"实施单位": KeyUnit, "项目实施单位": KeyUnit, "项目单位": KeyUnit,
	"主管部门": KeyDept, "项目主管部门": KeyDept, "主管单位": KeyDept,
	"评价机构": KeyAgency, "评价单位": KeyAgency, "第三方评价机构": KeyAgency,
	"评价年度": KeyYear, "评价年份": KeyYear,
	"报告日期": KeyReportDate, "报告时间": KeyReportDate, "评价报告日期": KeyReportDate,
	// Labels other governments print for the same fields.
	"项目执行单位": KeyUnit, "项目承担单位": KeyUnit, "填报单位": KeyFiller, "预算单位": KeyFiller,
	"项目主管单位": KeyDept, "主管部门名称": KeyDept,
	"评价机构名称": KeyAgency, "第三方机构": KeyAgency, "评价实施机构": KeyAgency, "第三方评价单位": KeyAgency,
	"预算年度": KeyYear, "资金年度": KeyYear, "所属年度": KeyYear, "评价期间": KeyYear, "评价时段": KeyYear,
	"出具日期": KeyReportDate, "报告出具日期": KeyReportDate,
	// A third party's report names the unit whose project it evaluates;
	// a PPP project's the government's 项目实施机构, not the company that
	// builds and runs it.
	"被评价单位": KeyUnit, "项目实施机构": KeyUnit, "实施机构": KeyUnit,
	// A department's form names the department; a transfer payment's
	// regional form the payment, the ministry over it, the local
	// department and the unit that spends it.
	"部门（单位）名称": KeyDept, "部门名称": KeyDept, "单位（部门）名称": KeyDept,
	"转移支付（项目）名称": KeyProject, "转移支付名称": KeyProject, "转移支付项目名称": KeyProject, "专项资金名称": KeyProject,
	"地方主管部门": KeyDept, "资金使用单位": KeyUnit, "中央主管部门": KeyCentralDept,
}

// formRowLabels start the rows of a self-evaluation form below its cover
// rows (项目资金（万元）, 年度总体目标, 绩效指标 …), or the rows of a
// report's table of basic facts that no cover field reads (资金性质,
// 项目期限 …): a cover value copied one cell a line ends where one of
// them, or another label, follows.
var formRowLabels = []string{"项目资金", "年度资金", "资金情况", "资金投入", "年度预算", "预算情况", "年度总体目标", "总体目标", "年度绩效目标", "绩效目标",
	"年度履职目标", "履职目标", "年度主要任务", "绩效指标", "一级指标",
	"资金性质", "资金来源", "项目性质", "项目属性", "项目期限", "实施期限", "实施周期", "实施地点", "项目地点", "项目负责人"}

// labelGap is a tab, or two spaces or more, between a label and its value.
var labelGap = regexp.MustCompile(`\t+|[ \x{3000}]{2,}`)

// stamps are the notes beside a cover value where the stamp goes.
var stamps = regexp.MustCompile(`[（(]\s*(?:盖章|签章|公章|签字|签名|盖公章)\s*[）)]`)

// coverField reads "key：value" (value possibly empty, spread with tabs,
// spaces or underlines) and returns the canonical key.
func coverField(s string) (key, value string, ok bool) {
	// A colon past byte 80 or none at all in a line of over 300 bytes
	// makes no field: of such a line (a paragraph of the body, mostly)
	// only the first bytes are looked through.
	head := s
	if len(s) > 300 {
		head = s[:80+len("：")]
	}
	i := grammar.IndexAny(head, "：:")
	if i < 0 {
		// "项目名称\t城乡…" or "项目名称    城乡…": a cover table exported as text
		if len(s) > 300 || grammar.IndexAny(s, "\t\u3000 ") < 0 {
			return "", "", false
		}
		if loc := labelGap.FindStringIndex(s); loc != nil && loc[0] <= 30 {
			if key, ok := coverKeyOf(s[:loc[0]]); ok {
				return key, coverValue(s[loc[1]:]), true
			}
		}
		return "", "", false
	}
	if i > 80 {
		return "", "", false // no label is that long: a colon inside a sentence
	}
	// "评价机构（盖章）：" is the label 评价机构
	label := s[:i]
	if strings.ContainsAny(label, "（(") {
		label = stamps.ReplaceAllString(label, "")
	}
	key, ok = coverKeys[textnorm.Squash(textnorm.Simplify(label))]
	if !ok {
		return "", "", false
	}
	return key, coverValue(s[i+runeLenAt(s, i):]), true
}

// coverFields reads the fields of a cover line, which may hold two
// ("项目名称：XX    项目单位：YY", a cover table exported as text, tabs or
// runs of spaces between the cells).
func coverFields(s string) [][2]string {
	cells := labelGap.Split(s, -1)
	if len(cells) < 2 {
		if k, v, ok := coverField(s); ok {
			return [][2]string{{k, v}}
		}
		return nil
	}
	var out [][2]string
	for i := 0; i < len(cells); i++ {
		k, v, ok := coverField(cells[i])
		if !ok {
			k, ok = coverKeyOf(stamps.ReplaceAllString(cells[i], ""))
		}
		if !ok {
			continue
		}
		if v == "" && i+1 < len(cells) && !isCoverLabel(cells[i+1]) {
			i++
			v = coverValue(cells[i])
		}
		out = append(out, [2]string{k, v})
	}
	if len(out) == 0 {
		if k, v, ok := coverField(s); ok {
			return [][2]string{{k, v}}
		}
	}
	return out
}

// isCoverLabel reports whether a cell starts with a cover label.
func isCoverLabel(cell string) bool {
	if _, _, ok := coverField(cell); ok {
		return true
	}
	_, ok := coverKeyOf(cell)
	return ok
}

// coverKeyOf returns the canonical key of a label cell ("项 目 名 称：",
// "項目名稱"), compared folded and squashed, without its colon.
func coverKeyOf(label string) (string, bool) {
	key, ok := coverKeys[strings.TrimRight(grammar.NewText(label).Squashed, "：:")]
	return key, ok
}

func coverValue(s string) string {
	s = stamps.ReplaceAllString(s, "")
	return strings.TrimFunc(s, func(r rune) bool { return textnorm.IsSpace(r) || r == '_' || r == '＿' })
}

// attachmentLabel matches "附件6：", "附件 6", "附件六:" alone or before a title.
var attachmentLabel = regexp.MustCompile(`^附\s*件\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})?\s*[：:]?`)

// attachment returns the label of an attachment line and what follows it.
func attachment(s string) (label, rest string, ok bool) {
	loc := attachmentLabel.FindStringIndex(s)
	if loc == nil {
		return "", "", false
	}
	rest = strings.TrimFunc(s[loc[1]:], textnorm.IsSpace)
	label = strings.TrimRight(textnorm.Squash(s[:loc[1]]), "：:")
	if rest != "" && !isTitle(rest) {
		return "", "", false // "附件中的…": a sentence
	}
	if attachmentList(s) {
		return "", "", false
	}
	return label, rest, true
}

// attachmentList tells the first line of a cover letter's list of what it
// encloses ("附件：1.某某项目绩效评价报告", "2.…" under it): its titles are
// the enclosures', which follow under their own labels, so the line heads
// nothing.
func attachmentList(s string) bool {
	loc := attachmentLabel.FindStringSubmatchIndex(s)
	if loc == nil || loc[2] >= 0 { // "附件1：…" labels one attachment
		return false
	}
	m, ok := parseMarker(s[loc[1]:])
	return ok && grammar.ListLike(m.family)
}

var (
	pageNumber = regexp.MustCompile(`^(?:[-－—–]\s*[0-9]+\s*[-－—–]|第\s*[0-9]+\s*页(?:\s*[，,/]?\s*共\s*[0-9]+\s*页)?|共\s*[0-9]+\s*页\s*[，,]?\s*第\s*[0-9]+\s*页|[0-9]{1,3}|[0-9]+\s*/\s*[0-9]+|Page\s+[0-9]+(?:\s+of\s+[0-9]+)?)$`)
	// signature and stamp placeholders: "(签名):", "年  月  日", "评价组组长（签字）："
	placeholder = regexp.MustCompile(`^[\p{Han}]{0,8}\s*[（(]?\s*(?:签名|签字|盖章|签章|公章)\s*[）)]?\s*[：:]?$|^年\s+月\s+日$`)
	// The furniture of a government web page that a report copied from
	// the site keeps: "发布时间：2021-05-06 10:23  来源：区财政局  浏览次数：128",
	// "首页 > 政务公开 > 财政信息", "【打印】【关闭】", "扫一扫在手机打开当前页".
	webMeta = regexp.MustCompile(`^(?:(?:发布|发文|成文|更新)(?:时间|日期)|(?:信息|文章)?来源|(?:浏览|访问|阅读|点击)(?:次数|数|量)|作者|(?:责任)?编辑|字[体号]|分享到|索引号|发布机构)\s*[：:]` +
		`|^(?:网站首页|首页|主页|当前位置|您现在的位置|您的位置)[^。]*[>＞»]` +
		`|^(?:\s*[【\[]\s*[^【】\[\]]{1,8}\s*[】\]])+\s*(?:分享到.{0,30})?$` +
		`|^(?:扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇|相关链接|分享到)`)
	// webMetaStarts are the runes webMeta's lines start with: a quick no
	// for the rest.
	webMetaStarts = "发成更信文来浏访阅点作责编字分索网首主当您【[扫打关返上下相"
	// rules drawn with characters, and the 公文 note on a page left blank
	rule      = regexp.MustCompile(`^[-－—–_＿=＝*＊~～·•]{3,}$`)
	blankPage = regexp.MustCompile(`^[（(]\s*此页无正文\s*[）)]$`)
)

// isArtefact reports whether a paragraph, in simplified characters, is
// layout residue, never body.
func isArtefact(s string) bool {
	t := strings.TrimFunc(s, textnorm.IsSpace)
	if len(t) > 100*3 {
		return false
	}
	if len(t) <= 80 && (pageNumber.MatchString(t) || placeholder.MatchString(t) || rule.MatchString(t) || blankPage.MatchString(t)) {
		return true
	}
	return isWebMeta(t)
}

// isWebMeta reports whether a trimmed paragraph is a line of a web page's
// furniture. Sites space their labels out to a width ("索 引 号：",
// "标　　题："), so the line is matched without its spaces.
func isWebMeta(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune(webMetaStarts, r) && textnorm.Len(t) <= 100 && webMeta.MatchString(textnorm.Squash(t))
}

// reportKinds end a report title ("项目支出绩效自评情况报告", "绩效评价报告书"
// …); longest first, so that the project name is what remains. The scope
// may be the budget's (财政支出, 财政资金) or a transfer payment's region
// (区域绩效自评报告), and an evaluation the finance bureau picks out is a
// 重点绩效评价: none of these words names the project.
var reportKinds = func() []string {
	var out []string
	for _, scope := range []string{"部门整体支出", "整体支出", "项目支出", "财政支出", "财政资金", "项目", "支出", "区域", ""} {
		for _, kind := range []string{"绩效评价", "重点绩效评价", "绩效自评"} {
			// A review of a self-evaluation (绩效自评复核报告) is a report of
			// the reviewer's own.
			for _, what := range []string{"情况", "工作", "结果", "复核", ""} {
				for _, doc := range []string{"报告书", "的报告", "报告"} {
					out = append(out, scope+kind+what+doc)
				}
			}
		}
		// The self-evaluation form, a report in one table.
		if scope != "支出" && scope != "整体支出" {
			out = append(out, scope+"绩效自评表")
		}
	}
	// The transfer payments' regional form: 区域绩效目标自评表.
	out = append(out, "自评报告", "评价报告", "绩效目标自评表")
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// evaluationStages name when in a project's life it is evaluated, printed
// before the kind ("…项目中期绩效评价报告", "…PPP项目2023年度运营期绩效评价
// 报告"): part of the kind, not of the project's name.
var evaluationStages = []string{"中期", "期中", "终期", "运营期", "建设期", "事后", "阶段性"}

// withStage returns kind with the stage before it in s (s the title
// without the kind), if any.
func withStage(before, kind string) string {
	for _, st := range evaluationStages {
		if strings.HasSuffix(before, st) {
			return st + kind
		}
	}
	return kind
}

// isForm reports whether a title names a self-evaluation form (绩效自评表).
func isForm(title string) bool { return strings.HasSuffix(kindOf(title), "表") }

// yearLine is the year printed alone under a form's title: "（2021年度）".
var yearLine = regexp.MustCompile(`^[（(]\s*(` + grammar.YearPattern + `)\s*年度?\s*[）)]$`)

// draftNote is a bracketed note after a title: "（终稿）", "(征求意见稿)",
// or the year it covers: "（2021年度）".
var draftNote = regexp.MustCompile(`\s*[（(](?:[^（()）]{0,8}(?:稿|版|简本|摘要)|\s*` + grammar.YearPattern + `\s*年度?\s*)[）)]$`)

// kindOf returns the report kind s ends with (a draft note after it
// aside), or "".
func kindOf(s string) string {
	// Every kind ends in 告, 书 or 表, or a bracketed note follows it.
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune("告书書表）)", last) {
		return ""
	}
	s = textnorm.Simplify(s)
	if strings.ContainsAny(s, " \u3000") {
		s = textnorm.Label(s) // "绩 效 评 价 报 告", spread over a cover page
	}
	if strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")") {
		s = draftNote.ReplaceAllString(s, "")
	}
	for _, k := range reportKinds {
		if strings.HasSuffix(s, k) {
			return withStage(s[:len(s)-len(k)], k)
		}
	}
	// A title may name its project in brackets after the kind:
	// "…绩效自评报告（困难群众救助补助资金）".
	if loc := projectNote.FindStringIndex(s); loc != nil && loc[0] > 0 {
		return kindOf(s[:loc[0]])
	}
	return ""
}

// projectNote is a project named in brackets after a title's kind, or
// on a line of its own under the title: "（农村饮水安全工程补助资金）".
var projectNote = regexp.MustCompile(`[（(]\s*([^（()）]{2,40}?)\s*[）)]$`)

// TitleUnit returns the name a title gives before the project it names in
// brackets after its kind ("某某县民政局2022年度项目支出绩效自评报告（困难群众
// 救助补助资金）" gives 某某县民政局), "" when it names none that way.
func TitleUnit(title string) string {
	s := textnorm.Label(textnorm.OneLine(title))
	m := projectNote.FindStringIndex(s)
	if m == nil || m[0] == 0 || draftNote.MatchString(s) || kindOf(s[:m[0]]) == "" {
		return ""
	}
	return ProjectName(s[:m[0]])
}

// notProject reports a bracketed note under a title that says how the
// report was made or published, not what it evaluates: （第三方评价）,
// （公开版本）, （送审）.
func notProject(name string) bool {
	s := textnorm.Simplify(name)
	for _, w := range []string{"评价", "自评", "报告", "公开", "送审", "审定", "修订", "附件", "提纲", "样表"} {
		if strings.HasSuffix(s, w) || strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// Subtitle returns the project a line under a title names, "" when s is
// no such line, and the year it states, 0 when none: a bracketed line
// ("（农村饮水安全工程补助资金）"; a year (（2022年度）) or a draft note
// (（征求意见稿）) names none), or a dash before the year and the project
// under a title that names neither ("——2019年度乡村公路养护补助资金").
func Subtitle(s string) (name string, year int) {
	s = textnorm.OneLine(s)
	if loc := dashLead.FindStringIndex(s); loc != nil {
		return dashSubtitle(s[loc[1]:])
	}
	return bracketSubtitle(s), 0
}

// dashLead is the dash that leads a subtitle.
var dashLead = regexp.MustCompile(`^\s*(?:——|—|－－|--|──)\s*`)

// dashSubtitle reads a subtitle after its dash: a year (after a place,
// should one lead), then the project, the whole line a name ("" and 0
// when it is a clause or names no project).
func dashSubtitle(s string) (string, int) {
	simple := textnorm.Simplify(s)
	m := yearPrefix.FindStringSubmatchIndex(simple)
	if m == nil {
		m = placeYear.FindStringSubmatchIndex(simple)
		if m == nil {
			return "", 0
		}
		m = append(m[:2], m[4:6]...) // the year's group
	}
	y, ok := grammar.Year(simple[m[2]:m[3]])
	name := strings.TrimFunc(s[m[1]:], textnorm.IsSpace)
	if !ok || textnorm.Len(name) < 4 || strings.ContainsAny(name, "。，,；;：:") || notProject(name) {
		return "", 0
	}
	return name, y
}

// bracketSubtitle is the project a bracketed line names, "" when none.
func bracketSubtitle(s string) string {
	m := projectNote.FindStringSubmatchIndex(s)
	if m == nil || m[0] != 0 || draftNote.MatchString(s) || yearLine.MatchString(s) {
		return ""
	}
	name := s[m[2]:m[3]]
	if strings.ContainsAny(name, "。，,；;：:") || grammar.FirstYear(name) != 0 && textnorm.Len(name) < 8 ||
		strings.HasPrefix(name, "单位") || strings.HasSuffix(name, "元") || notProject(name) {
		return "" // a clause, a year, the unit of amounts (单位万元), a kind of evaluation
	}
	return name
}

// isTitle reports whether a paragraph (lines joined) reads as a report
// title: short, no sentence punctuation, ending with a report kind.
func isTitle(s string) bool {
	s = textnorm.OneLine(s) // kindOf and parseMarker read traditional characters as simplified
	if len(s) > 80*3 || textnorm.Len(s) > 80 || kindOf(s) == "" {
		return false
	}
	if strings.ContainsAny(s, "。，,；;！？《》") {
		return false
	}
	_, isHeading := parseMarker(s)
	return !isHeading
}

var (
	yearPrefix = regexp.MustCompile(`^(?:关于)?\s*(` + grammar.YearPattern + `)\s*年度?\s*`)
	// placeYear is a place before the year: "某某市2020年度全民健身…".
	placeYear  = regexp.MustCompile(`^(\p{Han}{1,12}?[` + grammar.PlaceEnds + `])\s*(` + grammar.YearPattern + `)\s*年度?\s*`)
	yearSuffix = regexp.MustCompile(`\s*` + grammar.YearPattern + `\s*年度?$`)
)

// TitleIssuer is the name a title gives before 关于 ("某某县林业局关于2023年度
// …的报告" gives 某某县林业局): who writes the report. "" when none.
func TitleIssuer(title string) string {
	orig := textnorm.Label(textnorm.OneLine(title))
	s := textnorm.Simplify(orig)
	if k := strings.Index(s, "关于"); k > 0 && textnorm.Len(s[:k]) <= 16 {
		return orig[:k]
	}
	return ""
}

// ProjectName derives a project name from a report title: without the
// leading year ("2020年度") and without the report kind it ends with.
// The title is matched in simplified characters and cut as printed.
func ProjectName(title string) string {
	orig := textnorm.Label(textnorm.OneLine(title)) // no spaces spreading the letters
	if _, rest, ok := attachment(orig); ok {
		orig = rest
	}
	s := textnorm.Simplify(orig)
	// "…绩效自评报告（困难群众救助补助资金）": the brackets name the project.
	if m := projectNote.FindStringSubmatchIndex(s); m != nil && m[0] > 0 && !draftNote.MatchString(s) && kindOf(s[:m[0]]) != "" {
		if name := strings.TrimFunc(orig[m[2]:m[3]], textnorm.IsSpace); !notProject(name) {
			return name
		}
		return "" // （参考提纲）, （样表）: what the document is, no project
	}
	lo, hi := 0, len(s) // the name is orig[lo:hi]; every step cuts an end
	cutPrefix := func(n int) { lo += n }
	cutSuffix := func(n int) { hi -= n }
	// "关于…", "某某县财政局关于…", "关于对…": the name starts after them.
	if k := strings.Index(s[lo:hi], "关于"); k >= 0 && textnorm.Len(s[lo:lo+k]) <= 16 {
		cutPrefix(k + len("关于"))
		if strings.HasPrefix(s[lo:hi], "对") {
			cutPrefix(len("对"))
		}
	}
	if loc := yearPrefix.FindStringIndex(s[lo:hi]); loc != nil {
		cutPrefix(loc[1])
	}
	if loc := draftNote.FindStringIndex(s[lo:hi]); loc != nil {
		cutSuffix(hi - lo - loc[0])
	}
	cutSuffix(len(kindOf(s[lo:hi])))
	if strings.HasSuffix(s[lo:hi], "的") {
		cutSuffix(len("的"))
	}
	for _, verb := range []string{"开展", "进行"} { // "…项目开展绩效评价的报告"
		if strings.HasSuffix(s[lo:hi], verb) {
			cutSuffix(len(verb))
		}
	}
	if loc := yearSuffix.FindStringIndex(s[lo:hi]); loc != nil {
		cutSuffix(hi - lo - loc[0]) // "某某市2021年度部门整体支出…"
	}
	if m := placeYear.FindStringSubmatchIndex(s[lo:hi]); m != nil && lo+m[1] < hi {
		// "某某市2020年度全民健身设施建设": the place stays, the year goes.
		return strings.TrimFunc(orig[lo:lo+m[3]]+orig[lo+m[1]:hi], textnorm.IsSpace)
	}
	return strings.TrimFunc(orig[lo:hi], textnorm.IsSpace)
}

// TitlePlace returns the place a title names before its year and keeps
// in the project's name ("某某市2020年度全民健身…" gives 某某市), "" when
// there is none.
func TitlePlace(title string) string {
	orig := textnorm.Label(textnorm.OneLine(title))
	if _, rest, ok := attachment(orig); ok {
		orig = rest
	}
	if m := placeYear.FindStringSubmatchIndex(textnorm.Simplify(orig)); m != nil {
		return orig[m[2]:m[3]]
	}
	return ""
}

// TitleYear returns the first year a title names before 年, 0 when none:
// "2020年度…", "某某市2020年度…", "某某县农业农村局2021年度部门整体支出…".
func TitleYear(title string) int {
	s := textnorm.OneLine(title)
	if _, rest, ok := attachment(s); ok {
		s = rest
	}
	if ys := grammar.YearsIn(s); len(ys) > 0 {
		return ys[0]
	}
	return 0
}
