package grammar

import (
	"testing"
	"unicode/utf8"
)

func TestFoldKnownPairs(t *testing.T) {
	for _, p := range []string{"萬万", "億亿", "稅税", "經经", "費费", "達达", "營营", "額额", "託托", "預预", "執执", "績绩"} {
		rs := []rune(p)
		if got := FoldRune(rs[0]); got != rs[1] {
			t.Errorf("FoldRune(%c) = %c, want %c", rs[0], got, rs[1])
		}
	}
	for _, r := range "万亿税经费达营额托一是的年" {
		if got := FoldRune(r); got != r {
			t.Errorf("FoldRune(%c) = %c, want it kept", r, got)
		}
	}
}

func TestFoldTable(t *testing.T) {
	for i, p := range foldPairs {
		if p.from == p.to {
			t.Errorf("%c maps to itself", p.from)
		}
		if utf8.RuneLen(p.from) != utf8.RuneLen(p.to) {
			t.Errorf("%c → %c changes the UTF-8 length", p.from, p.to)
		}
		if i > 0 && foldPairs[i-1].from >= p.from {
			t.Errorf("foldPairs not sorted at %c", p.from)
		}
		if !IsTraditional(p.from) {
			t.Errorf("IsTraditional(%c) = false", p.from)
		}
	}
	if len(foldPairs) < 2000 {
		t.Errorf("%d pairs; OpenCC's t2s has thousands", len(foldPairs))
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"稅收達51.78億":  "税收达51.78亿",
		"經費12萬":      "经费12万",
		"plain text": "plain text",
		"":           "",
		"\xff萬\xe4":  "\xff万\xe4",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		if got := string(FoldRunes([]rune(in))); got != want && utf8.ValidString(in) {
			t.Errorf("FoldRunes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldAstral(t *testing.T) {
	for _, p := range foldPairs {
		if p.from < 0x10000 {
			continue
		}
		s := "前" + string(p.from) + "後"
		if got, want := Fold(s), "前"+string(p.to)+"后"; got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		return
	}
	t.Skip("no astral pair")
}

func BenchmarkFold(b *testing.B) {
	s := "2021年度社区长者食堂补助项目绩效评价报告，项目预算资金120万元，实际支出118.5万元。"
	for b.Loop() {
		Fold(s)
	}
}

// TestFoldNumeralString: 參 stays the financial 3 where Fold makes it 参,
// other traditional characters fold as Fold folds them, byte for byte.
func TestFoldNumeralString(t *testing.T) {
	for _, c := range []struct{ in, fold, numerals string }{
		{"參、評價結論", "参、评价结论", "參、评价结论"},
		{"壹佰貳拾參萬", "壹佰贰拾参万", "壹佰贰拾參万"},
		{"参加", "参加", "参加"},
		{"no traditional", "no traditional", "no traditional"},
	} {
		if got := Fold(c.in); got != c.fold {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.fold)
		}
		if got := FoldNumeralString(c.in); got != c.numerals {
			t.Errorf("FoldNumeralString(%q) = %q, want %q", c.in, got, c.numerals)
		}
	}
}
