package grammar

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// DigitValue is the value of a Chinese digit: 〇 零 ○ and 一 to 九 with
// their financial capitals (壹 贰 …) and traditional forms. ok is false
// for any other rune.
func DigitValue(r rune) (d int, ok bool) {
	switch r {
	case '〇', '零', '○':
		return 0, true
	case '一', '壹', '弌':
		return 1, true
	case '二', '两', '兩', '贰', '貳', '弍':
		return 2, true
	case '三', '叁', '參', '叄', '弎':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// MultiplierExp is the power of ten of a Chinese multiplier: 1 for 十 and
// 拾, 2 for 百, 3 for 千, 4 for 万, 8 for 亿. ok is false for any other rune.
func MultiplierExp(r rune) (exp int, ok bool) {
	switch r {
	case '十', '拾':
		return 1, true
	case '百', '佰':
		return 2, true
	case '千', '仟':
		return 3, true
	case '万', '萬':
		return 4, true
	case '亿', '億':
		return 8, true
	}
	return 0, false
}

// IsCapital reports the financial capitals (壹 贰 … 拾 佰 仟), in which
// amounts on forms are written out.
func IsCapital(r rune) bool {
	return strings.ContainsRune("壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟", r)
}

// Number reads a small whole number as markers, levels and counts write
// it: Arabic digits (ASCII or full-width), Chinese numerals (一, 十二,
// 二十三, 一百零五, 壹拾, 二〇二〇), the circled and
// parenthesised digits (①, ⑴, ⒈) and the Roman numerals Ⅰ to Ⅻ. ok is
// false when s is not such a number.
func Number(s string) (n int, ok bool) {
	if s == "" {
		return 0, false
	}
	if r, size := utf8.DecodeRuneInString(s); size == len(s) {
		switch {
		case r >= '①' && r <= '⑳':
			return int(r-'①') + 1, true
		case r >= '⑴' && r <= '⒇':
			return int(r-'⑴') + 1, true
		case r >= '⒈' && r <= '⒛':
			return int(r-'⒈') + 1, true
		case r >= 'Ⅰ' && r <= 'Ⅻ':
			return int(r-'Ⅰ') + 1, true
		}
		if d, ok := DigitValue(r); ok {
			return d, true // 一 to 九, most markers: spare the numeral reader
		}
	}
	if d := Digits(s); d != "" {
		v, err := strconv.Atoi(d)
		return v, err == nil
	}
	return chineseNumber(s)
}

// chineseNumber reads a whole Chinese numeral as ParseNumber does, when
// it is a whole number that fits an int.
func chineseNumber(s string) (int, bool) {
	v, ok := ParseNumber(s)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// Digits returns s with full-width digits made ASCII when s holds digits
// only, else "".
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		default:
			return ""
		}
	}
	return b.String()
}
