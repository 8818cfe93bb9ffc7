// Package figures finds the figures of a text (amounts, percentages,
// counts, areas …) and normalises each into an exact decimal value in a
// unit, with the words it came from; and finds dates, which are never
// figures.
//
// One pass reads the text left to right. At each rune that can begin a
// figure it reads, in order: approximation and currency prefixes (约, 近,
// 超过, 人民币, ￥, 百分之), a numeral (Arabic, Chinese, financial capitals
// or a mix: 72.4万, 三百二十万, 壹拾贰万), an approximation inside it (10余万),
// its unit, a second end for a range (3~5人, 3-5万元), 角 and 分 after 元,
// and a bound after it (以上, 左右). Dates, document numbers, list and
// heading markers, ordinals (第3名), phone numbers and codes are recognised
// at the same point and are never figures.
//
// Kinds (Figure.Kind): money, percent, permille, permyriad,
// percentage_point, count, area, length, weight, volume, power, energy,
// temperature, duration, age, multiple, score, fraction, rate, number.
//
// Approx: more and less are approximations above and below the number (余,
// 多, 近, 不到) and also the exclusive bounds (超过, 逾, 不满, 不足, >, <);
// atleast and atmost are the inclusive bounds (以上, 至少, ≥; 以下, 以内,
// 不超过, ≤); about is 约, 左右, 上下.
//
// Units: money is in 元 (万元 and 亿元 fold into the value, 角 and 分 too);
// other currencies keep theirs (美元, 欧元, 港元 …). Every other unit keeps
// one canonical spelling and is never converted (平方米 → ㎡, 公里 → km,
// 公斤 → kg); 万 and 亿 still multiply (233万㎡ = 2330000 ㎡). A number
// without a unit takes the unit of its header; under a header naming
// money without a unit (资金, 预算, 投入 …) it is in 元, and so is an amount
// in 万 or 亿 after words naming money (财政收入7.71亿). Otherwise it has no
// unit and Kind is number.
//
// Every value is exact (math/big), except a fraction such as 三分之一 whose
// decimal does not terminate: it is rounded to ten places.
//
// Dates are ISO to their precision: 2020-06-25, 2020-03, 2020; periods are
// ISO intervals (2019-2021年 → 2019/2021, 2020年1-12月 → 2020-01/2020-12),
// and a month or day without a year is --03 or --06-25.
//
// Never figures: dates, document numbers (洪府发[2020]3号), list and heading
// markers (一、 1. 1.1 （二）), ordinals (第一, 第3名), names with 号 or 强
// (3号楼, 100强), phone numbers, postcodes and codes after a word naming
// them or under such a header (电话, 邮编, 科目, 序号 …), index numbers
// (000014348/2021-01796), times and ratios (9:30, 1:1), names such as G20
// or 5G, and numeral characters inside words (一是, 统一, 万众, 十三五).
//
// Label is the column header when there is one, else the noun phrase just
// before the number, trimmed of verbs and particles (税收达51.78亿元 → 税收),
// or the noun after it when nothing but a place stands before.
package figures

import (
	"math/big"

	"github.com/govreports/govreports/extract/grammar"
)

// Context is what surrounds a text: the header of the table column it stands
// in, or the caption above it, which may give the unit of bare numbers
// ("年度预算数(万元)", "项目资金安排").
type Context struct {
	Header string
	hdr    *header // Header read, by NewContext
}

// NewContext is the context of the texts under header, which it reads
// once for all of them: Find reads it again for each text of a Context
// made otherwise, and the cells of a table column share their header.
func NewContext(header string) Context {
	hd := parseHeader(header)
	return Context{Header: header, hdr: &hd}
}

// Money reads one amount of money as written in a cell or phrase, such as
// "72.4万", "51.78亿元", "人民币壹拾贰万叁仟元整" or "180000", in a column whose
// header is header, and returns its exact value in 元 as a decimal string
// ("724000"). A bare number counts as 元 unless the header gives its unit.
// ok is false when raw holds no readable amount in 元.
func Money(raw, header string) (value string, ok bool) {
	figs, _ := Find(raw, Context{Header: header})
	for _, f := range figs {
		if f.Flag != "" || f.High != "" {
			continue
		}
		if f.Unit == "元" || f.Unit == "" && f.Kind == KindNumber {
			return f.Value, true
		}
	}
	return "", false
}

// Decimal formats an exact rational as a plain decimal string without
// trailing zeros; see grammar.Decimal.
func Decimal(r *big.Rat) string { return grammar.Decimal(r) }
