package grammar

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text read by OCR from a scan carries the misreadings of its engine:
// letters for the digits they resemble inside numbers (42O.00, 9l.6), a
// space between every two Chinese characters (项 目 名 称, 万 元), and the
// full-width comma as a thousands separator (1，560). OCRDigits and
// OCRSpacing undo them, so that every extractor reads the clean text.

// OCRDigits returns s with the letters O, l and I, and the stroke 丨, read
// as the digits 0 and 1 where they stand in a number: in a run of digits,
// letters and decimal points that holds a digit and touches no other
// Latin letter (ISO9001 and CO2 stay as written). s itself when there is
// nothing to mend.
func OCRDigits(s string) string {
	if !strings.ContainsAny(s, "OlI丨") || !strings.ContainsAny(s, "0123456789") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 0; i < len(rs); {
		if !numberish(rs[i]) {
			i++
			continue
		}
		j := i
		digits, misread := false, false
		for j < len(rs) && numberish(rs[j]) {
			if isDigit(rs[j]) {
				digits = true
			} else if rs[j] != '.' {
				misread = true
			}
			j++
		}
		if digits && misread && !latinAt(rs, i-1) && !latinAt(rs, j) {
			for k := i; k < j; k++ {
				switch rs[k] {
				case 'O':
					rs[k], changed = '0', true
				case 'l', 'I':
					rs[k], changed = '1', true
				case '丨':
					// A table rule glued to a number is no digit:
					// only a stroke between two digits is one.
					if k > i && k+1 < j && isDigit(rs[k-1]) && isDigit(rs[k+1]) {
						rs[k], changed = '1', true
					}
				}
			}
		}
		i = j
	}
	if !changed {
		return s
	}
	return string(rs)
}

func numberish(r rune) bool {
	return isDigit(r) || r == '.' || r == 'O' || r == 'l' || r == 'I' || r == '丨'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func latinAt(rs []rune, i int) bool {
	if i < 0 || i >= len(rs) {
		return false
	}
	r := rs[i]
	return r < utf8.RuneSelf && unicode.IsLetter(r)
}

// OCRSpaced reports whether s shows OCR's spacing: a run of at least
// three Chinese characters standing one to a word (绩 效 自 评). A title
// spaced for looks shows it too, so a caller counts the lines that do.
func OCRSpaced(s string) bool {
	n := 0
	for s != "" {
		w := s
		if i := strings.IndexByte(s, ' '); i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		r, size := utf8.DecodeRuneInString(w)
		if size == len(w) && isHan(r) {
			if n++; n >= 3 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// OCRSpacing returns s without the single spaces OCR puts between Chinese
// characters, and with the full-width comma between a digit and three
// more read as a thousands separator. A space goes only where a character
// beside it stands alone (项 目, 1,498.38万 元, 2016 年 度): the space
// between two words of several characters (主管部门 财政局) stays, as do
// runs of spaces, which part a table's columns. It is for text known to
// come from OCR (OCRSpaced): prose elsewhere keeps its spaces.
func OCRSpacing(s string) string {
	if !strings.Contains(s, " ") && !strings.Contains(s, "，") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	changed := false
	for i, r := range rs {
		switch {
		case r == ' ' && i > 0 && i+1 < len(rs) && rs[i-1] != ' ' && rs[i+1] != ' ' && spacedPair(rs, i):
			changed = true
			continue
		case r == '，' && i > 0 && isDigit(rs[i-1]) && thousands(rs, i+1):
			r, changed = ',', true
		}
		out = append(out, r)
	}
	if !changed {
		return s
	}
	return string(out)
}

// spacedPair reports whether the space at rs[i] parts two characters OCR
// spaced: both Chinese (or CJK punctuation), or a digit and a Chinese
// character, with a Chinese one standing alone.
func spacedPair(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i+1]
	aHan, bHan := joinable(a), joinable(b)
	if !(aHan && bHan || aHan && isDigit(b) || isDigit(a) && bHan) {
		return false
	}
	aLone := isHan(a) && (i-2 < 0 || !isHan(rs[i-2]))
	bLone := isHan(b) && (i+2 >= len(rs) || !isHan(rs[i+2]))
	return aLone || bLone
}

// thousands reports whether rs[i:] starts with exactly three digits.
func thousands(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(rs[k]) {
			return false
		}
	}
	return i+3 == len(rs) || !isDigit(rs[i+3])
}

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) }

// joinable tells a Chinese character or CJK punctuation (、，：).
func joinable(r rune) bool {
	return isHan(r) || r > 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff5e
}
