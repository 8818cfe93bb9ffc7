package figures

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/ingest/model"
)

// Approx values.
const (
	More    = "more"    // above the number: 余, 多, 超过, 逾, > (exclusive bounds map here)
	Less    = "less"    // below the number: 近, 不到, 不足, 不满, < (exclusive bounds map here)
	About   = "about"   // 约, 左右, 上下
	AtLeast = "atleast" // the number or more: 以上, 至少, 不少于, ≥
	AtMost  = "atmost"  // the number or less: 以下, 以内, 不超过, ≤
)

// FlagMalformed marks a number-like string that cannot be read.
const FlagMalformed = "malformed"

type affix struct {
	word string
	val  string
}

// affixes index words by their first rune, longest first, so that a rune
// that starts none costs one map lookup.
type affixes map[rune][]runeAffix

type runeAffix struct {
	word []rune
	val  string
}

func byLength(l []affix) affixes {
	m := affixes{}
	for _, a := range l {
		w := []rune(a.word)
		m[w[0]] = append(m[w[0]], runeAffix{w, a.val})
	}
	for _, l := range m {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].word) > len(l[j].word) })
	}
	return m
}

var (
	approxPrefixes = byLength([]affix{
		{"大于等于", AtLeast}, {"小于等于", AtMost}, {"不少于", AtLeast}, {"不低于", AtLeast}, {"不小于", AtLeast},
		{"不超过", AtMost}, {"不高于", AtMost}, {"不多于", AtMost}, {"不大于", AtMost},
		{"约占", About}, {"约合", About}, {"约有", About},
		{"将近", Less}, {"接近", Less}, {"大约", About}, {"大概", About}, {"约为", About},
		{"超过", More}, {"多于", More}, {"大于", More}, {"高于", More},
		{"不到", Less}, {"不足", Less}, {"不满", Less}, {"未满", Less}, {"少于", Less}, {"小于", Less}, {"低于", Less},
		{"至少", AtLeast}, {"最少", AtLeast}, {"最多", AtMost}, {"至多", AtMost},
		{"突破", More}, {"近", Less}, {"约", About}, {"逾", More}, {"超", More},
		{"≥", AtLeast}, {"≧", AtLeast}, {"≤", AtMost}, {"≦", AtMost},
		{">", More}, {"＞", More}, {"<", Less}, {"＜", Less},
	})
	approxSuffixes = byLength([]affix{
		{"及以上", AtLeast}, {"及以下", AtMost}, {"以上", AtLeast}, {"以下", AtMost}, {"以内", AtMost}, {"之内", AtMost},
		{"左右", About}, {"上下", About}, {"开外", More}, {"出头", More}, {"有余", More},
	})
	currencyPrefixes = byLength([]affix{
		{"人民币", "元"}, {"￥", "元"}, {"¥", "元"}, {"RMB", "元"}, {"CNY", "元"},
		{"US$", "美元"}, {"$", "美元"}, {"HK$", "港元"}, {"€", "欧元"},
	})
	ordinalNouns     = byLength([]affix{{"季度", "-"}, {"阶段", "-"}, {"部分", "-"}, {"章", "-"}, {"节", "-"}, {"步", "-"}, {"轮", "-"}, {"批", "-"}, {"号", "-"}})
	fractionPrefixes = byLength([]affix{{"百分之", "%"}, {"千分之", "‰"}, {"万分之", "‱"}})
	// moneyLabels name money: an amount in 万 or 亿 after them is in 元.
	moneyLabels = []string{"收入", "税收", "资金", "经费", "支出", "投资", "预算", "金额", "产值", "营业额", "营收", "利润", "销售额", "总额", "资产", "费用", "补助", "奖励", "补贴", "拨款", "投入", "成本", "生产总值", "GDP", "债务", "贷款", "融资"}
	// codeWords before a bare number make it an identifier.
	codeWords = []string{"附件", "附表", "附录", "表", "图", "序号", "电话", "传真", "手机", "邮编", "邮政编码", "编码", "代码", "编号", "科目", "账号", "帐号", "卡号", "身份证", "文号", "索引号", "热线", "QQ", "号码"}
)

func affixAt(rs []rune, i int, m affixes) (string, int) {
	if i >= len(rs) {
		return "", 0
	}
next:
	for _, a := range m[rs[i]] {
		if i+len(a.word) > len(rs) {
			continue
		}
		for k, r := range a.word {
			if rs[i+k] != r {
				continue next
			}
		}
		return a.val, len(a.word)
	}
	return "", 0
}

// maybeStart is a quick filter: only these runes can begin a figure, a date
// or something to skip.
func maybeStart(r rune) bool {
	return r < rune(len(startRunes)) && startRunes[r]
}

// mayHoldStart reports whether a rune of text, as written or folded, may
// begin a figure: a quick no before text is read into runes, folded, and
// its header parsed.
func mayHoldStart(text string) bool {
	for _, r := range text {
		if maybeStart(r) || maybeStart(grammar.FoldRune(r)) {
			return true
		}
	}
	return false
}

// startRunes marks the runes that may begin a figure: digits, numeral
// characters, the first runes of prefixes, and brackets of document numbers.
var startRunes = func() *[0x10000]bool {
	var t [0x10000]bool
	for r := '0'; r <= '9'; r++ {
		t[r] = true
	}
	for r := '０'; r <= '９'; r++ {
		t[r] = true
	}
	for _, r := range "〇零○一壹弌二两兩贰貳弍三叁參叄弎四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅卌几第" {
		t[r] = true
	}
	for _, r := range "[(〔【（［-－−数负負" {
		t[r] = true
	}
	for _, m := range []affixes{approxPrefixes, currencyPrefixes, fractionPrefixes} {
		for r := range m {
			t[r] = true
		}
	}
	return &t
}()

// Traditional characters are read as their simplified forms
// (grammar.FoldNumerals): the scanner matches on a folded copy of the
// text, one rune for one rune, so offsets stay those of the original, from
// which Raw and labels are cut.

// scanner walks one text once, left to right.
type scanner struct {
	rs      []rune // the text, traditional characters folded
	orig    []rune // the text as written
	hdr     header
	figs    []model.Figure
	dates   []model.Date
	lastEnd int // end of the last figure, date or skipped token: labels stop there
	first   int // index in figs of this text's first figure: AppendFind's figs hold other texts' too
}

// Find returns the figures and the dates of text, in text order. ctx gives
// the column header or caption over the text, which may give the unit of
// bare numbers. Place.Offset of each is the rune offset of its Raw in text;
// the caller fills the rest of Place.
func Find(text string, ctx Context) (figs []model.Figure, dates []model.Date) {
	return AppendFind(nil, nil, text, ctx)
}

// AppendFind is Find appending to figs and dates: a report gathers the
// figures of all its paragraphs and cells, and copying each one's from a
// slice of its own was a tenth of the bytes extraction allocates.
func AppendFind(figs []model.Figure, dates []model.Date, text string, ctx Context) ([]model.Figure, []model.Date) {
	if !mayHoldStart(text) {
		return figs, dates // 40% of the texts read, most of them table cells
	}
	orig := []rune(text)
	s := scanner{rs: grammar.FoldNumerals(orig), orig: orig, figs: figs, dates: dates, first: len(figs)}
	if ctx.hdr != nil {
		s.hdr = *ctx.hdr
	} else {
		s.hdr = parseHeader(ctx.Header)
	}
	for i := 0; i < len(s.rs); {
		if !maybeStart(s.rs[i]) {
			i++
			continue
		}
		next := s.at(i)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return s.figs, s.dates
}

func isOpenParen(r rune) bool  { return strings.ContainsRune(openParens, r) || r == '〔' }
func isCloseParen(r rune) bool { return strings.ContainsRune(closeParens, r) || r == '〕' }

// docNumberAt skips a document number's year and serial: [2020]3号, 〔2020〕27号.
func docNumberAt(rs []rune, i int) (int, bool) {
	j := i + 1
	for j < len(rs) && j-i <= 4 && isDigitRune(rs[j]) {
		j++
	}
	if j-i != 5 || j >= len(rs) || !isCloseParen(rs[j]) {
		return i, false
	}
	j++
	k := j
	for k < len(rs) && isDigitRune(rs[k]) {
		k++
	}
	if rs[i+1] == '0' || rs[i+1] == '０' {
		return k, true // an area code: (0791)88888888
	}
	if k > j && k < len(rs) && rs[k] == '号' {
		return k + 1, true
	}
	return j, true
}

// skipCode skips an identifier made of digit groups: 000014348/2021-01796,
// 0791-86888888, 1.2.3. Skipped text is neither figure nor date; labels
// may reach across it.
func (s *scanner) skipCode(i int) int {
	for i < len(s.rs) {
		r := s.rs[i]
		if isDigitRune(r) || isASCIILetter(r) {
			i++
			continue
		}
		if (r == '-' || r == '/' || r == '.' || r == '－' || r == '—') && i+1 < len(s.rs) && isDigitRune(s.rs[i+1]) {
			i++
			continue
		}
		break
	}
	return i
}

// atLineStart reports whether only spaces stand between the line start and rs[i].
func (s *scanner) atLineStart(i int) bool {
	for i > 0 {
		r := s.rs[i-1]
		if r == '\n' || r == '\r' {
			return true
		}
		if r != ' ' && r != '\t' && r != '\u3000' {
			return false
		}
		i--
	}
	return true
}

// atClauseStart reports whether rs[i] begins a line or follows a colon or
// a full stop, where 1. is a marker.
func (s *scanner) atClauseStart(i int) bool {
	if s.atLineStart(i) {
		return true
	}
	j := i
	for j > 0 && (s.rs[j-1] == ' ' || s.rs[j-1] == '\u3000') {
		j--
	}
	return j > 0 && strings.ContainsRune("：:；;。", s.rs[j-1])
}

// codeBefore reports whether a word naming an identifier (电话, 邮编, 科目 …)
// stands just before rs[i].
func (s *scanner) codeBefore(i int) bool {
	j := i
	for j > 0 && strings.ContainsRune(" :：\t\u3000", s.rs[j-1]) {
		j--
	}
	from := max(0, j-6)
	before := string(s.rs[from:j])
	for _, w := range codeWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// trailingScale is the power of ten of the multipliers after a numeral's
// last digit: 4 for 5万, 7 for 3千万, 0 for 3.
func trailingScale(nm *grammar.Numeral) int {
	e := 0
	for k := len(nm.Toks) - 1; k >= 0 && nm.Toks[k].Kind == grammar.TokMul; k-- {
		e += int(nm.Toks[k].Exp)
	}
	return e
}

func pureMultiplier(nm *grammar.Numeral) bool {
	for _, t := range nm.Toks {
		if t.Kind != grammar.TokMul {
			return false
		}
	}
	return true
}

// figure is a figure being read.
type figure struct {
	start, end int
	lo, hi     *big.Rat
	unit       string
	kind       string
	approx     string
	flag       string
}

// quantity is one end of a figure: a numeral, an approximation inside it
// (10余万), and its unit.
type quantity struct {
	nm     grammar.Numeral
	lo, hi *big.Rat
	seq    bool
	more   bool // 余, 多, 几
	exp    int  // scale after 余/多 or a space: 10余万, 509774.50 万元
	u      *unit
	end    int // after the unit, or after the numeral when there is none
}

// readQuantity reads a numeral at rs[p] with what follows it up to its unit.
func (s *scanner) readQuantity(p int) (q quantity, ok bool) {
	rs := s.rs
	n := len(rs)
	if q.nm, ok = grammar.LexNumeral(rs, p); !ok {
		return q, false
	}
	q.lo, q.hi, q.seq, ok = grammar.EvalNumeral(&q.nm)
	if q.nm.Malformed || q.nm.Code {
		ok = true
	}
	k := q.nm.End
	q.more = q.nm.Few
	if k < n && (rs[k] == '余' || rs[k] == '多') && !q.nm.Malformed {
		_, ue := unitAt(rs, k+1)
		_, isM := grammar.MultiplierExp(safeAt(rs, k+1))
		if rs[k] == '余' || ue > k+1 || isM {
			q.more = true
			k++
			var e int
			e, k = grammar.ScaleRun(rs, k)
			q.exp += e
		}
	}
	q.end = k
	if u, ue := unitAt(rs, k); u != nil {
		if u.Canon == "分" && safeAt(rs, ue) == '之' {
			return q, ok // 三分之一
		}
		if u.Canon == "年" && strings.ContainsRune("级龄轻", safeAt(rs, ue)) {
			return q, ok // 三年级, 年龄, 年轻: no duration
		}
		q.u, q.end = u, ue
		return q, ok
	}
	// A space between the number and its unit: 509774.50 万元, 50 %.
	k2 := skipSpaces(rs, k)
	if k2 > k && k2-k <= 2 {
		e, k3 := grammar.ScaleRun(rs, k2)
		if u, ue := unitAt(rs, k3); u != nil && (e > 0 || spacedUnit(u)) {
			q.u, q.end, q.exp = u, ue, q.exp+e
		}
	}
	return q, ok
}

// spacedUnit tells the units that may stand a space after their number
// (50 %, 3.2 km, 100 元); a measure word never does: "1.1 项目" is a heading.
func spacedUnit(u *unit) bool {
	switch u.Kind {
	case KindMoney, KindPercent, KindPermille, KindPermyriad, KindArea, KindLength, KindWeight, KindVolume, KindPower, KindEnergy, KindTemperature:
		return true
	}
	return false
}

func safeAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// dashAfter are runes after which a dash joins two things (3月1日-5月31日)
// and is no minus sign.
const dashAfter = "年月日号时分秒天周期至到)）]】〕"

// scoreBreakers follow 分 when it begins a word (分别, 分之, 分析), not a score.
const scoreBreakers = "别之析配布解散工享管支局会行批成钟类项期摊担"

// percentBreakers follow 成 when it begins a word (成本, 成立), not 三成.
const percentBreakers = "本员立果功为绩交都型熟就效品长年不效文份分"

// lonelyNumeral reports whether rs[i] is one Chinese numeral character
// that nothing around makes a figure or date: no numeral, unit, point,
// range or marker follows, and no fraction word starts at it.
func lonelyNumeral(rs []rune, i int) bool {
	r := rs[i]
	_, d := grammar.DigitValue(r)
	_, m := grammar.MultiplierExp(r)
	if !d && !m || i+1 >= len(rs) {
		return (d || m) && i+1 >= len(rs)
	}
	next := rs[i+1]
	if _, ok := grammar.DigitValue(next); ok {
		return false
	}
	if _, ok := grammar.MultiplierExp(next); ok {
		return false
	}
	if isDigitRune(next) || grammar.StartsUnit(next) {
		return false
	}
	return !strings.ContainsRune("点點成分余多几年月日号、．.至到~～-—－之 ", next)
}

// at reads what starts at rs[i] and returns where scanning goes on.
func (s *scanner) at(i int) int {
	rs := s.rs
	switch {
	case isOpenParen(rs[i]):
		if end, ok := docNumberAt(rs, i); ok {
			return end
		}
		return i + 1
	case rs[i] == '第':
		return s.ordinal(i)
	case lonelyNumeral(rs, i):
		return i + 1 // 一是, 统一, 万众: a numeral character inside a word
	}
	pre, ok := s.readPrefix(i)
	if !ok {
		return i + 1
	}
	prefixed := pre.end > i
	q, ok := s.readQuantity(pre.end)
	if !ok {
		if q.nm.End > pre.end && !prefixed {
			return q.nm.End // a numeral run that is no number: 十三五, 一二三
		}
		return i + 1
	}
	f := figure{start: i, approx: pre.approx}
	if q.nm.Malformed {
		f.end, f.flag = q.end, FlagMalformed
		if q.u != nil {
			f.unit, f.kind = q.u.Canon, q.u.Kind
		}
		s.emit(f)
		return f.end
	}
	if q.nm.Code {
		if iso, ok := dottedDate(asciiDigits(string(rs[q.nm.Start:q.nm.End]))); ok && !prefixed {
			s.emitDate(i, q.nm.End, iso)
			return q.nm.End
		}
		return s.skipCode(q.nm.End)
	}
	if !prefixed {
		if end, done := s.notAFigure(i, &q); done {
			return end
		}
	}
	if end, done := s.fraction(f, &q, pre); done {
		return end
	}
	return s.amount(f, &q, pre)
}

// prefix is what stands before a numeral: 约, 人民币, 百分之, a minus sign.
type prefix struct {
	end      int    // where the numeral starts
	approx   string // from 约, 近, 超过, ≥ …
	currency string // the unit of a currency sign: 元, 美元 …
	fraction string // %, ‰ or ‱ from 百分之, 千分之, 万分之
	neg      bool
}

// readPrefix reads the prefixes at rs[i]; ok is false at a dash that is no
// minus sign.
func (s *scanner) readPrefix(i int) (pre prefix, ok bool) {
	rs := s.rs
	n := len(rs)
	p := i
	for round := 0; round < 3; round++ {
		if a, l := affixAt(rs, p, approxPrefixes); l > 0 && pre.approx == "" {
			pre.approx, p = a, p+l
			continue
		}
		if c, l := affixAt(rs, p, currencyPrefixes); l > 0 && pre.currency == "" {
			pre.currency, p = c, skipSpaces(rs, p+l)
			continue
		}
		if c, l := affixAt(rs, p, fractionPrefixes); l > 0 && pre.fraction == "" {
			pre.fraction, p = c, p+l
			continue
		}
		break
	}
	switch {
	case p < n && (rs[p] == '-' || rs[p] == '－' || rs[p] == '−'):
		if p+1 >= n || !isDigitRune(rs[p+1]) || p > 0 && (isDigitRune(rs[p-1]) || isASCIILetter(rs[p-1]) || strings.ContainsRune(dashAfter, rs[p-1])) {
			return pre, false
		}
		pre.neg, p = true, p+1
	case p+1 < n && (rs[p] == '负' || rs[p] == '負'):
		_, d := grammar.DigitValue(rs[p+1])
		_, m := grammar.MultiplierExp(rs[p+1])
		if isDigitRune(rs[p+1]) || d || m {
			pre.neg, p = true, p+1
		}
	}
	pre.end = p
	return pre, true
}

// ordinal skips an ordinal with its measure word (第3名, 第二天, 第一季度),
// which also ends the words a later label may take.
func (s *scanner) ordinal(i int) int {
	nm, ok := grammar.LexNumeral(s.rs, i+1)
	if !ok {
		return i + 1
	}
	end := nm.End
	if _, ue := unitAt(s.rs, end); ue > end {
		end = ue
	} else if _, l := affixAt(s.rs, end, ordinalNouns); l > 0 {
		end += l
	}
	s.lastEnd = end
	return end
}

// notAFigure reports the dates, markers, names and codes that a numeral
// without prefix begins, and where scanning goes on after them.
func (s *scanner) notAFigure(i int, q *quantity) (end int, done bool) {
	rs := s.rs
	n := len(rs)
	nm := &q.nm
	if end, iso, kind := dateAt(rs, nm, q.lo, q.seq); kind != notDate {
		if kind == isDate {
			s.emitDate(i, end, iso)
		}
		return end, true
	}
	k := nm.End
	switch {
	case q.seq:
		return k, true // 二〇二〇 without 年
	case k+1 < n && (rs[k] == ':' || rs[k] == '：') && isDigitRune(rs[k+1]) && nm.IntDigits > 0:
		return s.skipCode(k + 1), true // a time of day or a ratio: 9:30, 1:1
	case k < n && (rs[k] == '号' || rs[k] == '#' || rs[k] == '强'):
		return k + 1, true // 3号文, 100强: names and ranks
	case s.isMarker(i, q):
		return k + 1, true
	}
	return 0, false
}

// isMarker reports whether the numeral at rs[i] is the number of a heading
// or list marker of the domain grammar that ends right after it: 一、 and
// 1、 anywhere, （二） and (3) unless a header gives the numbers a unit,
// 1. and 1） where a clause starts.
func (s *scanner) isMarker(i int, q *quantity) bool {
	rs := s.rs
	k := q.nm.End
	if k >= len(rs) || q.u != nil || !strings.ContainsRune("、.．)）", rs[k]) {
		return false
	}
	from := i
	if i > 0 && isOpenParen(rs[i-1]) {
		from = i - 1
	}
	// The marker and the few runes after it that decide it.
	text := string(rs[from:min(len(rs), k+6)])
	m, ok := grammar.ParseMarker(text)
	if !ok || utf8.RuneCountInString(text[:m.Len]) != k+1-from {
		return false
	}
	switch {
	case m.Family == "cn-paren" || m.Family == "arabic-paren":
		return s.hdr.label == ""
	case rs[k] == '、':
		return true
	}
	return s.atClauseStart(i)
}

// fraction reads 7/12 and 三分之一.
func (s *scanner) fraction(f figure, q *quantity, pre prefix) (end int, done bool) {
	rs := s.rs
	n := len(rs)
	nm := &q.nm
	if q.u != nil {
		return 0, false
	}
	signed := pre.neg && pre.end == f.start+1 // -5/4
	if (pre.end == f.start || signed) && nm.IntDigits > 0 && nm.IntDigits <= 3 && nm.End+1 < n && (rs[nm.End] == '/' || rs[nm.End] == '／') {
		nm2, ok := grammar.LexNumeral(rs, nm.End+1)
		if !ok || nm2.IntDigits == 0 || nm2.IntDigits > 3 || nm2.Chinese || nm2.Code || q.lo.Sign() == 0 {
			return s.skipCode(nm.End), true
		}
		if next := safeAt(rs, nm2.End); next == '/' || next == '-' || next == '号' || isDigitRune(next) || isASCIILetter(next) {
			return s.skipCode(nm2.End), true
		}
		den, _, _, _ := grammar.EvalNumeral(&nm2)
		if den.Sign() == 0 {
			return nm2.End, true
		}
		f.lo = new(big.Rat).Quo(q.lo, den)
		if signed {
			f.lo.Neg(f.lo)
		}
		f.kind, f.end = KindFraction, nm2.End
		s.emit(f)
		return f.end, true
	}
	if !grammar.HasAt(rs, nm.End, "分之") || pre.fraction != "" {
		return 0, false
	}
	q2, ok := s.readQuantity(nm.End + 2)
	if !ok || q2.hi != nil || q2.nm.Malformed || q2.nm.Code || q.hi != nil || q.lo.Sign() == 0 {
		return nm.End + 2, true
	}
	f.lo = new(big.Rat).Quo(q2.lo, q.lo)
	f.kind, f.end = KindFraction, q2.nm.End
	if a, l := affixAt(rs, f.end, approxSuffixes); l > 0 && f.approx == "" {
		f.approx, f.end = a, f.end+l
	}
	s.emit(f)
	return f.end, true
}

// amount reads the rest of a figure after its first numeral: a range, 成,
// 角 and 分, the unit and kind, a unit per unit and a bound after it.
func (s *scanner) amount(f figure, q *quantity, pre prefix) int {
	rs := s.rs
	n := len(rs)
	i := f.start
	nm := &q.nm
	prefixed := pre.end > i
	lo, hi := q.lo, q.hi
	if q.exp > 0 {
		lo = new(big.Rat).Mul(lo, grammar.Pow10(q.exp))
		if hi != nil {
			hi = new(big.Rat).Mul(hi, grammar.Pow10(q.exp))
		}
	}
	u, end := q.u, q.end
	// A range: 3~5人, 5万至10万元, 3-5万元, 5万元至10万元.
	if hi == nil && !q.seq {
		// 5万(含)-10万元: the note that the bound is included stands
		// before the separator.
		sep := end + inclusiveAt(rs, end)
		if sl, hyphen := rangeSepAt(rs, sep); sl > 0 {
			sl += sep - end
			q2, ok := s.readQuantity(end + sl)
			accept := ok && q2.hi == nil && !q2.seq && !q2.nm.Malformed && !q2.nm.Code &&
				(u == nil || q2.u != nil && q2.u.Canon == u.Canon)
			if accept && hyphen && u == nil && q2.u == nil && trailingScale(&q2.nm)+q2.exp == 0 && s.hdr.unit == nil {
				accept = false // 3-5 alone: a code more likely than a range
			}
			switch {
			case accept:
				hi = q2.lo
				if q2.exp > 0 {
					hi = new(big.Rat).Mul(hi, grammar.Pow10(q2.exp))
				}
				// The scale of the second end applies to both: 3-5万元;
				// of a Chinese first end only the 万 or 亿 it lacks:
				// 三十到五十万元.
				if e2 := trailingScale(&q2.nm) + q2.exp; e2 > 0 && trailingScale(nm)+q.exp == 0 {
					lo = new(big.Rat).Mul(lo, grammar.Pow10(e2))
				} else if b2 := bigScale(&q2.nm) + q2.exp; b2 > 0 && bigScale(nm)+q.exp == 0 {
					lo = new(big.Rat).Mul(lo, grammar.Pow10(b2))
				}
				u, end = q2.u, q2.end
				q.more = q.more || q2.more
			case hyphen && !prefixed && u == nil && isDigitRune(safeAt(rs, end+sl)):
				return s.skipCode(end)
			}
		}
	}
	// 成 after a small number is tenths: 三成 = 30%.
	ten := grammar.Pow10(1) // shared and read only: no allocation for each figure
	tenths := u == nil && pre.fraction == "" && end < n && rs[end] == '成' &&
		!strings.ContainsRune(percentBreakers, safeAt(rs, end+1)) &&
		lo.Sign() > 0 && lo.Cmp(ten) <= 0 && (hi == nil || hi.Cmp(ten) <= 0)
	if tenths {
		end++
		if f.approx == Less && grammar.HasAt(rs, i, "近") {
			f.approx = About // 近三成: about three tenths, as 成 is never exact
		}
	}
	// 分 is a score unless money surrounds it.
	if u != nil && u.Canon == "分" {
		switch {
		case pre.currency != "" || nm.Capital:
			lo = new(big.Rat).Mul(lo, grammar.Pow10(-2))
			u = unitByCanon("元")
		case strings.ContainsRune(scoreBreakers, safeAt(rs, end)):
			return nm.End // 分别, 分析
		case nm.Chinese && !nm.Arabic && (pureMultiplier(nm) || len(nm.Toks) == 1) && !prefixed:
			return end // 十分重要, 一分为二
		}
	}
	// Money below the 元: 壹拾贰万叁仟元陆角, 5角3分, 叁仟元整.
	if u != nil && u.Kind == KindMoney && u.Canon == "元" && hi == nil {
		lo, end = s.subUnits(lo, end, u.Sub)
		if u.Sub != 0 {
			lo = new(big.Rat).Mul(lo, grammar.Pow10(u.Sub))
		}
		if end < n && (rs[end] == '整' || rs[end] == '正') {
			end++
		}
	} else if u != nil && u.Sub != 0 {
		lo = new(big.Rat).Mul(lo, grammar.Pow10(u.Sub))
		if hi != nil {
			hi = new(big.Rat).Mul(hi, grammar.Pow10(u.Sub))
		}
	}
	switch {
	case pre.fraction != "":
		f.unit = pre.fraction
		f.kind = map[string]string{"%": KindPercent, "‰": KindPermille, "‱": KindPermyriad}[pre.fraction]
		if hi == nil {
			end = nm.End // 百分之五十 takes no unit after it
		}
	case tenths:
		lo = new(big.Rat).Mul(lo, ten)
		if hi != nil {
			hi = new(big.Rat).Mul(hi, ten)
		}
		f.unit, f.kind = "%", KindPercent
	case u != nil:
		if !s.unitOK(nm, u, prefixed || pre.currency != "") {
			return end
		}
		f.unit, f.kind = u.Canon, u.Kind
	case pre.currency != "":
		f.unit, f.kind = pre.currency, KindMoney
	default:
		if !s.bareOK(i, nm, *q, prefixed) || s.hdr.year && nm.IntDigits == 4 {
			// A year before a noun or under a year header: 2020西湖区.
			if nm.IntDigits == 4 && (s.hdr.year || nm.End < n && isHan(rs[nm.End])) && lo.IsInt() {
				if y := lo.Num().Int64(); grammar.IsYear(int(y)) {
					s.emitDate(i, nm.End, fmt.Sprintf("%04d", y))
					return nm.End
				}
			}
			return end
		}
		lo, hi = s.bareUnit(&f, q, lo, hi, end)
	}
	// A unit per unit: 5000元/㎡, 2万元/年.
	if u != nil && end+1 < n && (rs[end] == '/' || rs[end] == '／') {
		if u2, e2 := unitAt(rs, end+1); u2 != nil {
			f.unit += "/" + u2.Canon
			f.kind = KindRate
			end = e2
		}
	}
	if f.approx == Less && f.kind == KindDuration && grammar.HasAt(rs, i, "近") {
		f.approx = "" // 近三年: the last three years, not nearly three
	}
	if f.approx == "" && q.more {
		f.approx = More
	}
	// 20万元（含）以上: the note that the bound is included, then the bound.
	if k := end + inclusiveAt(rs, end); k > end {
		if a, l := affixAt(rs, k, approxSuffixes); l > 0 && (a == AtLeast || a == AtMost) {
			end = k
		}
	}
	if a, l := affixAt(rs, end, approxSuffixes); l > 0 && !(grammar.HasAt(rs, end, "上下") && isHan(safeAt(rs, end+2))) { // not 上下游
		if f.approx == "" {
			f.approx = a
		}
		end += l
	}
	if pre.neg {
		lo = new(big.Rat).Neg(lo)
	}
	if s.glued(i, nm, &f) {
		return end // digits run together: nothing rather than a wrong number
	}
	f.lo, f.hi, f.end = lo, hi, end
	s.emit(f)
	return end
}

// inclusiveAt is the length of the note (含) or （含） at rs[i], 0 when
// none.
func inclusiveAt(rs []rune, i int) int {
	if isOpenParen(safeAt(rs, i)) && safeAt(rs, i+1) == '含' && isCloseParen(safeAt(rs, i+2)) {
		return 3
	}
	return 0
}

// bigScale is the power of ten of the 万 and 亿 that end a numeral: 4
// for 五十万, 0 for 三十 (whose 十 is its own).
func bigScale(nm *grammar.Numeral) int {
	e := 0
	for k := len(nm.Toks) - 1; k >= 0 && nm.Toks[k].Kind == grammar.TokMul && nm.Toks[k].Exp >= 4; k-- {
		e += int(nm.Toks[k].Exp)
	}
	return e
}

// weightLabels name a form's weight or score, whose number is never an
// amount: an amount right after them is a weight glued to an amount.
var weightLabels = []string{"分值", "权重", "得分", "分数"}

// glued reports digits that text copied from a form ran together, which
// read as one number would be wrong by orders of magnitude: a percentage
// of five plain digits or more (a year, a count and a rate: 202012100%,
// 2020年12100%; no rate reaches 10000%), an
// amount right after a weight's label (分值1064.8万元: 10 and 64.8).
func (s *scanner) glued(i int, nm *grammar.Numeral, f *figure) bool {
	if !nm.Arabic {
		return false
	}
	if f.kind == KindPercent && nm.IntDigits >= 5 {
		return true
	}
	if f.kind == KindMoney && i == nm.Start {
		for _, w := range weightLabels {
			if k := i - utf8.RuneCountInString(w); k >= 0 && grammar.HasAt(s.rs, k, w) {
				return true
			}
		}
	}
	return false
}

// bareUnit gives a number without a unit the unit of its header, 元 under
// a header or after words naming money, or none.
func (s *scanner) bareUnit(f *figure, q *quantity, lo, hi *big.Rat, end int) (*big.Rat, *big.Rat) {
	h := s.hdr
	scaled := trailingScale(&q.nm)+q.exp > 0
	switch {
	case h.unit != nil:
		f.unit, f.kind = h.unit.Canon, h.unit.Kind
		if !scaled && h.exp > 0 {
			lo = new(big.Rat).Mul(lo, grammar.Pow10(h.exp))
			if hi != nil {
				hi = new(big.Rat).Mul(hi, grammar.Pow10(h.exp))
			}
		}
		if h.unit.Sub != 0 {
			lo = new(big.Rat).Mul(lo, grammar.Pow10(h.unit.Sub))
		}
	case h.money:
		f.unit, f.kind = "元", KindMoney
	case h.percent:
		f.unit, f.kind = "%", KindPercent
	case h.score:
		f.unit, f.kind = "分", KindScore
	case scaled && h.label == "" && grammar.ContainsAny(grammar.Fold(s.labelFor(f.start, end)), moneyLabels):
		f.unit, f.kind = "元", KindMoney // 财政收入7.71亿
	default:
		f.kind = KindNumber
	}
	return lo, hi
}

// subUnits reads 角 and 分 after an amount in 元 (or 分 after 角) and adds
// them: 肆元陆角 = 4.6, 5角3分 = 0.53 when the amount is counted in 角.
func (s *scanner) subUnits(v *big.Rat, end, sub int) (*big.Rat, int) {
	rs := s.rs
	v = new(big.Rat).Set(v)
	want := []int{-1, -2}
	if sub == -1 {
		want = []int{-2}
	}
	for _, w := range want {
		p := end
		if p < len(rs) && (rs[p] == '零' || rs[p] == '〇') {
			p++
		}
		nm, ok := grammar.LexNumeral(rs, p)
		if !ok || len(nm.Toks) != 1 || nm.Toks[0].Digit < 0 || nm.Malformed || nm.Code {
			continue
		}
		word := "角"
		if w == -2 {
			word = "分"
		}
		if !grammar.HasAt(rs, nm.End, word) {
			continue
		}
		d := new(big.Rat).Mul(nm.Toks[0].Value(), grammar.Pow10(w-sub))
		v.Add(v, d)
		end = nm.End + 1
	}
	return v, end
}

// unitOK rules out numerals that only look like figures with a unit: 一个,
// 一套 (the article), 千家万户, 万元 (a unit alone).
func (s *scanner) unitOK(nm *grammar.Numeral, u *unit, prefixed bool) bool {
	if nm.Few && len(nm.Toks) == 1 {
		return false // 几个, 近几年
	}
	if prefixed || nm.Arabic {
		return true
	}
	if nm.Capital {
		return true
	}
	hasNum := false
	for _, t := range nm.Toks {
		hasNum = hasNum || t.Kind == grammar.TokNum
	}
	if !hasNum && !pureMultiplier(nm) {
		return false // 零件
	}
	if len(nm.Toks) == 1 && nm.Toks[0].Kind == grammar.TokNum && nm.Toks[0].Digit == 1 {
		return u.Kind == KindMoney || u.Kind == KindPercent
	}
	if pureMultiplier(nm) {
		// 十万元, 千万亿元, 万万元; but a lone 万 or 千 is a word (万元, 千家万户).
		return len(nm.Toks) >= 2 || nm.Toks[0].Exp == 1
	}
	if nm.Few && len(nm.Toks) == 1 {
		return false // 几个
	}
	return true
}

// bareOK decides whether a number with no unit is a figure: a Chinese
// numeral must be a real number (三百万, 一万三, 三点五), not a word (一是,
// 万一, 统一); an Arabic one must not be an identifier.
func (s *scanner) bareOK(i int, nm *grammar.Numeral, q quantity, prefixed bool) bool {
	if s.hdr.skip {
		return false
	}
	if prefixed && (safeAt(s.rs, i) == '负' || safeAt(s.rs, i) == '負') && !nm.Few {
		return true // 负十五: a sign makes a number of any numeral
	}
	if nm.Few {
		return !pureMultiplier(nm) && trailingScale(nm) > 0 || len(nm.Toks) >= 2 && nm.Toks[0].Kind == grammar.TokMul // 十几万, 十几; not 几
	}
	if nm.Arabic && prefixed {
		return true
	}
	if nm.Arabic {
		prev, next := safeAt(s.rs, i-1), safeAt(s.rs, nm.End)
		if prev == '-' {
			prev = safeAt(s.rs, i-2)
		}
		if isASCIILetter(prev) || isASCIILetter(next) {
			return false // G20, PM2.5, 5G, COVID-19: names
		}
		if nm.IntDigits > 0 && s.codeBefore(i) {
			return false
		}
		if nm.Point && s.hdr.label == "" && s.atLineStart(i) && nm.End < len(s.rs) && (s.rs[nm.End] == ' ' || s.rs[nm.End] == '\u3000' || isHan(s.rs[nm.End])) && nm.End-nm.Start <= 4 {
			return false // heading 1.1 项目概况
		}
		if nm.IntDigits == 4 && nm.End < len(s.rs) && isHan(s.rs[nm.End]) {
			return false // a year before a noun: 2020西湖区…
		}
		return true
	}
	if nm.Point || nm.Capital && len(nm.Toks) >= 2 {
		return true
	}
	hasNum, hasMul := false, false
	for _, t := range nm.Toks {
		if t.Kind == grammar.TokNum {
			hasNum = true
		}
		if t.Kind == grammar.TokMul {
			hasMul = true
		}
	}
	if nm.Toks[0].Kind == grammar.TokMul && nm.Toks[0].Exp != 1 {
		return false
	}
	// Below a hundred a bare Chinese numeral is mostly a name: 十九大, 十一.
	return hasNum && hasMul && q.lo.Cmp(grammar.Pow10(2)) >= 0
}

func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if r == '．' {
			return '.'
		}
		return r
	}, s)
}

func (s *scanner) emit(f figure) {
	mf := model.Figure{
		Raw:    string(s.orig[f.start:f.end]),
		Unit:   f.unit,
		Kind:   f.kind,
		Approx: f.approx,
		Flag:   f.flag,
		Place:  model.Place{Offset: f.start},
	}
	if f.flag == "" {
		mf.Value = Decimal(f.lo)
		if f.hi != nil {
			mf.High = Decimal(f.hi)
		}
	}
	mf.Label = s.labelFor(f.start, f.end)
	if f.kind == KindPercent {
		if l, ok := s.quotientLabel(f.start); ok {
			mf.Label = l
		}
	}
	s.figs = append(s.figs, mf)
	s.lastEnd = f.end
}

// quotientLabel is the label of a percentage that states the quotient
// before it (资金使用率为1,790,860.00÷1,850,000.00=96.80%, 拨付率为
// 46,218/48,650，即95.00%, 到位率318/400，即79.5%): the label of the
// dividend, or of the fraction, which names the rate. ok is false when
// the percentage follows no such division.
func (s *scanner) quotientLabel(start int) (string, bool) {
	n := len(s.figs)
	if n == s.first || s.lastEnd > start || !grammar.QuotientSign(string(s.rs[s.lastEnd:start])) {
		return "", false
	}
	b := &s.figs[n-1]
	if b.Kind == KindFraction {
		return b.Label, b.Label != ""
	}
	if n-s.first < 2 {
		return "", false
	}
	a := &s.figs[n-2]
	aEnd := a.Place.Offset + utf8.RuneCountInString(a.Raw)
	if aEnd > b.Place.Offset || !grammar.DivisionSign(string(s.rs[aEnd:b.Place.Offset])) {
		return "", false
	}
	return a.Label, a.Label != ""
}

func (s *scanner) emitDate(start, end int, iso string) {
	s.dates = append(s.dates, model.Date{Raw: string(s.orig[start:end]), Date: iso, Place: model.Place{Offset: start}})
	s.lastEnd = end
}
