package figures

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/model"
)

// testCase is one group of lines of testdata/cases.tsv: an input, its
// header, and every figure and date Find must return for it.
type testCase struct {
	line          int
	input, header string
	figs          []model.Figure
	dates         []model.Date
}

func readCases(t *testing.T, path string) []testCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []testCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			t.Fatalf("%s:%d: want at least input, header and raw, got %q", path, n, line)
		}
		for len(fields) < 10 {
			fields = append(fields, "")
		}
		if len(fields) > 10 {
			t.Fatalf("%s:%d: %d fields, want at most 10", path, n, len(fields))
		}
		in, hdr := fields[0], fields[1]
		if len(cases) == 0 || cases[len(cases)-1].input != in || cases[len(cases)-1].header != hdr {
			cases = append(cases, testCase{line: n, input: in, header: hdr})
		}
		c := &cases[len(cases)-1]
		switch {
		case fields[2] == "-":
		case fields[6] == "date":
			c.dates = append(c.dates, model.Date{Raw: fields[2], Date: fields[3]})
		default:
			c.figs = append(c.figs, model.Figure{Raw: fields[2], Value: fields[3], High: fields[4], Unit: fields[5],
				Kind: fields[6], Approx: fields[7], Label: fields[8], Flag: fields[9]})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func describe(f model.Figure) string {
	return fmt.Sprintf("raw=%q value=%s high=%s unit=%s kind=%s approx=%s label=%s flag=%s",
		f.Raw, f.Value, f.High, f.Unit, f.Kind, f.Approx, f.Label, f.Flag)
}

func TestCases(t *testing.T) {
	path := filepath.Join("testdata", "cases.tsv")
	cases := readCases(t, path)
	if len(cases) < 200 {
		t.Errorf("%d cases in %s, want at least 200", len(cases), path)
	}
	for _, c := range cases {
		figs, dates := Find(c.input, Context{Header: c.header})
		where := fmt.Sprintf("%s:%d: Find(%q, %q)", path, c.line, c.input, c.header)
		got := make([]string, len(figs))
		for i, f := range figs {
			f.Place = model.Place{}
			got[i] = describe(f)
		}
		want := make([]string, len(c.figs))
		for i, f := range c.figs {
			want[i] = describe(f)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s figures:\n got  %s\n want %s", where, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
		}
		var gd, wd []string
		for _, d := range dates {
			gd = append(gd, d.Raw+" "+d.Date)
		}
		for _, d := range c.dates {
			wd = append(wd, d.Raw+" "+d.Date)
		}
		if strings.Join(gd, "; ") != strings.Join(wd, "; ") {
			t.Errorf("%s dates: got %v, want %v", where, gd, wd)
		}
		checkOffsets(t, c.input, figs, dates)
	}
}

// checkOffsets asserts that each Raw is the text at its rune offset.
func checkOffsets(t *testing.T, text string, figs []model.Figure, dates []model.Date) {
	t.Helper()
	rs := []rune(text)
	at := func(raw string, off int) bool {
		n := utf8.RuneCountInString(raw)
		return off >= 0 && off+n <= len(rs) && string(rs[off:off+n]) == raw
	}
	for _, f := range figs {
		if !at(f.Raw, f.Place.Offset) {
			t.Errorf("in %q: figure %q is not at rune offset %d", text, f.Raw, f.Place.Offset)
		}
	}
	for _, d := range dates {
		if !at(d.Raw, d.Place.Offset) {
			t.Errorf("in %q: date %q is not at rune offset %d", text, d.Raw, d.Place.Offset)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"一万三", "13000"},
		{"壹拾贰万叁仟", "123000"},
		{"三点五", "3.5"},
		{"零点五", "0.5"},
		{"三百二十万", "3200000"},
		{"两千五百", "2500"},
		{"一万二千", "12000"},
		{"十", "10"},
		{"十一", "11"},
		{"一十一", "11"},
		{"一百一", "110"},
		{"一百零一", "101"},
		{"一千零一十", "1010"},
		{"一千零十", "1010"},
		{"二十万零一", "200001"},
		{"一亿零六百万", "106000000"},
		{"一亿零六百零五万零三百零七", "106050307"},
		{"万万", "100000000"},
		{"千万亿", "1000000000000000"},
		{"万亿", "1000000000000"},
		{"零", "0"},
		{"〇", "0"},
		{"二〇二〇", "2020"},
		{"一九九八", "1998"},
		{"一二三", "123"},
		{"负一百", "-100"},
		{"-3.5", "-3.5"},
		{"1,234.56", "1234.56"},
		{"１２３．５", "123.5"},
		{"72.4万", "724000"},
		{"13万2", "132000"},
		{"3千万", "30000000"},
		{"1.2万亿", "1200000000000"},
		{"三亿五", "350000000"},
		{"壹佰壹拾万贰仟陆佰壹拾肆", "1102614"},
		{"拾万", "100000"},
		{"萬", "10000"},
		{"貳億陸仟萬", "260000000"},
		{"兩百", "200"},
		{"0.000000000001", "0.000000000001"},
		{"一十一", "11"},
		{"一千一百一十一亿一千一百一十一万一千一百一十一", "111111111111"},
		{"壹仟壹佰壹拾壹亿壹仟壹佰壹拾壹万壹仟壹佰壹拾壹", "111111111111"},
		{"拾壹", "11"},
		{"一千零一十一", "1011"},
		{"一万零一百一十一", "10111"},
		{"一千零一万一千零一", "10011001"},
		{"一千零一亿一千零一万一千零一", "100110011001"},
		{"一千亿一千万一千零一", "100010001001"},
		{"零点零零零零零零零零零零零零零零一", "0.000000000000001"},
		{"十亿零一万零一", "1000010001"},
		{"拾亿零壹万零壹", "1000010001"},
		{"一一", "11"},
		{"壹壹壹壹", "1111"},
		{"一七二零点一三四", "1720.134"},
		{"点一", "0.1"},
		{"零点", "0"},
		{"零点零零", "0"},
		{"一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一", "1111111111111111"},
		{"壹拾壹元整", "11"},
		{"壹佰壹拾壹圆整", "111"},
		{"壹拾壹元正", "11"},
		{"壹拾壹元壹角", "11.1"},
		{"壹拾壹元壹角壹分", "11.11"},
		{"壹佰壹拾壹圆", "111"},
		{"一万零百一十一", "10111"},
		{"负零点一零", "-0.1"},
		{"负一七二零点一", "-1720.1"},
		{"十三万五", "135000"},
		{"两千六", "2600"},
		{"一百二十万三", "1203000"},
		{"兩千六", "2600"},
		{"100万三千", "1003000"},
		{"200亿零四千230", "20000004230"},
		{"一百点123", "100.123"},
		{"-10.1万", "-101000"},
		{"35.1亿", "3510000000"},
		{"廿二", "22"},
		{"三元", "3"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
	} {
		got, ok := ParseNumber(c.in)
		if !ok || got != c.want {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{"", "两三", "十三五", "7,00.0,77", "abc", "十几", "1.2.3", "百分之五", "零点点", "零点零大", "点", "一千千", "百十一", "十一十二", "负十一十二", "十七十八", "约3万元"} {
		if got, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) = %q, true; want not ok", in, got)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, c := range []struct{ raw, header, want string }{
		{"72.4万", "项目资金安排", "724000"},
		{"26.58万", "实际投入", "265800"},
		{"51.78亿元", "", "5178000000"},
		{"180000", "", "180000"},
		{"180", "年度预算数(万元)", "1800000"},
		{"180,000.00", "预算数", "180000"},
		{"人民币壹拾贰万叁仟元整", "", "123000"},
		{" 18万 ", "项目资金安排", "180000"},
	} {
		got, ok := Money(c.raw, c.header)
		if !ok || got != c.want {
			t.Errorf("Money(%q, %q) = %q, %v; want %q", c.raw, c.header, got, ok, c.want)
		}
	}
	for _, raw := range []string{"", "-", "—", "无", "50%", "7,00.0,77", "3人", "3-5万元"} {
		if got, ok := Money(raw, "金额"); ok {
			t.Errorf("Money(%q) = %q, true; want not ok", raw, got)
		}
	}
}

// sampleParagraphs returns each paragraph of the sample text with the
// header of the table column it stands in: the sample writes a table as one
// tab-prefixed line per cell and a blank line after each row, the first row
// being the header.
func sampleParagraphs(tb testing.TB) (texts, headers []string) {
	tb.Helper()
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		tb.Fatal(err)
	}
	var hdr []string
	inTable, firstRow, col := false, false, 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "\t") {
			if !inTable {
				inTable, firstRow, col, hdr = true, true, 0, nil
			}
			cell := strings.TrimPrefix(line, "\t")
			h := ""
			if firstRow {
				hdr = append(hdr, cell)
			} else if col < len(hdr) {
				h = hdr[col]
			}
			texts, headers = append(texts, cell), append(headers, h)
			col++
			continue
		}
		if line == "" && inTable {
			if col > 0 {
				firstRow = false
			}
			col = 0
			continue
		}
		inTable = false
		texts, headers = append(texts, line), append(headers, "")
	}
	return texts, headers
}

func TestSample(t *testing.T) {
	texts, headers := sampleParagraphs(t)
	type found struct {
		model.Figure
		para string
	}
	var all []found
	for i, text := range texts {
		figs, dates := Find(text, Context{Header: headers[i]})
		checkOffsets(t, text, figs, dates)
		for _, f := range figs {
			all = append(all, found{f, text})
			for _, bad := range []string{"2020", "[2020]", "3号", "06月", "25日"} {
				if strings.Contains(f.Raw, bad) {
					t.Errorf("figure %q in %q: a date or document number", f.Raw, text)
				}
			}
		}
	}
	want := []model.Figure{
		{Raw: "72.4万", Value: "724000", Unit: "元", Kind: "money", Label: "项目资金安排"},
		{Raw: "72.4万", Value: "724000", Unit: "元", Kind: "money", Label: "实际投入"},
		{Raw: "26.58万", Value: "265800", Unit: "元", Kind: "money", Label: "实际投入"},
		{Raw: "27万", Value: "270000", Unit: "元", Kind: "money", Label: "项目资金安排"},
		{Raw: "51.78亿元", Value: "5178000000", Unit: "元", Kind: "money", Label: "楼宇税收"},
		{Raw: "51.19%", Value: "51.19", Unit: "%", Kind: "percent", Label: "全区税收"},
		{Raw: "7.71亿", Value: "771000000", Unit: "元", Kind: "money", Label: "区级财政收入"},
		{Raw: "47.02%", Value: "47.02", Unit: "%", Kind: "percent", Label: "全区财政收入"},
		{Raw: "233万㎡", Value: "2330000", Unit: "㎡", Kind: "area", Label: "总面积"},
		{Raw: "4300余户", Value: "4300", Unit: "户", Kind: "count", Approx: "more", Label: "楼宇纳税企业"},
		{Raw: "983家", Value: "983", Unit: "家", Kind: "count", Label: "新增楼宇企业"},
		{Raw: "78栋", Value: "78", Unit: "栋", Kind: "count", Label: "商务楼宇"},
		{Raw: "5000㎡以上", Value: "5000", Unit: "㎡", Kind: "area", Approx: "atleast", Label: "商务楼宇"},
		{Raw: "100余家", Value: "100", Unit: "家", Kind: "count", Approx: "more"},
		{Raw: "77栋", Value: "77", Unit: "栋", Kind: "count"},
	}
	for _, w := range want {
		ok := false
		for _, g := range all {
			g.Place = model.Place{}
			if g.Raw == w.Raw && (w.Label == "" || g.Label == w.Label) {
				if w.Label == "" {
					g.Label = ""
				}
				if describe(g.Figure) == describe(w) {
					ok = true
					break
				}
			}
		}
		if !ok {
			var near []string
			for _, g := range all {
				if g.Raw == w.Raw {
					near = append(near, describe(g.Figure))
				}
			}
			t.Errorf("sample: no figure %s; found %v", describe(w), near)
		}
	}
	for _, g := range all {
		if g.Raw == "1" && strings.Contains(g.para, "序号") {
			t.Errorf("serial number reported as a figure")
		}
	}
}

func FuzzFind(f *testing.F) {
	texts, _ := sampleParagraphs(f)
	for _, t := range texts {
		if t != "" {
			f.Add(t, "")
		}
	}
	for _, s := range []string{"72.4万", "壹佰壹拾万贰仟陆佰壹拾肆元陆角", "7,00.0,77", "3-5万元", "2020年1-12月", "百分之三点五", "三分之一", "八九亿", "-5%", "〔2020〕", "一万点", "点五", "十几", "万万亿亿"} {
		f.Add(s, "年度预算数(万元)")
	}
	f.Fuzz(func(t *testing.T, text, header string) {
		figs, dates := Find(text, Context{Header: header})
		rs := []rune(text)
		for _, g := range figs {
			n := utf8.RuneCountInString(g.Raw)
			if g.Place.Offset < 0 || g.Place.Offset+n > len(rs) || string(rs[g.Place.Offset:g.Place.Offset+n]) != g.Raw {
				t.Fatalf("figure %q not at rune offset %d of %q", g.Raw, g.Place.Offset, text)
			}
			if g.Raw == "" {
				t.Fatalf("empty figure in %q", text)
			}
			for _, v := range []string{g.Value, g.High} {
				if v == "" {
					continue
				}
				if _, ok := new(big.Rat).SetString(v); !ok || strings.ContainsAny(v, "eE/") {
					t.Fatalf("figure %q: value %q is no finite decimal", g.Raw, v)
				}
			}
			if (g.Value == "") != (g.Flag == FlagMalformed) {
				t.Fatalf("figure %q: value %q with flag %q", g.Raw, g.Value, g.Flag)
			}
		}
		for _, d := range dates {
			n := utf8.RuneCountInString(d.Raw)
			if d.Place.Offset < 0 || d.Place.Offset+n > len(rs) || string(rs[d.Place.Offset:d.Place.Offset+n]) != d.Raw {
				t.Fatalf("date %q not at rune offset %d of %q", d.Raw, d.Place.Offset, text)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	texts, headers := sampleParagraphs(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			Find(t, Context{Header: headers[i]})
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"一万三", "壹拾贰万叁仟", "三点五", "1,234.56", "72.4万", "千万亿", "壹拾壹元壹角壹分", "负零点一零", "点一", "两三"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if !ok {
			return
		}
		if _, good := new(big.Rat).SetString(v); !good || strings.ContainsAny(v, "eE/") {
			t.Fatalf("ParseNumber(%q) = %q: no finite decimal", s, v)
		}
	})
}

// AppendFind adds a text's figures and dates after those already found,
// leaving those as they were, with offsets in the new text.
func TestAppendFind(t *testing.T) {
	figs, dates := Find("预算安排50万元。", Context{})
	figs, dates = AppendFind(figs, dates, "2021年3月5日支出30万元，完成率60%。", Context{})
	var got []string
	for _, f := range figs {
		got = append(got, fmt.Sprintf("%s=%s@%d", f.Raw, f.Value, f.Place.Offset))
	}
	for _, d := range dates {
		got = append(got, fmt.Sprintf("%s=%s@%d", d.Raw, d.Date, d.Place.Offset))
	}
	want := "50万元=500000@4 30万元=300000@11 60%=60@19 2021年3月5日=2021-03-05@0"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("AppendFind = %s\nwant %s", s, want)
	}
}
