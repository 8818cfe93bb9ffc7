package numbering

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// numFmt is an ST_NumberFormat value, resolved once at parse time so that
// Next never compares format names.
type numFmt uint8

const (
	fmtDecimal numFmt = iota
	fmtNone
	fmtBullet
	fmtDecimalZero
	fmtDecimalPadded // w14 custom format "001, 002, 003, ..."; width in Level.pad
	fmtUpperRoman
	fmtLowerRoman
	fmtUpperLetter
	fmtLowerLetter
	fmtOrdinal
	fmtCardinalText
	fmtOrdinalText
	fmtHex
	fmtNumberInDash
	fmtDecimalFullWidth
	fmtDecimalEnclosedCircle
	fmtDecimalEnclosedParen
	fmtDecimalEnclosedFullstop
	fmtIdeographEnclosedCircle
	fmtChineseCounting
	fmtChineseCountingThousand
	fmtChineseLegalSimplified
	fmtIdeographTraditional
	fmtIdeographZodiac
	fmtIdeographZodiacTraditional
	fmtIdeographDigital
	fmtIdeographLegalTraditional
	fmtTaiwaneseCounting
	fmtTaiwaneseCountingThousand
	fmtTaiwaneseDigital
)

// fmtNames maps the ST_NumberFormat names this package renders. Names not
// listed (hebrew1, thaiLetters …) render as decimal, which keeps the
// number visible rather than dropping the marker.
var fmtNames = map[string]numFmt{
	"decimal":                      fmtDecimal,
	"decimalHalfWidth":             fmtDecimal,
	"none":                         fmtNone,
	"bullet":                       fmtBullet,
	"decimalZero":                  fmtDecimalZero,
	"upperRoman":                   fmtUpperRoman,
	"lowerRoman":                   fmtLowerRoman,
	"upperLetter":                  fmtUpperLetter,
	"lowerLetter":                  fmtLowerLetter,
	"ordinal":                      fmtOrdinal,
	"cardinalText":                 fmtCardinalText,
	"ordinalText":                  fmtOrdinalText,
	"hex":                          fmtHex,
	"numberInDash":                 fmtNumberInDash,
	"decimalFullWidth":             fmtDecimalFullWidth,
	"decimalFullWidth2":            fmtDecimalFullWidth,
	"decimalEnclosedCircle":        fmtDecimalEnclosedCircle,
	"decimalEnclosedCircleChinese": fmtDecimalEnclosedCircle,
	"decimalEnclosedParen":         fmtDecimalEnclosedParen,
	"decimalEnclosedFullstop":      fmtDecimalEnclosedFullstop,
	"ideographEnclosedCircle":      fmtIdeographEnclosedCircle,
	"chineseCounting":              fmtChineseCounting,
	"chineseCountingThousand":      fmtChineseCountingThousand,
	"chineseLegalSimplified":       fmtChineseLegalSimplified,
	"ideographTraditional":         fmtIdeographTraditional,
	"ideographZodiac":              fmtIdeographZodiac,
	"ideographZodiacTraditional":   fmtIdeographZodiacTraditional,
	"ideographDigital":             fmtIdeographDigital,
	"ideographLegalTraditional":    fmtIdeographLegalTraditional,
	"taiwaneseCounting":            fmtTaiwaneseCounting,
	"taiwaneseCountingThousand":    fmtTaiwaneseCountingThousand,
	"taiwaneseDigital":             fmtTaiwaneseDigital,
}

func lookupFmt(name string) numFmt {
	if f, ok := fmtNames[name]; ok {
		return f
	}
	return fmtDecimal
}

// Format renders n in the ST_NumberFormat numFmt the way Word displays a
// list number: Format("chineseCounting", 11) is "十一",
// Format("decimalEnclosedCircle", 3) is "③". Unknown formats render as
// decimal; "none" and "bullet" render as "".
func Format(numFmt string, n int) string {
	return string(appendNumber(nil, lookupFmt(numFmt), 0, n))
}

// Digit and unit tables. chineseCounting writes its positional zero as
// U+25CB ○ and chineseCountingThousand its interior zero as U+3007 〇, as
// Word does (101 → 一○一 and 一百〇一).
var (
	cjkDigitsCircle = [10]string{"○", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	cjkDigitsIdeo   = [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	legalSimplified = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	legalTrad       = [10]string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}
	fullWidthDigits = [10]string{"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"}

	heavenlyStems   = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}
	earthlyBranches = []string{"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}
)

// grouping describes a myriad-grouped counting system (一百〇一, 壹佰零壹).
type grouping struct {
	digits     *[10]string
	units      [4]string // "", 十, 百, 千
	groups     [3]string // "", 万, 亿
	zero       string    // written once for a run of interior zeros
	elideTeens bool      // 10..19 as 十, 十一 rather than 一十, 一十一
}

var (
	groupChineseThousand = grouping{&cjkDigitsIdeo, [4]string{"", "十", "百", "千"}, [3]string{"", "万", "亿"}, "〇", true}
	groupTaiwanThousand  = grouping{&cjkDigitsIdeo, [4]string{"", "十", "百", "千"}, [3]string{"", "萬", "億"}, "〇", true}
	groupLegalSimplified = grouping{&legalSimplified, [4]string{"", "拾", "佰", "仟"}, [3]string{"", "万", "亿"}, "零", false}
	groupLegalTrad       = grouping{&legalTrad, [4]string{"", "拾", "佰", "仟"}, [3]string{"", "萬", "億"}, "零", false}
)

// maxRepeat bounds the formats whose length grows with n (letters, roman),
// so a hostile start value cannot make a marker of megabytes.
const maxRepeat = 32

// appendNumber appends n in format f; pad is the width of fmtDecimalPadded.
func appendNumber(buf []byte, f numFmt, pad, n int) []byte {
	switch f {
	case fmtNone, fmtBullet:
		return buf
	case fmtDecimalZero:
		if n >= 0 && n < 10 {
			buf = append(buf, '0')
		}
		return strconv.AppendInt(buf, int64(n), 10)
	case fmtDecimalPadded:
		if n >= 0 {
			for w := decimalWidth(n); w < pad; w++ {
				buf = append(buf, '0')
			}
		}
		return strconv.AppendInt(buf, int64(n), 10)
	}
	if n < 0 {
		// No format but decimal can show a negative number.
		return strconv.AppendInt(buf, int64(n), 10)
	}
	switch f {
	case fmtUpperRoman, fmtLowerRoman:
		if n == 0 || n >= 4000+maxRepeat*1000 {
			break
		}
		return appendRoman(buf, n, f == fmtLowerRoman)
	case fmtUpperLetter, fmtLowerLetter:
		if n == 0 || (n-1)/26 >= maxRepeat {
			break
		}
		c := byte('A')
		if f == fmtLowerLetter {
			c = 'a'
		}
		c += byte((n - 1) % 26)
		for i := 0; i <= (n-1)/26; i++ {
			buf = append(buf, c)
		}
		return buf
	case fmtOrdinal:
		buf = strconv.AppendInt(buf, int64(n), 10)
		return append(buf, ordinalSuffix(n)...)
	case fmtCardinalText, fmtOrdinalText:
		if n == 0 || n > 999999 {
			break
		}
		return appendEnglish(buf, n, f == fmtOrdinalText)
	case fmtHex:
		start := len(buf)
		buf = strconv.AppendUint(buf, uint64(n), 16)
		for i := start; i < len(buf); i++ {
			if buf[i] >= 'a' {
				buf[i] -= 'a' - 'A'
			}
		}
		return buf
	case fmtNumberInDash:
		buf = append(buf, "- "...)
		buf = strconv.AppendInt(buf, int64(n), 10)
		return append(buf, " -"...)
	case fmtDecimalFullWidth:
		return appendDigits(buf, n, &fullWidthDigits)
	case fmtDecimalEnclosedCircle:
		if n >= 1 && n <= 20 {
			return utf8.AppendRune(buf, rune(0x2460+n-1)) // ① … ⑳
		}
	case fmtDecimalEnclosedParen:
		if n >= 1 && n <= 20 {
			return utf8.AppendRune(buf, rune(0x2474+n-1)) // ⑴ … ⒇
		}
	case fmtDecimalEnclosedFullstop:
		if n >= 1 && n <= 20 {
			return utf8.AppendRune(buf, rune(0x2488+n-1)) // ⒈ … ⒛
		}
	case fmtIdeographEnclosedCircle:
		if n >= 1 && n <= 10 {
			return utf8.AppendRune(buf, rune(0x3220+n-1)) // ㈠ … ㈩
		}
	case fmtChineseCounting, fmtTaiwaneseCounting:
		return appendChineseCounting(buf, n)
	case fmtChineseCountingThousand:
		return appendGrouped(buf, n, &groupChineseThousand)
	case fmtTaiwaneseCountingThousand:
		return appendGrouped(buf, n, &groupTaiwanThousand)
	case fmtChineseLegalSimplified:
		return appendGrouped(buf, n, &groupLegalSimplified)
	case fmtIdeographLegalTraditional:
		return appendGrouped(buf, n, &groupLegalTrad)
	case fmtIdeographDigital:
		return appendDigits(buf, n, &cjkDigitsIdeo)
	case fmtTaiwaneseDigital:
		return appendDigits(buf, n, &cjkDigitsCircle)
	case fmtIdeographTraditional:
		if n >= 1 && n <= len(heavenlyStems) {
			return append(buf, heavenlyStems[n-1]...)
		}
	case fmtIdeographZodiac:
		if n >= 1 && n <= len(earthlyBranches) {
			return append(buf, earthlyBranches[n-1]...)
		}
	case fmtIdeographZodiacTraditional:
		if n >= 1 && n <= 60 { // the sexagenary cycle 甲子 … 癸亥
			buf = append(buf, heavenlyStems[(n-1)%10]...)
			return append(buf, earthlyBranches[(n-1)%12]...)
		}
	}
	return strconv.AppendInt(buf, int64(n), 10)
}

func decimalWidth(n int) int {
	w := 1
	for n >= 10 {
		n /= 10
		w++
	}
	return w
}

// appendDigits writes n digit by digit with the given glyphs.
func appendDigits(buf []byte, n int, digits *[10]string) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for _, d := range s {
		buf = append(buf, digits[d-'0']...)
	}
	return buf
}

// appendChineseCounting writes Word's chineseCounting: 十 for the tens
// below 100 (十, 十一, 二十), digit by digit from 100 on (一○○, 一○一).
func appendChineseCounting(buf []byte, n int) []byte {
	d := &cjkDigitsCircle
	switch {
	case n < 10:
		return append(buf, d[n]...)
	case n < 100:
		if n/10 > 1 {
			buf = append(buf, d[n/10]...)
		}
		buf = append(buf, "十"...)
		if n%10 != 0 {
			buf = append(buf, d[n%10]...)
		}
		return buf
	}
	return appendDigits(buf, n, d)
}

// appendGrouped writes n in a myriad-grouped system: digits with 十百千
// units, 万/亿 after each group of four, one zero glyph for each run of
// interior zeros (1010 → 一千〇一十, 100001 → 一十万〇一).
func appendGrouped(buf []byte, n int, g *grouping) []byte {
	if n == 0 {
		return append(buf, g.digits[0]...)
	}
	if n >= 1_0000_0000_0000 {
		return strconv.AppendInt(buf, int64(n), 10)
	}
	var digits [12 + 3]byte // room to read a whole group past the top digit
	top := 0
	for m := n; m > 0; m /= 10 {
		digits[top] = byte(m % 10)
		top++
	}
	started, pendingZero := false, false
	for p := top - 1; p >= 0; p-- {
		d := digits[p]
		if d == 0 {
			if started {
				pendingZero = true
			}
		} else {
			if pendingZero {
				buf = append(buf, g.zero...)
				pendingZero = false
			}
			// Only a number of two digits drops the 一 of 一十 (十一, but 一百一十, 一十万).
			if !(g.elideTeens && top == 2 && p == 1 && d == 1) {
				buf = append(buf, g.digits[d]...)
			}
			buf = append(buf, g.units[p%4]...)
			started = true
		}
		if p%4 == 0 && p > 0 && digits[p]|digits[p+1]|digits[p+2]|digits[p+3] != 0 {
			buf = append(buf, g.groups[p/4]...)
		}
	}
	return buf
}

var romanTable = []struct {
	v     int
	upper string
	lower string
}{
	{1000, "M", "m"}, {900, "CM", "cm"}, {500, "D", "d"}, {400, "CD", "cd"},
	{100, "C", "c"}, {90, "XC", "xc"}, {50, "L", "l"}, {40, "XL", "xl"},
	{10, "X", "x"}, {9, "IX", "ix"}, {5, "V", "v"}, {4, "IV", "iv"}, {1, "I", "i"},
}

func appendRoman(buf []byte, n int, lower bool) []byte {
	for _, r := range romanTable {
		for n >= r.v {
			if lower {
				buf = append(buf, r.lower...)
			} else {
				buf = append(buf, r.upper...)
			}
			n -= r.v
		}
	}
	return buf
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

var (
	englishOnes = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	englishTens = [...]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	// Ordinal forms of the words that end a number.
	englishOrdinal = map[string]string{
		"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
		"nine": "ninth", "twelve": "twelfth",
	}
)

// appendEnglish writes Word's cardinalText/ordinalText (One, Twenty-One,
// First, Twenty-First): words with the first letter capitalised.
func appendEnglish(buf []byte, n int, ordinal bool) []byte {
	var words []string
	if n >= 1000 {
		words = appendEnglishHundreds(words, n/1000)
		words = append(words, "thousand")
		n %= 1000
	}
	if n > 0 {
		words = appendEnglishHundreds(words, n)
	}
	s := strings.Join(words, " ")
	if ordinal {
		s = ordinalWords(s)
	}
	start := len(buf)
	buf = append(buf, s...)
	if len(buf) > start && buf[start] >= 'a' && buf[start] <= 'z' {
		buf[start] -= 'a' - 'A'
	}
	return buf
}

func appendEnglishHundreds(words []string, n int) []string {
	if n >= 100 {
		words = append(words, englishOnes[n/100], "hundred")
		n %= 100
	}
	switch {
	case n == 0:
	case n < 20:
		words = append(words, englishOnes[n])
	case n%10 == 0:
		words = append(words, englishTens[n/10])
	default:
		words = append(words, englishTens[n/10]+"-"+englishOnes[n%10])
	}
	return words
}

// ordinalWords turns the last word of a cardinal into its ordinal.
func ordinalWords(s string) string {
	i := strings.LastIndexAny(s, " -") + 1
	last := s[i:]
	if o, ok := englishOrdinal[last]; ok {
		return s[:i] + o
	}
	if strings.HasSuffix(last, "y") {
		return s[:i] + strings.TrimSuffix(last, "y") + "ieth"
	}
	return s + "th"
}
