package grammar

import (
	"math/big"
	"strings"
)

// Comparison operators as an indicator's target states them (≥50个,
// ≤90万元, ＝100%): the sign kept is the one the database stores.
const (
	OpAtLeast = "≥"
	OpAtMost  = "≤"
	OpEqual   = "="
	OpMore    = ">"
	OpLess    = "<"
)

// opWords are the spellings of each operator, before a number ("≥95%",
// "不低于95%") or alone in a form's 指标性质 column. Longer spellings
// come first, so that >= is not read as >.
var opWords = []struct{ word, op string }{
	{">=", OpAtLeast}, {"＞＝", OpAtLeast}, {"≥", OpAtLeast}, {"≧", OpAtLeast}, {"⩾", OpAtLeast},
	{"大于等于", OpAtLeast}, {"大于或等于", OpAtLeast}, {"不低于", OpAtLeast}, {"不少于", OpAtLeast}, {"不小于", OpAtLeast}, {"至少", OpAtLeast},
	{"<=", OpAtMost}, {"＜＝", OpAtMost}, {"≤", OpAtMost}, {"≦", OpAtMost}, {"⩽", OpAtMost},
	{"小于等于", OpAtMost}, {"小于或等于", OpAtMost}, {"不高于", OpAtMost}, {"不超过", OpAtMost}, {"不多于", OpAtMost}, {"不大于", OpAtMost}, {"控制在", OpAtMost},
	{"==", OpEqual}, {"=", OpEqual}, {"＝", OpEqual}, {"等于", OpEqual},
	{">", OpMore}, {"＞", OpMore}, {"大于", OpMore}, {"高于", OpMore}, {"超过", OpMore},
	{"<", OpLess}, {"＜", OpLess}, {"小于", OpLess}, {"低于", OpLess},
}

// opSuffixes state the operator after the number: 95%以上, 5天以内.
var opSuffixes = []struct{ word, op string }{
	{"及以上", OpAtLeast}, {"以上", OpAtLeast},
	{"及以下", OpAtMost}, {"以下", OpAtMost}, {"以内", OpAtMost},
}

// Comparison reads the comparison operator a target states: before its
// number ("≥50个", "不低于95%"), after it ("95%以上"), or alone (the
// 指标性质 column's "≥"). It returns the operator (one of the Op
// constants) and the text without it; ok is false when s states none.
func Comparison(s string) (op, rest string, ok bool) {
	t := strings.TrimFunc(s, IsSpace)
	for _, w := range opWords {
		if r, found := strings.CutPrefix(t, w.word); found {
			return w.op, strings.TrimLeftFunc(r, IsSpace), true
		}
	}
	for _, w := range opSuffixes {
		if r, found := strings.CutSuffix(t, w.word); found && r != "" {
			return w.op, strings.TrimRightFunc(r, IsSpace), true
		}
	}
	return "", t, false
}

// Meets reports whether actual meets a target of op and value. ok is
// false for an operator it does not know.
func Meets(op string, target, actual *big.Rat) (met, ok bool) {
	c := actual.Cmp(target)
	switch op {
	case OpAtLeast:
		return c >= 0, true
	case OpAtMost:
		return c <= 0, true
	case OpEqual:
		return c == 0, true
	case OpMore:
		return c > 0, true
	case OpLess:
		return c < 0, true
	}
	return false, false
}
