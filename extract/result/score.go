package result

import (
	"math/big"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/figures"
	"github.com/govreports/govreports/extract/grammar"
)

// grades are the grades reports write, with their normal form under the
// 2020 rules; longer words first, so that 不合格 is not read as 合格.
// 较好 and 好 (the 好/较好/一般/较差 scale of some departmental
// evaluations) have no normal form the rules give: kept as written, the
// score then gives the normal form. The letters of the A/B/C/D scale,
// which reports spell out as A（优） … D（差）, are read only after a
// separator (等级为B) and as a whole word (信用评级为AAA is none). Some
// provinces grade on 优秀/良好/基本达标/不达标, whose third and fourth
// steps are 中 and 差 (基本合格 likewise).
var grades = []struct{ written, norm string }{
	{"基本达标", "中"}, {"基本合格", "中"}, {"不达标", "差"}, {"未达标", "差"},
	{"不合格", "差"}, {"不及格", "差"}, {"较差", "差"}, {"较好", ""},
	{"优秀", "优"}, {"良好", "良"}, {"中等", "中"}, {"合格", "中"}, {"及格", "中"}, {"一般", "中"},
	{"优", "优"}, {"良", "良"}, {"中", "中"}, {"差", "差"}, {"好", ""},
	{"A", "优"}, {"B", "良"}, {"C", "中"}, {"D", "差"}, {"Ａ", "优"}, {"Ｂ", "良"}, {"Ｃ", "中"}, {"Ｄ", "差"},
}

// IsGrade reports whether written is a grade, with a normal form or not.
func IsGrade(written string) bool {
	written = grammar.Fold(written)
	for _, g := range grades {
		if g.written == written {
			return true
		}
	}
	return false
}

// NormGrade returns the normal form (优, 良, 中, 差) of a grade as written,
// "" for no grade.
func NormGrade(written string) string {
	written = grammar.Fold(written)
	for _, g := range grades {
		if g.written == written {
			return g.norm
		}
	}
	return ""
}

// GradeOf returns the grade of a score out of max under the 2020 rules:
// 90 and above 优, 80 to under 90 良, 60 to under 80 中, under 60 差 (of
// 100; a score out of another maximum is scaled).
func GradeOf(score, max string) string {
	s, ok := new(big.Rat).SetString(score)
	if !ok {
		return ""
	}
	if m, ok := new(big.Rat).SetString(max); ok && m.Sign() > 0 {
		s.Mul(s, big.NewRat(100, 1))
		s.Quo(s, m)
	}
	for _, b := range []struct {
		min  int64
		norm string
	}{{90, "优"}, {80, "良"}, {60, "中"}} {
		if s.Cmp(big.NewRat(b.min, 1)) >= 0 {
			return b.norm
		}
	}
	return "差"
}

// scoreLabels name the total score; the figure right after one (为, 是,
// a colon or spaces between) is the score. 总分 may name the maximum
// instead ("总分100分，得分91分"): see Text.
var scoreLabels = []string{"综合评价得分", "绩效评价得分", "综合得分", "综合评分", "评价得分", "评价总分", "自评得分", "自评总分",
	"自评分数", "评定分数", "总得分", "最终得分", "最终评分", "绩效得分", "绩效评分", "合计得分", "总分", "满分", "得分", "评分"}

// scoreSeps stand between a score label and its figure.
var scoreSeps = []string{"为", "是", "达到", "达", "共计", "合计", "计", "：", ":"}

// partWords, before a score label in its clause, make it the score of a
// part (产出指标得分28分), not the total; labels naming the total (综合得分,
// 总得分) are read whatever stands before them.
var partWords = []string{"指标", "决策", "过程", "产出", "效益", "满意", "执行", "管理", "其中", "分项", "单项", "部分", "每项", "扣"}

// gradeLabels name the grade; the grade word follows (为, 是, 评定为, a
// colon, quotes between).
var gradeLabels = []string{"评价等级", "绩效等级", "自评等级", "等级评定", "评定等级", "绩效评级", "评价级别", "绩效级别",
	"评价结果", "自评结果", "绩效评价结论", "评价结论", "自评结论", "综合评价", "评定结果", "考核结果", "评价等次",
	"绩效等次", "等级", "评级", "定级", "等次", "总体绩效"}

// gradeLabelsSeparated name the grade only with a separator after them:
// "总体绩效“良好”" grades, "总体绩效良好" may only judge.
var gradeLabelsSeparated = []string{"总体绩效"}

// gradeSeps stand between a grade label and its grade; brackets quote it
// as quotes do (等级为（良）).
var gradeSeps = []string{"为", "是", "评定为", "确定为", "被评为", "评为", "属于", "达到", "：", ":", "“", "\"", "「", "『", "‘", "'", "（", "("}

// A Found is a score or grade found in a text, offsets in runes.
type Found struct {
	Score  string // exact decimal, "" when none
	Max    string // stated maximum, "" when none
	Grade  string // as written, "" when none
	Offset int    // of the score's number, else of the grade
	// Part is set when the score's label names no total and its sentence
	// names a part before it ("绩效指标共10项，分值90分，得分83.5分"): a
	// subtotal, unless the report states no other score.
	Part bool
}

// Text finds the total score and grade a text states. The text is read in
// simplified characters.
func Text(s string) Found {
	f := grammar.Fold(s)
	var out Found
	scoreAt, gradeAt := -1, -1
	maxAt := -1    // where out.Max was read
	total := false // out.Score's label names the total
	// Most paragraphs hold no label: a quick look passes them over.
	if !strings.ContainsAny(f, "分级别果论评次效") {
		return out
	}
	scores := grammar.ContainsAny(f, scoreWords)
	gradesIn := grammar.ContainsAny(f, gradeWords)
	if !scores && !gradesIn {
		return out
	}
	var scoreMatches, gradeMatches []labelAt
	if scores {
		scoreMatches = labelsIn(f, scoreLabels, scoreSeps)
	}
	if gradesIn {
		gradeMatches = labelsIn(f, gradeLabels, gradeSeps)
	}
	for _, m := range scoreMatches {
		label := f[m.start:m.end]
		if !strings.ContainsAny(label, "综总终合满") && partOfClause(f[:m.start]) {
			continue // 产出指标得分28分: a part's score
		}
		v, ok := figureAt(f[m.next:])
		if !ok {
			continue
		}
		switch {
		case label == "满分":
			if out.Max == "" {
				out.Max, maxAt = v, m.next
			}
			continue
		case label == "总分" && strings.Contains(clause(f[m.next:]), "得分"):
			// "总分100分，得分91分": 总分 is out of what
			if out.Max == "" {
				out.Max, maxAt = v, m.next
			}
			continue
		case label == "总分":
			// "总分 100 96.5", a form's total row flattened into a line:
			// the maximum, then the score
			if second, at, ok := secondFigure(f, m.next); ok {
				if out.Score == "" {
					out.Max, out.Score, scoreAt, maxAt, total = v, second, at, m.next, true
				}
				continue
			}
		}
		named := strings.ContainsAny(label, "综总终合")
		part := !named && namesPart(sentenceBefore(f[:m.start]))
		// A sentence may list its parts' scores under a plain 得分 and
		// end on the total under a label naming it ("前期得分9分（满分10
		// 分），…，合计得分87.5分"): the total replaces the first of them,
		// unless its own clause names a part (其中产出指标总得分40分). In a
		// later sentence it may be another's (上年综合得分88分).
		after := named && !total && scoreAt > strings.LastIndexAny(f[:m.start], "。；;\n") && !partOfClause(f[:m.start])
		if out.Score == "" || out.Part && !part || after {
			if out.Score != "" && maxAt > scoreAt {
				out.Max = "" // the maximum of the score replaced
			}
			out.Score, out.Part, scoreAt, total = v, part, m.next, named
		}
	}
	for _, m := range gradeMatches {
		if m.next == m.end && slices.Contains(gradeLabelsSeparated, f[m.start:m.end]) {
			continue
		}
		if g := gradeAt0(f[m.next:], m.next > m.end); g != "" {
			// as written: folding keeps byte offsets
			out.Grade, gradeAt = s[m.next:m.next+len(g)], m.next
			break
		}
	}
	if out.Grade == "" && scoreAt >= 0 {
		if g, at := verdictAfter(f, scoreAt); g != "" {
			out.Grade = s[at : at+len(g)]
		}
	}
	switch {
	case scoreAt >= 0:
		out.Offset = utf8.RuneCountInString(s[:scoreAt])
	case gradeAt >= 0:
		out.Offset = utf8.RuneCountInString(s[:gradeAt])
	}
	return out
}

// scoreWords and gradeWords are held by every score label and every
// grade label.
var (
	scoreWords = []string{"得分", "评分", "总分", "满分", "分数"}
	gradeWords = []string{"等级", "评级", "级别", "结果", "结论", "综合评价", "定级", "等次", "总体绩效"}
)

// A labelAt is a label found in a text: [start, end), and next, the
// offset after the separators that follow it.
type labelAt struct{ start, end, next int }

// labelsIn finds the labels in s, in order, the longest where they
// overlap (综合得分, not the 得分 in it).
func labelsIn(s string, labels, seps []string) []labelAt {
	var all []labelAt
	for _, l := range labels {
		for from := 0; ; {
			i := strings.Index(s[from:], l)
			if i < 0 {
				break
			}
			i += from
			from = i + len(l)
			all = append(all, labelAt{start: i, end: i + len(l)})
		}
	}
	sort.Slice(all, func(a, b int) bool {
		if all[a].start != all[b].start {
			return all[a].start < all[b].start
		}
		return all[a].end > all[b].end
	})
	var out []labelAt
	end := 0
	for _, m := range all {
		if m.start < end {
			continue
		}
		end = m.end
		m.next = skip(s, m.end, seps)
		out = append(out, m)
	}
	return out
}

// skip returns the offset after the separators at s[i:], spaces included.
func skip(s string, i int, seps []string) int {
	for {
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !grammar.IsSpace(r) {
				break
			}
			j += size
		}
		for _, sep := range seps {
			if strings.HasPrefix(s[j:], sep) {
				j += len(sep)
				break
			}
		}
		if j == i {
			return i
		}
		i = j
	}
}

// clause is s up to the end of its sentence.
func clause(s string) string {
	if i := strings.IndexAny(s, "。；;\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// sentenceBefore is the part of its sentence before the end of before:
// partOfClause reads its last clause, namesPart all of them.
func sentenceBefore(before string) string {
	if i := strings.LastIndexAny(before, "。；;\n"); i >= 0 {
		return before[i:]
	}
	return before
}

// partOfClause reports whether the clause before a bare 得分 names a part.
func partOfClause(before string) bool {
	if i := strings.LastIndexAny(before, "，,。；;：:、\n"); i >= 0 {
		before = before[i:]
	}
	return namesPart(before)
}

// namesPart reports whether s names a part of the evaluation.
func namesPart(s string) bool {
	for _, w := range partWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// figureAt reads the score that starts s: a number, in 分 or bare.
func figureAt(s string) (string, bool) {
	figs, _ := figures.Find(clause(s), figures.Context{})
	if len(figs) == 0 || figs[0].Place.Offset != 0 {
		// "85.6 分": the scanner reads no figure spaced from its unit
		figs, _ = figures.Find(grammar.NewText(clause(s)).Squashed, figures.Context{})
	}
	if len(figs) == 0 || figs[0].Place.Offset != 0 {
		return "", false
	}
	x := figs[0]
	if x.Flag != "" || x.High != "" || x.Approx != "" || x.Value == "" || x.Unit != "分" && x.Unit != "" {
		return "", false // a range or a bound (90分以上) is a rule, not a score
	}
	rest := strings.TrimLeftFunc(strings.TrimPrefix(strings.TrimLeftFunc(s, grammar.IsSpace), x.Raw), grammar.IsSpace)
	for _, b := range boundAfter {
		if strings.HasPrefix(rest, b) {
			return "", false
		}
	}
	return x.Value, true
}

// secondFigure reads a second bare number after the one at s[i:], with
// only spaces between, and its offset.
func secondFigure(s string, i int) (string, int, bool) {
	figs, _ := figures.Find(clause(s[i:]), figures.Context{})
	if len(figs) < 2 || figs[0].Place.Offset != 0 {
		return "", 0, false
	}
	first, second := figs[0], figs[1]
	gap := []rune(clause(s[i:]))
	end := first.Place.Offset + utf8.RuneCountInString(first.Raw)
	if end > second.Place.Offset || strings.TrimFunc(string(gap[end:second.Place.Offset]), grammar.IsSpace) != "" {
		return "", 0, false
	}
	v, ok := figureAt(string(gap[second.Place.Offset:]))
	if !ok {
		return "", 0, false
	}
	return v, i + len(string(gap[:second.Place.Offset])), true
}

// verdicts close a score's sentence with its grade and no grade label
// ("综合得分85.5分，评定为“良”"). 定为 stands for 评定为 and 确定为.
var verdicts = []string{"定为", "评为"}

// verdictAfter reads the grade that the sentence of the total score at
// f[at:] gives with no grade label, and its byte offset in f: in brackets
// right after the score ("88.6分（良）") or after a verdict. A bracket
// holding anything else (满分100分) or a verdict on no grade (被评为示范项目)
// gives "".
func verdictAfter(f string, at int) (string, int) {
	c := clause(f[at:])
	rest := strings.TrimLeftFunc(c, func(r rune) bool {
		_, digit := grammar.ArabicDigit(r)
		return digit || r == '.' || r == '．' || grammar.IsSpace(r)
	})
	rest = strings.TrimLeftFunc(strings.TrimPrefix(rest, "分"), grammar.IsSpace)
	for _, open := range []string{"（", "("} {
		if inner, ok := strings.CutPrefix(rest, open); ok {
			g := gradeAt0(inner, true)
			if after := inner[len(g):]; g != "" && (strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")")) {
				return g, at + len(c) - len(inner)
			}
			return "", 0
		}
	}
	for _, v := range verdicts {
		i := strings.Index(c, v)
		if i < 0 {
			continue
		}
		g := strings.TrimLeft(c[i+len(v):], "“\"「『‘'")
		if grade := gradeAt0(g, true); grade != "" {
			return grade, at + len(c) - len(g)
		}
	}
	return "", 0
}

// boundAfter, after a number, make it the bound of a grading rule
// ("综合评分90分（含）以上为优") or one end of a range.
var boundAfter = []string{"（含）", "(含)", "以上", "以下", "及以上", "至", "-", "－", "~", "～", "—"}

// gradeAt0 reads the grade word that starts s: a whole word (followed by
// no other Han character but 级, 等, 档 or 次), so that 中央 or 良好地 is
// no grade. A grade without a normal form (较好) is read only after a
// separator: "综合评价较好" judges, "等级为“较好”" grades.
func gradeAt0(s string, separated bool) string {
	for _, g := range grades {
		if !strings.HasPrefix(s, g.written) {
			continue
		}
		if g.norm == "" && !separated {
			return ""
		}
		next, _ := utf8.DecodeRuneInString(s[len(g.written):])
		if unicode.Is(unicode.Han, next) && !strings.ContainsRune("级等档次", next) {
			return ""
		}
		if first, _ := utf8.DecodeRuneInString(g.written); unicode.IsUpper(first) &&
			(!separated || unicode.IsLetter(next) && !unicode.Is(unicode.Han, next) || unicode.IsDigit(next)) {
			return "" // a letter: AAA, B2, or 等级B unseparated
		}
		if strings.ContainsRune("、/／", next) {
			return "" // 优、良、中、差: the scale, not a grade
		}
		return g.written
	}
	return ""
}

// Row reads the total row of a table: cells is the row, its first cell
// the label; scoreCol and maxCol the columns its header names 得分 and
// 分值 (-1 when none). ok is false when the row is no total row.
func Row(cells []string, scoreCol, maxCol int) (f Found, ok bool) {
	if len(cells) == 0 {
		return Found{}, false
	}
	if gradeRow(cells[0]) {
		// 自评等级 | 优: the grade in the first cell that holds one
		for _, c := range cells[1:] {
			if t := strings.TrimSpace(c); IsGrade(t) {
				return Found{Grade: t}, true
			}
		}
		return Found{}, false
	}
	if !totalRow(cells[0], scoreCol >= 0) {
		return Found{}, false
	}
	num := func(c string) (string, bool) {
		v, ok := figureAt(strings.TrimSpace(grammar.Fold(c)))
		return v, ok && strings.TrimSpace(c) != ""
	}
	if scoreCol > 0 && scoreCol < len(cells) {
		if v, ok := num(cells[scoreCol]); ok {
			f.Score = v
			if maxCol > 0 && maxCol < len(cells) {
				f.Max, _ = num(cells[maxCol])
			}
		}
	}
	// 总分 | … | 100 | 96.85 printed a column right of the header's
	// columns: the score column holds the first of the row's two figures,
	// the greater; they are the maximum and the score, as a total row
	// states them, not a score of 100.
	var figs []string
	at := -1
	for c, cell := range cells[1:] {
		if v, ok := num(cell); ok {
			if len(figs) == 0 {
				at = c + 1
			}
			figs = append(figs, v)
		}
	}
	if len(figs) == 2 && at == scoreCol && f.Score == figs[0] {
		if hi, ok1 := new(big.Rat).SetString(figs[0]); ok1 {
			if lo, ok2 := new(big.Rat).SetString(figs[1]); ok2 && hi.Cmp(lo) > 0 {
				f.Max, f.Score = figs[0], figs[1]
			}
		}
	}
	if f.Score == "" {
		// No header column holds it (a flattened form loses the columns,
		// a row's cells shift left of the header's): 总分 | 100 | 95.5
		// states the maximum, then the score, wherever they stand; a lone
		// number is the score, but in the 分值 column the maximum of a
		// template's 总分 | 100 | (blank).
		switch len(figs) {
		case 1:
			if at == maxCol && f.Max == "" {
				f.Max = figs[0]
			} else {
				f.Score = figs[0]
			}
		case 2:
			f.Max, f.Score = figs[0], figs[1]
		}
	}
	for _, c := range cells[1:] {
		if t := strings.TrimSpace(c); IsGrade(t) {
			f.Grade = t
		} else if found := Text(c); found.Grade != "" {
			f.Grade = found.Grade
		}
	}
	return f, f.Score != "" || f.Grade != ""
}

// totalLabels start a total row; 合计 and 总计 also end a funds table, so
// they count only under a header with a score column.
var totalLabels = []string{"总分", "综合得分", "总得分", "自评总分", "评价总分", "合计得分", "得分合计", "总计得分"}

func totalRow(label string, scored bool) bool {
	t := strings.Trim(grammar.NewText(label).Squashed, "：:")
	for _, l := range totalLabels {
		if t == l {
			return true
		}
	}
	return scored && (t == "合计" || t == "总计")
}

// gradeRowLabels start a row that states the grade.
var gradeRowLabels = []string{"自评等级", "评价等级", "绩效等级", "等级", "评级", "自评结论", "评价结论", "自评结果", "评价结果"}

func gradeRow(label string) bool {
	t := strings.Trim(grammar.NewText(label).Squashed, "：:")
	for _, l := range gradeRowLabels {
		if t == l {
			return true
		}
	}
	return false
}

// ScoreHeader reports whether a header cell names the score column.
func ScoreHeader(h string) bool {
	t := grammar.NewText(h).Squashed
	for _, w := range []string{"得分", "自评得分", "评价得分", "实际得分", "评分", "最终得分", "考核得分"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// MaxHeader reports whether a header cell names the column of the
// maximum score.
func MaxHeader(h string) bool {
	t := grammar.NewText(h).Squashed
	for _, w := range []string{"分值", "权重", "满分", "标准分", "指标分值"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}
