package grammar

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for _, c := range []struct{ in, folded, squashed string }{
		{"项目名称", "项目名称", "项目名称"},
		{"項目 名稱：某某", "项目 名称：某某", "项目名称：某某"},
		{"目\u3000\u3000錄", "目\u3000\u3000录", "目录"},
		{"", "", ""},
	} {
		x := NewText(c.in)
		if x.Orig != c.in || x.Folded != c.folded || x.Squashed != c.squashed {
			t.Errorf("NewText(%q) = %q, %q; want %q, %q", c.in, x.Folded, x.Squashed, c.folded, c.squashed)
		}
	}
	x := NewText("預算  數（萬元）：120")
	i := strings.Index(x.Squashed, "预算数")
	if got := x.OrigSpan(i, i+len("预算数")); got != "預算  數" {
		t.Errorf("OrigSpan of 预算数 = %q, want %q", got, "預算  數")
	}
	j := strings.Index(x.Squashed, "：")
	if got := x.Orig[x.OrigOffset(j)+len("："):]; got != "120" {
		t.Errorf("text after the colon = %q, want 120", got)
	}
}

func TestTextOffsets(t *testing.T) {
	for _, in := range []string{"  項 目  名稱 ", "姓\u3000\u3000名：张 三", "abc", " a", "a ", ""} {
		x := NewText(in)
		// Every rune of Squashed maps back onto the same rune of Orig, folded.
		for i, r := range x.Squashed {
			o := x.OrigOffset(i)
			if got := FoldRune([]rune(x.Orig[o:])[0]); got != r {
				t.Errorf("NewText(%q): Squashed[%d] %c maps to %c", in, i, r, got)
			}
		}
		if x.OrigOffset(len(x.Squashed)) != len(in) {
			t.Errorf("NewText(%q): the end maps to %d", in, x.OrigOffset(len(x.Squashed)))
		}
	}
}

func TestFirstSpace(t *testing.T) {
	for in, want := range map[string]int{"": -1, "项目": -1, "a b": 1, "项\u3000目": 3, "项\u00a0": 3, "\t": 0, "项目\n": 6, "一\u2003二": 3, "《》": -1} {
		if got := firstSpace(in); got != want {
			t.Errorf("firstSpace(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestIndexAny(t *testing.T) {
	const ends = "。；;！？!?\n"
	for _, c := range []struct {
		s, chars string
		want     int
	}{
		{"", ends, -1},
		{"项目资金", ends, -1},
		{"项目资金。实际", ends, 12},
		{"资金;支出。", ends, 6},
		{"abc\n", ends, 3},
		{"一、二", "、", 3},
		{"预算：120", "：:", 6},
		{"预算:120：", "：:", 6},
		{"委托第三方", "托託请請", 3},
		{"无", "", -1},
		// Invalid UTF-8: the bytes of 。 cut short match nothing; whole
		// after them, they do.
		{"\xe3\x80。", ends, 2},
		{"\xe3\x80", ends, -1},
		{"a\xffb", "\uFFFD", 1}, // RuneError in chars matches an invalid byte
		{"\xef\xbc", "！？", -1},
	} {
		got := IndexAny(c.s, c.chars)
		if got != c.want {
			t.Errorf("IndexAny(%q, %q) = %d, want %d", c.s, c.chars, got, c.want)
		}
		if std := strings.IndexAny(c.s, c.chars); got != std {
			t.Errorf("IndexAny(%q, %q) = %d, strings.IndexAny says %d", c.s, c.chars, got, std)
		}
	}
}

func BenchmarkIndexAny(b *testing.B) {
	s := strings.Repeat("2021年度社区长者食堂补助项目绩效评价报告，项目预算资金120万元", 20) + "。"
	for b.Loop() {
		IndexAny(s, "。；;！？!?\n")
	}
}

func BenchmarkNewText(b *testing.B) {
	s := "2021年度社区长者食堂补助项目绩效评价报告，项目预算资金120万元，实际支出118.5万元。"
	for b.Loop() {
		NewText(s)
	}
}
