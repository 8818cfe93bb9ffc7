package grammar

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestMarkers reads the hand-written cases of testdata/markers.tsv.
func TestMarkers(t *testing.T) {
	f, err := os.Open("testdata/markers.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		in := cols[0]
		m, ok := ParseMarker(in)
		n++
		if len(cols) == 2 && cols[1] == "-" {
			if ok {
				t.Errorf("line %d: ParseMarker(%q) = %+v, want no marker", line, in, m)
			}
			continue
		}
		if len(cols) != 4 {
			t.Fatalf("line %d: %d columns", line, len(cols))
		}
		rank, _ := strconv.Atoi(cols[2])
		num, _ := strconv.Atoi(cols[3])
		if !ok || m.Family != cols[1] || m.Rank != rank || m.Number != num {
			t.Errorf("line %d: ParseMarker(%q) = %+v, %v; want %s rank %d number %d", line, in, m, ok, cols[1], rank, num)
		}
		if ok && (m.Len <= 0 || m.Len > len(in)) {
			t.Errorf("line %d: ParseMarker(%q).Len = %d", line, in, m.Len)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Errorf("%d cases read", n)
	}
}

func TestMarkerLen(t *testing.T) {
	for in, want := range map[string]string{
		"（一）项目背景": "（一）",
		"1.项目":    "1.",
		"1.1项目概况": "1.1",
		"第一部分：概况": "第一部分",
		"①人员经费":   "①",
		"1 项目概况":  "1 ",
	} {
		m, ok := ParseMarker(in)
		if !ok || in[:m.Len] != want {
			t.Errorf("ParseMarker(%q) marks %q, want %q", in, in[:m.Len], want)
		}
	}
}

func TestFamilies(t *testing.T) {
	for name, want := range map[string]struct {
		rank     int
		listLike bool
	}{"cn-dun": {4, false}, "cn-paren": {5, false}, "arabic-dot": {6, true}, "arabic-half": {7, true}, "circled": {8, true}, "dotted-3": {0, true}, "style-1": {0, false}} {
		if r, l := FamilyRank(name), ListLike(name); r != want.rank || l != want.listLike {
			t.Errorf("%s: rank %d, list-like %v; want %d, %v", name, r, l, want.rank, want.listLike)
		}
	}
}

func TestAnchoredStarts(t *testing.T) {
	for _, c := range []struct {
		expr     string
		yes, no  string // runes a match may and may not begin with
		anyStart bool
	}{
		{`^第\s*(一|[0-9])\s*章`, "第", "一1（", false},
		{`^([0-9０-９]{1,2})\s*[.．、]`, "09０９", "a一（", false},
		{`^[（(]\s*([0-9]{1,2})\s*[）)]`, "（(", "1）", false},
		{`^(?:ab|[c-e]x)`, "acde", "bfx", false},
		{`^\s*1`, "", "", true},           // may begin with a space or 1
		{`^(?:1)?2`, "", "", true},        // with 1 or 2: not read
		{`1\.`, "", "", true},             // not anchored: a match may begin anywhere
		{`^(?i)a`, "", "", true},          // a or A
		{`^(?:[0-9]+|x*)y`, "", "", true}, // one branch may be empty
	} {
		st := anchoredStarts(regexp.MustCompile(c.expr))
		if st.any != c.anyStart {
			t.Errorf("anchoredStarts(%s).any = %v, want %v", c.expr, st.any, c.anyStart)
		}
		for _, r := range c.yes {
			if !st.has(r) {
				t.Errorf("anchoredStarts(%s) does not have %c", c.expr, r)
			}
		}
		for _, r := range c.no {
			if st.has(r) {
				t.Errorf("anchoredStarts(%s) has %c", c.expr, r)
			}
		}
	}
	// Each family begins as its pattern says.
	for k, f := range families {
		if familyStarts[k].any {
			t.Errorf("family %s: the runes its matches begin with are not read", f.name)
		}
	}
	if st := familyStarts[0]; !st.has('第') || st.has('一') {
		t.Errorf("family %s begins with %q, want 第 only", families[0].name, string(st.ranges))
	}
}
