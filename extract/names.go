package extract

import (
	"regexp"
	"strings"

	"github.com/govreports/govreports/extract/facts"
	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/extract/result"
	"github.com/govreports/govreports/extract/structure"
	"github.com/govreports/govreports/ingest/model"
)

// oneProject is the first paragraph naming the one project a unit
// carried out: "我单位2021年实施项目一个：乡镇卫生院能力提升项目".
var oneProject = regexp.MustCompile(`项目(?:共)?(?:一个|1个|一项|1项)\s*[：:]\s*([^，,。；;：:\s]{2,40})`)

// selfProject is a first paragraph in which the unit, speaking of itself,
// names the one project it carried out: "我镇2020年实施农村改厕奖补项目。".
var selfProject = regexp.MustCompile(`^(?:我|本)(?:单位|局|委|办|中心|院|站|所|馆|校|厅|镇|乡|街道)(?:于)?(?:` +
	grammar.YearPattern + `\s*年度?)?(?:组织|负责)?实施(?:了)?([^，,。；;：:\s、]{2,40}?项目)[。；;，,]`)

// evaluatedProject is a first paragraph naming the one project the
// evaluation covers: "我局对2023年度实施的天然橡胶价格（收入）保险保费补贴项目
// 开展了绩效自评", "对2022年度承担的农村公路养护资金进行了绩效评价".
var evaluatedProject = regexp.MustCompile(`对[^。；;，,：:对]{0,10}?` + grammar.YearPattern +
	`\s*年度?(?:实施|承担|安排|执行)?的?([^，,。；;：:\s、“”"]{2,40}?(?:项目|资金|经费))(?:开展|进行)了?[^。；;，,]{0,8}?(?:自评|评价)`)

// manyProjects, in a name evaluatedProject read, make it a number of
// projects or a kind of money rather than one project: 2个项目, 各项目,
// 农村公路养护等项目, 财政资金; or the 度 of a 年度 the name had to take
// to be long enough (2019年度各项目 read as 度各项目).
var manyProjects = regexp.MustCompile(`[0-9一二三四五六七八九十两几多]+[个项]|^(?:各|所有|全部|全年|有关|相关|度)|等|^(?:财政|专项|项目|预算|部门|本级)?(?:项目|资金|经费)$`)

// firstParas is how many of a report's first paragraphs may name its
// project: past them, a project named is one of its parts.
const firstParas = 3

// readNames is the names pass: it finds the project and the year where
// neither the cover nor the title states them, and tells a title that
// names the unit from one that names the project. A project named in a
// bracketed line under the title (（农村饮水安全工程补助资金）) or in the
// first paragraphs comes before a name cut from the title: the title is
// then the unit's ("某某县水利局2021年度项目支出绩效自评报告"), which
// becomes the implementing unit when no cover field gives one. A year
// stated only as a period (2020年1-12月) is read from the text.
func readNames(s *State) {
	for k := range s.Reports {
		r, sp, paras := &s.Reports[k], s.Layout.Spans[k], s.Paras[k]
		if r.ImplementingUnit == "" {
			r.ImplementingUnit = issuer(s.Layout, sp)
		}
		if r.ProjectNameSource == "title" {
			trimTitleName(r, paras)
		}
		// An organisation the title names: the unit's full name, should
		// the text name it shortly (由镇人民政府组织实施).
		titleOrg := ""
		if r.ProjectNameSource == "title" && facts.IsOrgName(r.ProjectName) {
			titleOrg = r.ProjectName
		}
		if r.ProjectNameSource == "" || r.ProjectNameSource == "title" {
			name, year := subtitle(s.Layout, sp)
			from := "subtitle"
			if year != 0 && r.EvaluationYear == 0 {
				r.EvaluationYear, r.YearSource = year, "subtitle"
			}
			if name == "" {
				name, from = firstParaProject(paras), "paragraph"
			}
			if name != "" {
				if r.ProjectNameSource == "title" && r.ImplementingUnit == "" && facts.OrgEnding(r.ProjectName) != "" {
					r.ImplementingUnit = r.ProjectName
				}
				r.ProjectName, r.ProjectNameSource = name, from
			}
		}
		// "…局2022年度…自评报告（困难群众救助补助资金）": the brackets name
		// the project, the rest of the title the unit.
		if r.ProjectNameSource == "title" && r.ImplementingUnit == "" {
			if u := structure.TitleUnit(r.Title); facts.OrgEnding(u) != "" {
				r.ImplementingUnit = u
			}
		}
		// A department's report is named by its department, as its title
		// names it (某某区教育局2021年度部门整体支出绩效自评报告); a form
		// that names it only in 部门（单位）名称 is named the same.
		if r.ProjectName == "" && r.SupervisingDept != "" && result.TitleKind(r.Title) == result.KindDepartment {
			r.ProjectName, r.ProjectNameSource = r.SupervisingDept, sp.CoverFrom[structure.KeyDept]
		}
		// The department a department-wide form names is the unit whose
		// spending it evaluates, when no 填报单位 line names it.
		if r.ImplementingUnit == "" && r.SupervisingDept != "" && result.TitleKind(r.Title) == result.KindDepartment {
			r.ImplementingUnit = r.SupervisingDept
		}
		// A department's report is named by the department
		// ("某某局2021年度部门整体支出…"): it is the unit too.
		if r.ProjectNameSource == "title" && r.ImplementingUnit == "" && facts.OrgEnding(r.ProjectName) != "" {
			r.ImplementingUnit = r.ProjectName
		}
		// A title naming only an organisation names the unit of a project
		// report, never its project: a department's report alone is named
		// by its department.
		if r.ProjectNameSource == "title" && titleOrg != "" && result.TitleKind(r.Title) != result.KindDepartment {
			if r.ImplementingUnit == "" {
				r.ImplementingUnit = r.ProjectName
			}
			r.ProjectName, r.ProjectNameSource = "", ""
		}
		r.ImplementingUnit = fullerName(r.ImplementingUnit, titleOrg, structure.TitleUnit(r.Title))
		if r.EvaluationYear == 0 {
			for _, p := range paras {
				if y := grammar.PeriodYear(p.Folded); y != 0 {
					r.EvaluationYear, r.YearSource = y, "paragraph"
					break
				}
			}
		}
		if r.EvaluationYear == 0 {
			r.EvaluationYear, r.YearSource = tablePeriodYear(s.Layout, sp)
		}
		if r.EvaluationYear == 0 {
			for _, p := range paras {
				if y := grammar.ObjectYear(p.Folded); y != 0 {
					r.EvaluationYear, r.YearSource = y, "paragraph"
					break
				}
			}
		}
		if r.YearSource == "title" {
			if y := writtenYear(r, paras); y != 0 {
				r.EvaluationYear, r.YearSource = y, "paragraph"
			}
		}
		if r.EvaluationYear == 0 {
			if y := letterYear(s.Layout, sp); y != 0 {
				r.EvaluationYear, r.YearSource = y, "paragraph"
			}
		}
	}
}

// writtenYear is the year evaluated when a title names the year the
// report was written instead ("2024年项目支出绩效自评报告", dated 2024年3月,
// "对2023年度实施的…项目开展了绩效自评"): the year before the title's,
// which the first paragraphs say was evaluated, when the report is dated
// in the title's year or not at all. 0 when the title's year stands.
func writtenYear(r *model.Report, paras []facts.Para) int {
	title := r.EvaluationYear
	if r.ReportDate != "" && grammar.FirstYear(r.ReportDate) != title {
		return 0
	}
	for i, p := range paras {
		if i == firstParas {
			break
		}
		if y := grammar.ObjectYear(p.Folded); y != 0 {
			if y == title-1 {
				return y
			}
			return 0
		}
	}
	return 0
}

// letterYear is the year a cover letter above the report's title says
// was evaluated ("我局对2019年度实施的…2个项目开展了绩效自评"), 0 when none.
// The structure keeps the letter out of the report's text, as artefacts
// before its title; the reports it sends on are of that year.
func letterYear(l *structure.Layout, sp structure.Span) int {
	if len(sp.TitleBlocks) == 0 {
		return 0
	}
	for i := sp.First; i < sp.TitleBlocks[0]; i++ {
		if l.Roles[i] != structure.RoleArtefact {
			continue
		}
		if y := grammar.ObjectYear(grammar.Fold(l.Text[i])); y != 0 {
			return y
		}
	}
	return 0
}

// fullerName is the name among fuller that ends in unit, the same body
// named in full (镇人民政府 is 蕲春县檀林镇人民政府 of the title), else unit.
func fullerName(unit string, fuller ...string) string {
	for _, f := range fuller {
		if unit == "" || !facts.IsOrgName(f) {
			continue
		}
		if len(f) > len(unit) && strings.HasSuffix(f, unit) {
			return f
		}
	}
	return unit
}

// orgYear is a unit before the year in a name cut from a title:
// "某某县民政局2021年度居家养老服务补贴".
var orgYear = regexp.MustCompile(`^(\p{Han}{2,30}?)\s*` + grammar.YearPattern + `\s*年度?\s*`)

// trimTitleName cuts from a project name read off the title what names
// no project: the unit and the year before it ("某某县民政局2021年度居家养老
// 服务补贴" is 居家养老服务补贴 of 某某县民政局, which becomes the unit when
// none is known), and the place before the year where the text names the
// project without it.
func trimTitleName(r *model.Report, paras []facts.Para) {
	if m := orgYear.FindStringSubmatchIndex(r.ProjectName); m != nil && m[1] < len(r.ProjectName) {
		if unit := r.ProjectName[m[2]:m[3]]; facts.OrgEnding(unit) != "" {
			if r.ImplementingUnit == "" {
				r.ImplementingUnit = unit
			}
			r.ProjectName = r.ProjectName[m[1]:]
			return
		}
	}
	// "某某县人民医院住院综合楼建设": the unit the text names, before the
	// project, names no project.
	if u := r.ImplementingUnit; u != "" && strings.HasPrefix(r.ProjectName, u) && textnorm.Len(r.ProjectName[len(u):]) >= 4 {
		r.ProjectName = r.ProjectName[len(u):]
		return
	}
	// The place stays where it tells the project apart ("某某市全民健身
	// 设施建设"); the text that drops it names the project without it. The
	// place is the one before the title's year, else one the project's name
	// shares with its unit's or department's (某某市智慧城市建设 of 某某市城投公司).
	// A shared place goes only where a 项目名称 line names the project
	// without it: a mere mention (市财政设立人才引进专项资金) may drop it.
	if place := sharedPlace(r.ProjectName, r.ImplementingUnit, r.SupervisingDept); place != "" && structure.TitlePlace(r.Title) == "" {
		if rest := r.ProjectName[len(place):]; textnorm.Len(rest) >= 4 && namedOnLine(paras, rest) {
			r.ProjectName = rest
		}
		return
	}
	if place := structure.TitlePlace(r.Title); place != "" && strings.HasPrefix(r.ProjectName, place) {
		if rest := r.ProjectName[len(place):]; textnorm.Len(rest) >= 4 && facts.NamesApart(paras, rest, place) {
			r.ProjectName = rest
		}
	}
}

// sharedPlace is the longest place (two characters or more, then one of
// grammar.PlaceEnds) that starts name and a longer one of orgs; "" when
// none. A place the organisations share is a place, not a word of the
// project (新型智慧城市 ends in 市 too).
func sharedPlace(name string, orgs ...string) string {
	place := ""
	n := 0
	for i, r := range name {
		n++
		if n < 3 || !strings.ContainsRune(grammar.PlaceEnds, r) {
			continue
		}
		prefix := name[:i+len(string(r))]
		for _, o := range orgs {
			if len(o) > len(prefix) && strings.HasPrefix(o, prefix) {
				place = prefix
			}
		}
	}
	return place
}

// namedOnLine reports whether a paragraph gives name, whole, as the
// project's name: "（一）项目名称：name".
func namedOnLine(paras []facts.Para, name string) bool {
	name = grammar.Fold(name)
	for _, p := range paras {
		k := strings.Index(p.Folded, structure.KeyProject)
		if k < 0 {
			continue
		}
		v := strings.TrimLeft(strings.TrimSpace(p.Folded[k+len(structure.KeyProject):]), "：: 为")
		if strings.TrimRight(strings.TrimSpace(v), "。；;") == name {
			return true
		}
	}
	return false
}

// issuer is the unit a self-evaluation names on a line of its own above
// its title ("某某市教育体育局" / "关于2024年度…项目绩效自评情况的报告"): the
// unit evaluating its own project. "" when there is none; a report by
// another (a finance bureau, an agency) is no self-evaluation.
func issuer(l *structure.Layout, sp structure.Span) string {
	if len(sp.TitleBlocks) == 0 || !strings.Contains(textnorm.Simplify(sp.Title), "自评") {
		return ""
	}
	j := sp.TitleBlocks[0] - 1
	for j >= sp.First && (l.Roles[j] == structure.RoleBlank || l.Roles[j] == structure.RoleArtefact) {
		j--
	}
	if j < sp.First || l.Roles[j] != structure.RoleText || l.Doc.Body[j].Kind != model.KindParagraph {
		return ""
	}
	if name := strings.TrimSpace(textnorm.OneLine(l.Text[j])); facts.IsOrgName(name) {
		return name
	}
	return ""
}

// subtitle is the project a line right under the report's title names
// (bracketed, or after a dash), "" when none, and the year it states.
func subtitle(l *structure.Layout, sp structure.Span) (string, int) {
	if len(sp.TitleBlocks) == 0 {
		return "", 0
	}
	for i := sp.TitleBlocks[len(sp.TitleBlocks)-1] + 1; i < sp.End; i++ {
		switch l.Roles[i] {
		case structure.RoleBlank, structure.RoleArtefact:
			continue
		case structure.RoleCover:
			if strings.TrimSpace(textnorm.OneLine(l.Text[i])) == "" {
				continue
			}
		}
		if l.Doc.Body[i].Kind != model.KindParagraph {
			return "", 0
		}
		if name, year := structure.Subtitle(l.Text[i]); name != "" {
			return name, year
		}
		if l.Roles[i] != structure.RoleCover {
			return "", 0 // the body begins: no subtitle
		}
	}
	return "", 0
}

// firstParaProject is the one project the first paragraphs say the unit
// carried out, "" when none.
func firstParaProject(paras []facts.Para) string {
	for i, p := range paras {
		if i == firstParas {
			break
		}
		if m := oneProject.FindStringSubmatchIndex(p.Folded); m != nil {
			return p.Text[m[2]:m[3]] // as printed: folding keeps offsets
		}
		if m := selfProject.FindStringSubmatchIndex(p.Folded); m != nil {
			return p.Text[m[2]:m[3]]
		}
		if m := evaluatedProject.FindStringSubmatchIndex(p.Folded); m != nil && !manyProjects.MatchString(p.Folded[m[2]:m[3]]) {
			return p.Text[m[2]:m[3]]
		}
	}
	return ""
}

// tablePeriodYear is the year of a whole-year period a cell of the
// report's tables states ("2020年1-12月"), with its source.
func tablePeriodYear(l *structure.Layout, sp structure.Span) (int, string) {
	for i := sp.First; i < sp.End; i++ {
		b := l.Doc.Body[i]
		if b.Kind != model.KindTable || b.TableNo < 1 || b.TableNo > len(l.Doc.Tables) {
			continue
		}
		for _, c := range l.Doc.Tables[b.TableNo-1].Cells {
			if y := grammar.PeriodYear(grammar.Fold(c.Text)); y != 0 {
				return y, "table"
			}
		}
	}
	return 0, ""
}
