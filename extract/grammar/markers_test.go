package grammar

import (
	"bufio"
	"os"
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
