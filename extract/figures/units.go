package figures

import "github.com/govreports/govreports/extract/grammar"

// Kinds of figure. A figure's Kind follows from its unit; the units and
// their kinds are the domain grammar's.
const (
	KindMoney           = grammar.KindMoney           // 元 and other currencies
	KindPercent         = grammar.KindPercent         // %
	KindPermille        = grammar.KindPermille        // ‰
	KindPermyriad       = grammar.KindPermyriad       // ‱
	KindPercentagePoint = grammar.KindPercentagePoint // 百分点
	KindCount           = grammar.KindCount           // a measure word: 家 人 个 户 …
	KindArea            = grammar.KindArea            // ㎡ km² 亩 公顷
	KindLength          = grammar.KindLength          // km m cm mm
	KindWeight          = grammar.KindWeight          // kg 吨 斤 g
	KindVolume          = grammar.KindVolume          // m³ L
	KindPower           = grammar.KindPower           // 兆瓦 千瓦
	KindEnergy          = grammar.KindEnergy          // 千瓦时
	KindTemperature     = grammar.KindTemperature     // ℃
	KindDuration        = grammar.KindDuration        // 年 月 天 小时 分钟 工作日
	KindAge             = grammar.KindAge             // 岁
	KindMultiple        = grammar.KindMultiple        // 倍
	KindScore           = grammar.KindScore           // 分 (得分92.5分)
	KindFraction        = grammar.KindFraction        // 三分之一
	KindRate            = grammar.KindRate            // a unit per unit: 元/㎡, 万元/年
	KindNumber          = grammar.KindNumber          // no unit
)

// unit is one written unit and what it means.
type unit = grammar.Unit

func unitAt(rs []rune, i int) (*unit, int) { return grammar.UnitAt(rs, i) }

func unitByCanon(canon string) *unit { return grammar.UnitByCanon(canon) }

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
