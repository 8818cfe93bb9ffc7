package figures

import (
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
)

// header is what a column header or caption says about the bare numbers
// below it.
type header struct {
	label   string // the header without its unit: "年度预算数"
	unit    *unit  // from "(万元)", "单位：人", or a money header ending in 万元
	exp     int    // the scale before that unit: 4 for 万元
	money   bool   // names money without a unit: bare numbers are 元
	percent bool   // a rate or share: bare numbers are %
	score   bool   // a score: bare numbers are 分
	skip    bool   // serial numbers, codes, phones: bare numbers are no figures
	year    bool   // years: a bare 2020 is a date
}

var (
	moneyWords   = []string{"资金", "支出", "预算", "金额", "经费", "投入", "安排", "收入", "拨款", "费用", "成本", "决算", "补助", "补贴", "奖励", "资产", "投资", "价款", "造价", "余额", "结余", "结转", "税收", "工资", "报酬", "款", "元"}
	percentWords = []string{"率", "比例", "占比", "比重", "百分比"}
	scoreWords   = []string{"得分", "分值", "评分", "权重", "分数"}
	skipWords    = []string{"序号", "科目", "编号", "编码", "代码", "电话", "邮编", "号码", "文号", "索引号", "账号", "帐号", "身份证", "手机", "传真"}
	yearWords    = []string{"年度", "年份"}
	openParens   = "(（[［【"
	closeParens  = ")）]］】"
)

func parseHeader(text string) header {
	var hd header
	orig := []rune(strings.TrimSpace(text))
	if len(orig) == 0 {
		return hd
	}
	h := string(grammar.FoldNumerals(orig))
	label := h
	scaleOnly := 0 // "(万)": a scale without its unit
	// "(万元)", "（单位：万元）", "单位：人"
	rs := []rune(h)
	for i := 0; i < len(rs); i++ {
		if !strings.ContainsRune(openParens, rs[i]) {
			continue
		}
		j := i + 1
		for j < len(rs) && !strings.ContainsRune(closeParens, rs[j]) {
			j++
		}
		inner := string(rs[i+1 : min(j, len(rs))])
		inner = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(inner, "单位："), "单位:"), "单位")
		if u, exp, ok := grammar.UnitPhrase(inner); ok && hd.unit == nil {
			hd.unit, hd.exp = u, exp
			label = strings.Replace(label, string(rs[i:min(j+1, len(rs))]), "", 1)
		} else if irs := []rune(strings.TrimSpace(inner)); len(irs) > 0 && hd.unit == nil && scaleOnly == 0 {
			if exp, end := grammar.ScaleRun(irs, 0); end == len(irs) && exp > 0 {
				scaleOnly = exp
				label = strings.Replace(label, string(rs[i:min(j+1, len(rs))]), "", 1)
			}
		}
		i = j
	}
	if hd.unit == nil {
		// A header that is only a unit of money or a percent, as the
		// second row of a two-row header prints it: "万元", "%" (not "年",
		// which heads a column of years).
		if u, exp, ok := grammar.UnitPhrase(h); ok && (u.Kind == KindMoney || u.Kind == KindPercent) {
			hd.unit, hd.exp = u, exp
			label = ""
		}
	}
	if hd.unit == nil && scaleOnly > 0 && (grammar.ContainsAny(h, moneyWords) || strings.Contains(h, "执行")) {
		// "执行数(万)": money in 万元
		hd.unit, hd.exp, _ = grammar.UnitPhrase("元")
		hd.exp = scaleOnly
	}
	if hd.unit == nil {
		for _, sep := range []string{"单位：", "单位:"} {
			if k := strings.Index(h, sep); k >= 0 {
				if u, exp, ok := grammar.UnitPhrase(h[k+len(sep):]); ok {
					hd.unit, hd.exp = u, exp
					label = h[:k]
				}
			}
		}
	}
	if hd.unit == nil {
		// A money header that ends in its unit: "金额万元", "预算数（元" …
		for _, suf := range []string{"亿元", "万元", "元"} {
			if strings.HasSuffix(h, suf) && len(h) > len(suf) {
				hd.unit, hd.exp, _ = grammar.UnitPhrase(suf)
				label = strings.TrimSuffix(h, suf)
				break
			}
		}
	}
	if hd.unit == nil {
		// A count by its measure word: 人数, 户数, 人次数, 企业家数.
		base := strings.TrimSuffix(strings.TrimSuffix(h, "数量"), "数")
		if base != h {
			brs := []rune(base)
			for k := max(0, len(brs)-2); k < len(brs); k++ {
				if u, end := unitAt(brs, k); u != nil && end == len(brs) && u.Kind == KindCount {
					hd.unit = u
					break
				}
			}
		}
	}
	// The label is cut from the header as written: folding keeps one rune
	// for one rune, so its place in h is its place in orig.
	label = strings.TrimRight(strings.TrimSpace(label), "：:（(")
	if k := strings.Index(h, label); k >= 0 && label != "" {
		from := utf8.RuneCountInString(h[:k])
		hd.label = string(orig[from : from+utf8.RuneCountInString(label)])
	}
	switch {
	case grammar.ContainsAny(h, skipWords):
		hd.skip = true
	case grammar.ContainsAny(h, percentWords):
		hd.percent = true
	case grammar.ContainsAny(h, scoreWords):
		hd.score = true
	case grammar.ContainsAny(h, moneyWords):
		hd.money = true
	}
	hd.year = hd.unit == nil && !hd.money && grammar.ContainsAny(h, yearWords)
	return hd
}
