package result

import "testing"

func TestText(t *testing.T) {
	for _, c := range []struct {
		in                string
		score, max, grade string
	}{
		{"综合得分为92.5分，评价等级为“优”", "92.5", "", "优"},
		{"自评得分98分", "98", "", ""},
		// 分数 as the label's last word: 自评分数, 评定分数.
		{"经单位综合自评，项目自评分数：79.5分，自评等级为“中”", "79.5", "", "中"},
		{"评价组评定分数为91分。", "91", "", ""},
		{"考试分数为60分", "", "", ""},
		{"总得分 95.6 分，绩效评级为良", "95.6", "", "良"},
		{"自评结果为“优秀”", "", "", "优秀"},
		{"评价结论：优", "", "", "优"},
		{"最终评分为87分，等级为良", "87", "", "良"},
		{"产出指标得分28分，效益指标得分26分", "", "", ""},
		{"经评价，该项目综合评分为86.5分，其中产出指标得分28分", "86.5", "", ""},
		{"总分100分，得分91分", "91", "100", ""},
		{"总分 100 96.5", "96.5", "100", ""},
		{"总分：100分", "100", "", ""},
		{"得分86.5分（满分100分）", "86.5", "100", ""},
		{"绩效评价结果为不合格", "", "", "不合格"},
		{"评价结论：中央财政资金到位及时", "", "", ""},
		{"我区获得2019年度服务业发展优秀奖", "", "", ""},
		{"評價等級為“優秀”", "", "", "優秀"},
		{"得分率为95%", "", "", ""},
		{"评价等次为优秀等次", "", "", "优秀"},
		{"综合评分90分（含）以上为“优”", "", "", ""},
		{"总分90分以上为优", "", "", ""},
		{"评价等级分为优、良、中、差四个等级", "", "", ""},
		{"评价等级为优、良、中、差", "", "", ""},
		{"自评得分86.5分，等级为“较好”", "86.5", "", "较好"},
		{"考核结果：好", "", "", "好"},
		{"该项目综合评价较好", "", "", ""},
		// the grade before the score, quoted after 总体绩效
		{"经评价，项目总体绩效为“优”，综合得分91.6分。", "91.6", "", "优"},
		{"该项资金总体绩效“中”，评价得分72分", "72", "", "中"},
		// 总体绩效良好 unseparated only judges; 总体绩效目标 is no grade
		{"项目总体绩效良好，得分93分", "93", "", ""},
		{"总体绩效目标：优化服务，得分80分", "80", "", ""},
		{"评价结果好于预期", "", "", ""},
		// letters of the A/B/C/D scale: after a separator, a whole word
		{"绩效评价得分86.72分，绩效评价等级为B。", "86.72", "", "B"},
		{"评定等级：Ｃ级", "", "", "Ｃ"},
		{"企业信用评级为AAA", "", "", ""},
		{"评价等级分为A、B、C、D四级", "", "", ""},
		{"评价等级为A、B、C、D之一", "", "", ""},
		{"评价等级B2类", "", "", ""},
		// the provincial 优秀/良好/基本达标/不达标 scale
		{"绩效评价综合得分68分，评价等级为基本达标。", "68", "", "基本达标"},
		{"自评等次：“不达标”", "", "", "不达标"},
		{"评价结论为基本合格，得分65.5分", "65.5", "", "基本合格"},
		// the grade in brackets, as quotes would hold it
		{"综合评分78分，绩效等级为（中）。", "78", "", "中"},
		{"考核结果(较好)", "", "", "较好"},
		{"评价等级（优、良、中、差）", "", "", ""},
		{"评价结果（见附件）", "", "", ""},
		// no grade label: the grade in brackets after the score, or after
		// a verdict (评定为, 评为) in the score's sentence
		{"本项目自评得分76.5分（中）", "76.5", "", "中"},
		{"评价得分82分(良好)，详见附表", "82", "", "良好"},
		{"经评审，项目综合得分91.2分，综合评定为“优秀”。", "91.2", "", "优秀"},
		{"绩效评价总得分为84分，评为良。", "84", "", "良"},
		{"综合得分88分，被评为全市示范项目", "88", "", ""},
		{"综合得分88分。该县被评为优秀单位", "88", "", ""},
		{"综合评分90分（含）以上评定为优", "", "", ""},
		// parts listed with their own maxima, then the total the sentence
		// labels as such: the total, without a part's maximum
		{"本项目立项得分9分（满分10分），资金落实得分17.5分（满分20分），实施效果得分61分（满分70分），合计得分87.5分。", "87.5", "", ""},
		{"满分100分，前期准备得分9分（满分10分），总得分92分", "92", "100", ""},
		// a total label in a clause naming a part is that part's total
		{"本项目得分86分，其中决策指标总得分18分", "86", "", ""},
		// in a later sentence, a total may be another's
		{"本项目自评得分92分。上年综合得分88分。", "92", "", ""},
	} {
		f := Text(c.in)
		if f.Score != c.score || f.Max != c.max || f.Grade != c.grade {
			t.Errorf("Text(%q) = score %q max %q grade %q, want %q %q %q", c.in, f.Score, f.Max, f.Grade, c.score, c.max, c.grade)
		}
	}
}

// TestTextPart checks which scores Text marks as a part's: a plain 得分
// whose sentence names a part of the evaluation, which a total stated
// later replaces; not a total, nor a plain 得分 of the whole.
func TestTextPart(t *testing.T) {
	for _, c := range []struct {
		in    string
		score string
		part  bool
	}{
		{"产出指标分值40分，得分35分", "35", true},
		{"项目自评得分92分", "92", false},
		{"综合得分为90分，等级为优", "90", false},
	} {
		if f := Text(c.in); f.Score != c.score || f.Part != c.part {
			t.Errorf("Text(%q) = score %q part %v, want %q %v", c.in, f.Score, f.Part, c.score, c.part)
		}
	}
}

func TestGrades(t *testing.T) {
	for written, want := range map[string]string{"优": "优", "优秀": "优", "良好": "良", "良": "良", "合格": "中",
		"中等": "中", "不合格": "差", "较差": "差", "優秀": "优", "甲": "", "较好": "", "B": "良", "Ｄ": "差",
		"基本达标": "中", "不达标": "差", "基本合格": "中"} {
		if got := NormGrade(written); got != want {
			t.Errorf("NormGrade(%q) = %q, want %q", written, got, want)
		}
		if IsGrade(written) != (written != "甲") {
			t.Errorf("IsGrade(%q) = %v", written, !IsGrade(written))
		}
	}
	for _, c := range []struct{ score, max, want string }{
		{"90", "100", "优"}, {"89.99", "100", "良"}, {"80", "100", "良"}, {"79.9", "100", "中"},
		{"60", "100", "中"}, {"59.5", "100", "差"}, {"45", "50", "优"},
	} {
		if got := GradeOf(c.score, c.max); got != c.want {
			t.Errorf("GradeOf(%s, %s) = %q, want %q", c.score, c.max, got, c.want)
		}
	}
}

func TestRow(t *testing.T) {
	for _, c := range []struct {
		cells             []string
		scoreCol, maxCol  int
		score, max, grade string
		ok                bool
	}{
		{[]string{"总分", "", "", "", "", "100", "98.94"}, 6, 5, "98.94", "100", "", true},
		{[]string{"总分", "100", "96.5"}, 6, 5, "96.5", "100", "", true},
		{[]string{"总分", "", "", "", "", "100", ""}, 6, 5, "", "100", "", false},
		{[]string{"合计", "3820.5", "3796.12"}, -1, -1, "", "", "", false},
		{[]string{"合计", "", "100", "92"}, 3, 2, "92", "100", "", true},
		// The total printed a column right of the header: 100 stands in
		// the score column, the score beside it.
		{[]string{"总分", "", "", "", "", "", "", "", "100", "96.85"}, 8, 7, "96.85", "100", "", true},
		{[]string{"总分", "", "", "", "", "", "", "", "95", "100"}, 8, 7, "95", "", "", true},
		{[]string{"总分", "100", "88", "良好"}, -1, -1, "88", "100", "良好", true},
		// The row's cells shifted a column left of the header's: the
		// maximum stands under 实际完成值, the score under 分值, the score
		// column is blank.
		{[]string{"总分", "", "", "", "100", "94.5", ""}, 6, 5, "94.5", "100", "", true},
		{[]string{"合计", "", "", "", "", "100", "91", "", ""}, 7, 6, "91", "100", "", true},
		{[]string{"产出指标", "50", "48"}, 2, 1, "", "", "", false},
		{[]string{"自评等级", "优", "", ""}, 2, 1, "", "", "优", true},
		{[]string{"评价等级", "B", "", ""}, 2, 1, "", "", "B", true},
		{[]string{"评价结论", "项目完成较好", "", ""}, 2, 1, "", "", "", false},
	} {
		f, ok := Row(c.cells, c.scoreCol, c.maxCol)
		if ok != c.ok || f.Score != c.score || f.Max != c.max || f.Grade != c.grade {
			t.Errorf("Row(%q) = %+v %v, want score %q max %q grade %q %v", c.cells, f, ok, c.score, c.max, c.grade, c.ok)
		}
	}
}

func TestRole(t *testing.T) {
	for title, want := range map[string]string{
		"项目基本情况": RoleBasicInfo, "项目概况": RoleBasicInfo, "项目资金使用情况": RoleFunds,
		"预算执行情况": RoleFunds, "绩效目标": RoleGoals, "项目组织实施情况": RoleImplementation,
		"绩效目标完成情况": RoleResults, "产出指标完成情况": RoleResults, "综合评价结论": RoleConclusion,
		"自评结论": RoleConclusion, "存在的问题": RoleProblems, "主要问题": RoleProblems,
		"偏离绩效目标的原因和改进措施": RoleProblems, "存在问题及改进建议": RoleProblems,
		"意见建议": RoleRecommendations, "下一步工作计划": RoleRecommendations, "有关建议": RoleRecommendations,
		"評價結論": RoleConclusion, "存 在 的 问 题": RoleProblems, "决策有目标": "",
		"其他需要说明的问题": "", "绩效评价结果应用情况": RoleImplementation,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestTitleKind(t *testing.T) {
	for title, want := range map[string]string{
		"2020年度现代服务业专项经费项目支出绩效评价报告": KindProjectEvaluation,
		"2021年度某某项目绩效自评报告":          KindSelfEvaluation,
		"项目支出绩效自评表":                 KindSelfEvalForm,
		"某某县教育局2021年度部门整体支出绩效评价报告":  KindDepartment,
		"2021年度中央对地方转移支付区域绩效自评表":    KindTransferForm,
		"关于2021年度项目支出绩效评价结果的公告":     KindNotReport,
		"关于印发2022年度绩效评价工作方案的通知":     KindNotReport,
		"会议纪要": "",
	} {
		if got := TitleKind(title); got != want {
			t.Errorf("TitleKind(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestItems(t *testing.T) {
	for _, c := range []struct {
		body    string
		markers []string
		first   string
	}{
		{"1.资金拨付不及时。\n2.绩效目标不细。", []string{"1.", "2."}, "资金拨付不及时。"},
		{"主要问题：一是资金拨付慢；二是目标不细。", []string{"一是", "二是"}, "资金拨付慢"},
		{"①资金拨付慢；②目标不细。", []string{"①", "②"}, "资金拨付慢"},
		{"统一规划不够，整体推进较慢。", nil, ""},
		{"1.只有一项。", nil, ""},
	} {
		its := Items(c.body)
		var ms []string
		for _, it := range its {
			ms = append(ms, it.Marker)
		}
		if len(ms) != len(c.markers) || len(its) > 0 && its[0].Text != c.first {
			t.Errorf("Items(%q) = %+v, want markers %q, first %q", c.body, its, c.markers, c.first)
			continue
		}
		for i := range ms {
			if ms[i] != c.markers[i] {
				t.Errorf("Items(%q) markers %q, want %q", c.body, ms, c.markers)
			}
		}
	}
}

func TestKind(t *testing.T) {
	form := [][]string{
		{"项目名称", "社区居家养老服务补助"},
		{"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		{"年度资金总额", "200", "200", "190", "10", "95%", "9.5"},
		{"年度总体目标", "为全市3000名老人提供服务"},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
		{"总分", "100", "96.5"},
	}
	blankForm := [][]string{
		{"项目名称", ""},
		{"年度总体目标", "", ""},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
		{"总分", "100", ""},
	}
	scores := [][]string{
		{"序号", "项目名称", "评价得分", "评价等级"},
		{"1", "农村公路养护", "86.5", "良"},
		{"2", "义务教育营养改善", "92", "优"},
		{"3", "城乡环卫一体化", "78", "中"},
	}
	for _, c := range []struct {
		name string
		doc  Doc
		want string
	}{
		{"form by its grid", Doc{Tables: [][][]string{form}}, KindSelfEvalForm},
		{"transfer form by its text", Doc{Text: "中央对地方转移支付资金", Tables: [][][]string{form}}, KindTransferForm},
		{"blank form titled", Doc{Title: "项目支出绩效自评表", Tables: [][][]string{blankForm}}, KindNotReport},
		{"list of scores", Doc{Text: "现将结果公布如下", Tables: [][][]string{scores}}, KindNotReport},
		{"notice by its first line", Doc{Lead: []string{"关于2021年度项目支出绩效评价结果的通报"}}, KindNotReport},
		{"a report's first line names no report", Doc{Lead: []string{"某某项目绩效评价报告说明"}, Text: "说明"}, KindNotReport},
		{"prose with roles", Doc{Text: "项目绩效评价", Roles: []string{RoleBasicInfo, RoleConclusion}}, KindProjectEvaluation},
		{"prose of a self-evaluation", Doc{Text: "绩效自评", Roles: []string{RoleBasicInfo, RoleProblems}}, KindSelfEvaluation},
		{"a letter stating funds", Doc{Text: "根据绩效自评工作的通知要求", Funds: true}, KindSelfEvaluation},
		{"other text", Doc{Text: "会议纪要：绩效管理", Roles: []string{RoleBasicInfo}}, KindNotReport},
		{"template text", Doc{Title: "2021年度____项目绩效评价报告", Text: "项目名称：____\n实施单位：____\n主管部门：____\n预算：____万元\n执行：____万元"}, KindNotReport},
	} {
		if got := Kind(c.doc); got != c.want {
			t.Errorf("%s: Kind = %q, want %q", c.name, got, c.want)
		}
	}
}
