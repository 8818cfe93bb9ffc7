package docx

import (
	"strconv"
	"strings"
)

// Symbol fonts store their characters in the private use area (U+F000 +
// the font's code). The check boxes and marks of score tables are mapped to
// Unicode; other codes are kept as the code point written.
var symbolFonts = map[string]map[rune]rune{
	"wingdings": {
		0x6F: '☐', 0x71: '☐', 0xA8: '☐', 0xFE: '☑', 0xFD: '☒', 0xFC: '✓', 0xFB: '✗',
		0x9F: '•', 0x6C: '●', 0x6E: '■', 0xD8: '➢', 0xA7: '▪', 0x76: '❖',
	},
	"wingdings 2": {
		0xA3: '☐', 0x52: '☑', 0x54: '☒', 0x53: '☒', 0x50: '✓', 0x4F: '✗', 0x51: '✗',
	},
	"symbol": {
		0xB4: '×', 0xB8: '÷', 0xB1: '±', 0xA3: '≤', 0xB3: '≥', 0xB9: '≠', 0xBB: '≈',
		0xD6: '√', 0xB0: '°', 0xAE: '→', 0xAC: '←', 0xB7: '•', 0xA5: '∞', 0xE5: '∑',
		0x2D: '−', 0xD7: '·',
		0x61: 'α', 0x62: 'β', 0x67: 'γ', 0x64: 'δ', 0x65: 'ε', 0x6C: 'λ', 0x6D: 'μ',
		0x70: 'π', 0x72: 'ρ', 0x73: 'σ', 0x74: 'τ', 0x66: 'φ', 0x77: 'ω', 0x44: 'Δ', 0x57: 'Ω',
	},
}

// symbol renders a w:sym (w:font, w:char hex code).
func symbol(font, code string) string {
	v, err := strconv.ParseUint(strings.TrimSpace(code), 16, 32)
	if err != nil || v == 0 {
		return ""
	}
	r := rune(v)
	low := r
	if r >= 0xF000 && r <= 0xF0FF {
		low = r - 0xF000
	}
	if m, ok := symbolFonts[strings.ToLower(strings.TrimSpace(font))]; ok {
		if u, ok := m[low]; ok {
			return string(u)
		}
	}
	return string(r)
}
