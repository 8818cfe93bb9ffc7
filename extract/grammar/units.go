package grammar

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of figure. A figure's Kind follows from its unit.
const (
	KindMoney           = "money"            // 元 and other currencies
	KindPercent         = "percent"          // %
	KindPermille        = "permille"         // ‰
	KindPermyriad       = "permyriad"        // ‱
	KindPercentagePoint = "percentage_point" // 百分点
	KindCount           = "count"            // a measure word: 家 人 个 户 …
	KindArea            = "area"             // ㎡ km² 亩 公顷
	KindLength          = "length"           // km m cm mm
	KindWeight          = "weight"           // kg 吨 斤 g
	KindVolume          = "volume"           // m³ L
	KindPower           = "power"            // 兆瓦 千瓦
	KindEnergy          = "energy"           // 千瓦时
	KindTemperature     = "temperature"      // ℃
	KindDuration        = "duration"         // 年 月 天 小时 分钟 工作日
	KindAge             = "age"              // 岁
	KindMultiple        = "multiple"         // 倍
	KindScore           = "score"            // 分 (得分92.5分)
	KindFraction        = "fraction"         // 三分之一
	KindRate            = "rate"             // a unit per unit: 元/㎡, 万元/年
	KindNumber          = "number"           // no unit
)

// A Unit is one written unit and what it means.
type Unit struct {
	Word  []rune
	Canon string // the unit as reported
	Kind  string
	// Sub is the power of ten below the canonical unit: 角 is 元 at -1.
	Sub int
	// ASCII units must not be followed by a letter (4.3m, not 4.3mg).
	ASCII bool
}

// unitTable lists every unit spelling, by its first rune; several spellings share one canonical
// unit. Scale characters that belong to a unit (千克, 千米, 兆瓦) are units here,
// so they never multiply.
var unitTable = func() map[rune][]Unit {
	type u = struct{ words, canon, kind string }
	list := []u{
		{"元 圆 圓 块钱 元钱 人民币", "元", KindMoney},
		{"美元 美金", "美元", KindMoney},
		{"欧元", "欧元", KindMoney},
		{"港元 港币", "港元", KindMoney},
		{"日元", "日元", KindMoney},
		{"英镑", "英镑", KindMoney},
		{"韩元", "韩元", KindMoney},
		{"新台币 新台幣 台币 臺幣", "新台币", KindMoney},
		{"澳元", "澳元", KindMoney},
		{"加元", "加元", KindMoney},
		{"卢布", "卢布", KindMoney},
		{"% ％ ﹪", "%", KindPercent},
		{"‰", "‰", KindPermille},
		{"‱", "‱", KindPermyriad},
		{"个百分点 百分点", "百分点", KindPercentagePoint},
		{"㎡ 平方米 平米 m² m2 M2", "㎡", KindArea},
		{"平方公里 平方千米 km² ㎢ km2", "km²", KindArea},
		{"亩", "亩", KindArea},
		{"公顷", "公顷", KindArea},
		{"公里 千米 km ㎞ KM", "km", KindLength},
		{"米 m", "m", KindLength},
		{"厘米 cm ㎝", "cm", KindLength},
		{"毫米 mm ㎜", "mm", KindLength},
		{"千克 公斤 kg ㎏ KG", "kg", KindWeight},
		{"吨", "吨", KindWeight},
		{"斤", "斤", KindWeight},
		{"克", "g", KindWeight},
		{"立方米 m³ m3", "m³", KindVolume},
		{"升", "L", KindVolume},
		{"兆瓦 MW", "兆瓦", KindPower},
		{"千瓦 kW KW", "千瓦", KindPower},
		{"千瓦时 度电 kWh", "千瓦时", KindEnergy},
		{"℃ 摄氏度", "℃", KindTemperature},
		{"年", "年", KindDuration},
		{"个月", "月", KindDuration},
		{"天", "天", KindDuration},
		{"小时 个小时", "小时", KindDuration},
		{"分钟", "分钟", KindDuration},
		{"个工作日 工作日", "工作日", KindDuration},
		{"周岁 岁", "岁", KindAge},
		{"倍", "倍", KindMultiple},
		{"分", "分", KindScore},
	}
	counts := "家 人 个 户 栋 幢 座 项 名 台 辆 条 份 期 次 场 件 套 批 所 处 间 张 本 册 篇 部 支 只 头 株 棵 口 位 例 起 宗 笔 类 种 组 届 轮 班 门 层 床 县 区 镇 乡 村 人次 户次 家次 场次 架次 车次 款 颗 盏 根 箱 袋 瓶 台套"
	m := map[rune][]Unit{}
	add := func(word, canon, kind string, sub int) {
		w := []rune(word)
		ascii := w[0] < 0x80
		m[w[0]] = append(m[w[0]], Unit{Word: w, Canon: canon, Kind: kind, Sub: sub, ASCII: ascii})
	}
	for _, e := range list {
		for _, w := range splitSpace(e.words) {
			add(w, e.canon, e.kind, 0)
		}
	}
	for _, w := range splitSpace(counts) {
		add(w, w, KindCount, 0)
	}
	add("角", "元", KindMoney, -1)
	for r := range m {
		l := m[r]
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].Word) > len(l[j].Word) })
	}
	return m
}()

func splitSpace(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// UnitAt returns the longest unit written at rs[i], and the index after it
// (end == i when there is none).
func UnitAt(rs []rune, i int) (*Unit, int) {
	if i >= len(rs) {
		return nil, i
	}
	l := unitTable[rs[i]]
	for k := range l {
		u := &l[k]
		if i+len(u.Word) > len(rs) {
			continue
		}
		match := true
		for x, r := range u.Word {
			if rs[i+x] != r {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		end := i + len(u.Word)
		if u.ASCII && end < len(rs) && isASCIILetter(rs[end]) {
			continue
		}
		return u, end
	}
	return nil, i
}

// StartsUnit reports whether some unit is written with r first.
func StartsUnit(r rune) bool { return len(unitTable[r]) > 0 }

// UnitByCanon returns the unit of a canonical name counted in it (元, not
// 角), nil when there is none.
func UnitByCanon(canon string) *Unit {
	for _, l := range unitTable {
		for k := range l {
			if l[k].Canon == canon && l[k].Sub == 0 {
				return &l[k]
			}
		}
	}
	return nil
}

// quantityUnits are the units and scales of the table after which a
// number is a quantity, not a heading number: "12.5万元", "1.5%", "3 个项目".
// Units that start heading words as well (项 of "1.1项目", 人 of "1.1人员",
// 分 of "1.2分析", 克 of "1.1克服") are left out.
var quantityUnits = []string{"万", "亿", "元", "%", "％", "‰", "倍", "公里", "公顷", "米", "吨", "㎡", "平方", "个", "人次",
	"亩", "千", "小时", "次", "辆", "栋"}

// QuantityAfter reports whether s starts with a unit, so that the number
// before it is a quantity ("年" only when not "年度": "1.1年度目标" is a
// heading).
func QuantityAfter(s string) bool {
	s = strings.TrimLeftFunc(s, IsSpace)
	if strings.HasPrefix(s, "年") {
		return !strings.HasPrefix(s, "年度")
	}
	// 分 ends a score ("82.6分，评价等级为…", a PDF's line starting with
	// it) where no word goes on (1.2分析).
	if rest, ok := strings.CutPrefix(s, "分"); ok {
		r, _ := utf8.DecodeRuneInString(rest)
		return !unicode.Is(unicode.Han, r)
	}
	for _, u := range quantityUnits {
		if strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

// UnitPhrase reads a whole phrase such as "万元", "%", "人" or "亿元" as an
// optional scale (the power of ten of 万, 亿 …) and a unit.
func UnitPhrase(s string) (u *Unit, exp int, ok bool) {
	rs := []rune(strings.TrimSpace(s))
	exp, k := ScaleRun(rs, 0)
	u, end := UnitAt(rs, k)
	if u == nil || end != len(rs) {
		return nil, 0, false
	}
	return u, exp, true
}

// MoneyUnitNote is the note of the unit of money a line ends in
// ("填报单位：某某局    单位：万元", "（金额单位：千元）"), from 单位 on;
// ok is false when the line ends in none. Forms print it beside a cover
// field, above tables whose headers name no unit.
func MoneyUnitNote(line string) (note string, ok bool) {
	s := strings.TrimRightFunc(line, IsSpace)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "）"), ")")
	k := strings.LastIndex(s, "单位")
	if k < 0 {
		return "", false
	}
	rest := strings.TrimLeftFunc(s[k+len("单位"):], IsSpace)
	if r, found := strings.CutPrefix(rest, "："); found {
		rest = r
	} else if r, found := strings.CutPrefix(rest, ":"); found {
		rest = r
	} else {
		return "", false
	}
	u, _, ok := UnitPhrase(strings.TrimFunc(rest, IsSpace))
	if !ok || u.Sub != 0 || u.Canon != "元" {
		return "", false
	}
	return s[k:], true
}
