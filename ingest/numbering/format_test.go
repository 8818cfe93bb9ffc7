package numbering

import "testing"

// Expected renderings follow ECMA-376 §17.18.59 and, where the standard is
// silent, Word's output as recorded by Open-XML-PowerTools'
// ListItemTextGetter_zh_CN: chineseCounting is positional from 100 with
// ○ (U+25CB), chineseCountingThousand groups with 〇 (U+3007).
func TestFormat(t *testing.T) {
	tests := []struct {
		fmt  string
		n    int
		want string
	}{
		{"decimal", 1, "1"},
		{"decimal", 120, "120"},
		{"decimal", -3, "-3"},
		{"decimalHalfWidth", 7, "7"},
		{"decimalZero", 3, "03"},
		{"decimalZero", 12, "12"},
		{"decimalFullWidth", 12, "１２"},
		{"decimalFullWidth2", 30, "３０"},
		{"unknownFormat", 5, "5"},
		{"none", 5, ""},
		{"bullet", 5, ""},

		{"chineseCounting", 0, "○"},
		{"chineseCounting", 1, "一"},
		{"chineseCounting", 9, "九"},
		{"chineseCounting", 10, "十"},
		{"chineseCounting", 11, "十一"},
		{"chineseCounting", 19, "十九"},
		{"chineseCounting", 20, "二十"},
		{"chineseCounting", 21, "二十一"},
		{"chineseCounting", 99, "九十九"},
		{"chineseCounting", 100, "一○○"},
		{"chineseCounting", 101, "一○一"},
		{"chineseCounting", 110, "一一○"},
		{"chineseCounting", 123, "一二三"},
		{"chineseCounting", 1000, "一○○○"},

		{"chineseCountingThousand", 1, "一"},
		{"chineseCountingThousand", 10, "十"},
		{"chineseCountingThousand", 11, "十一"},
		{"chineseCountingThousand", 20, "二十"},
		{"chineseCountingThousand", 99, "九十九"},
		{"chineseCountingThousand", 100, "一百"},
		{"chineseCountingThousand", 101, "一百〇一"},
		{"chineseCountingThousand", 110, "一百一十"},
		{"chineseCountingThousand", 111, "一百一十一"},
		{"chineseCountingThousand", 1000, "一千"},
		{"chineseCountingThousand", 1001, "一千〇一"},
		{"chineseCountingThousand", 1010, "一千〇一十"},
		{"chineseCountingThousand", 1101, "一千一百〇一"},
		{"chineseCountingThousand", 1234, "一千二百三十四"},
		{"chineseCountingThousand", 10000, "一万"},
		{"chineseCountingThousand", 10010, "一万〇一十"},
		{"chineseCountingThousand", 12345, "一万二千三百四十五"},
		{"chineseCountingThousand", 100000, "一十万"},
		{"chineseCountingThousand", 100101, "一十万〇一百〇一"},
		{"chineseCountingThousand", 100010000, "一亿〇一万"},

		{"chineseLegalSimplified", 1, "壹"},
		{"chineseLegalSimplified", 3, "叁"},
		{"chineseLegalSimplified", 10, "壹拾"},
		{"chineseLegalSimplified", 11, "壹拾壹"},
		{"chineseLegalSimplified", 20, "贰拾"},
		{"chineseLegalSimplified", 101, "壹佰零壹"},
		{"chineseLegalSimplified", 1000, "壹仟"},
		{"ideographLegalTraditional", 2, "貳"},
		{"ideographLegalTraditional", 10000, "壹萬"},

		{"ideographTraditional", 1, "甲"},
		{"ideographTraditional", 10, "癸"},
		{"ideographTraditional", 11, "11"},
		{"ideographZodiac", 1, "子"},
		{"ideographZodiac", 12, "亥"},
		{"ideographZodiac", 13, "13"},
		{"ideographZodiacTraditional", 1, "甲子"},
		{"ideographZodiacTraditional", 11, "甲戌"},
		{"ideographZodiacTraditional", 60, "癸亥"},
		{"ideographZodiacTraditional", 61, "61"},
		{"ideographDigital", 105, "一〇五"},
		{"taiwaneseCounting", 12, "十二"},
		{"taiwaneseCountingThousand", 10001, "一萬〇一"},
		{"taiwaneseDigital", 20, "二○"},
		{"ideographEnclosedCircle", 1, "㈠"},
		{"ideographEnclosedCircle", 10, "㈩"},
		{"ideographEnclosedCircle", 11, "11"},

		{"decimalEnclosedCircle", 1, "①"},
		{"decimalEnclosedCircle", 10, "⑩"},
		{"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "21"},
		{"decimalEnclosedCircle", 0, "0"},
		{"decimalEnclosedCircleChinese", 3, "③"},
		{"decimalEnclosedParen", 1, "⑴"},
		{"decimalEnclosedParen", 20, "⒇"},
		{"decimalEnclosedParen", 21, "21"},
		{"decimalEnclosedFullstop", 1, "⒈"},
		{"decimalEnclosedFullstop", 20, "⒛"},
		{"decimalEnclosedFullstop", 21, "21"},

		{"upperRoman", 1, "I"},
		{"upperRoman", 4, "IV"},
		{"upperRoman", 14, "XIV"},
		{"upperRoman", 1994, "MCMXCIV"},
		{"lowerRoman", 9, "ix"},
		{"lowerRoman", 0, "0"},
		{"upperLetter", 1, "A"},
		{"upperLetter", 26, "Z"},
		{"upperLetter", 27, "AA"},
		{"upperLetter", 28, "BB"},
		{"upperLetter", 53, "AAA"},
		{"lowerLetter", 2, "b"},
		{"lowerLetter", 1 << 20, "1048576"}, // too long as letters

		{"ordinal", 1, "1st"},
		{"ordinal", 2, "2nd"},
		{"ordinal", 3, "3rd"},
		{"ordinal", 4, "4th"},
		{"ordinal", 11, "11th"},
		{"ordinal", 12, "12th"},
		{"ordinal", 13, "13th"},
		{"ordinal", 21, "21st"},
		{"ordinal", 102, "102nd"},
		{"cardinalText", 1, "One"},
		{"cardinalText", 13, "Thirteen"},
		{"cardinalText", 21, "Twenty-one"},
		{"cardinalText", 100, "One hundred"},
		{"cardinalText", 1002, "One thousand two"},
		{"ordinalText", 1, "First"},
		{"ordinalText", 2, "Second"},
		{"ordinalText", 12, "Twelfth"},
		{"ordinalText", 20, "Twentieth"},
		{"ordinalText", 23, "Twenty-third"},
		{"ordinalText", 40, "Fortieth"},
		{"hex", 255, "FF"},
		{"numberInDash", 3, "- 3 -"},
	}
	for _, tt := range tests {
		if got := Format(tt.fmt, tt.n); got != tt.want {
			t.Errorf("Format(%q, %d) = %q, want %q", tt.fmt, tt.n, got, tt.want)
		}
	}
}

func TestPaddedWidth(t *testing.T) {
	for format, want := range map[string]int{
		"01, 02, 03, ...":       2,
		"001, 002, 003, ...":    3,
		"0001, 0002, 0003, ...": 4,
		"1, 2, 3, ...":          0,
		"一, 二, 三, ...":          0,
		"":                      0,
	} {
		if got := paddedWidth(format); got != want {
			t.Errorf("paddedWidth(%q) = %d, want %d", format, got, want)
		}
	}
}
