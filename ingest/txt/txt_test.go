package txt

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/model"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// sampleRenderings are the shipped text renderings of the sample report
// (corpus/renderings), with the encoding each must be detected as.
var sampleRenderings = []struct{ file, encoding string }{
	{"2020-xihu-services.txt", model.EncodingUTF8},
	{"2020-xihu-services.gbk.txt", model.EncodingGB18030},
	{"2020-xihu-services.utf16.txt", model.EncodingUTF16LE},
}

func readSample(t *testing.T, file string) *model.Document {
	t.Helper()
	doc, err := Read(corpus.Rendering(file))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSampleRenderingsAgree reads the three encodings of the sample and
// compares them block by block: only Encoding and Path may differ.
func TestSampleRenderingsAgree(t *testing.T) {
	var docs []*model.Document
	for _, r := range sampleRenderings {
		doc := readSample(t, r.file)
		if doc.Encoding != r.encoding {
			t.Errorf("%s: encoding %q, want %q", r.file, doc.Encoding, r.encoding)
		}
		if len(doc.Warnings) > 0 {
			t.Errorf("%s: warnings %q", r.file, doc.Warnings)
		}
		if doc.Format != model.FormatTXT {
			t.Errorf("%s: format %q", r.file, doc.Format)
		}
		docs = append(docs, doc)
	}
	want := docs[0]
	for i, got := range docs[1:] {
		name := sampleRenderings[i+1].file
		if len(got.Body) != len(want.Body) {
			t.Errorf("%s: %d blocks, utf-8 rendering has %d", name, len(got.Body), len(want.Body))
		}
		for b := range min(len(got.Body), len(want.Body)) {
			if !reflect.DeepEqual(got.Body[b], want.Body[b]) {
				t.Errorf("%s: block %d = %+v, want %+v", name, b, got.Body[b], want.Body[b])
			}
		}
		if !reflect.DeepEqual(got.Tables, want.Tables) {
			t.Errorf("%s: tables differ from the utf-8 rendering", name)
		}
	}
}

// TestSampleShipped checks that the sample of corpus/sample reads like its
// UTF-8 rendering.
func TestSampleShipped(t *testing.T) {
	shipped, err := Read(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	shared := readSample(t, sampleRenderings[0].file)
	if !reflect.DeepEqual(shipped.Body, shared.Body) || !reflect.DeepEqual(shipped.Tables, shared.Tables) {
		t.Error("corpus/sample differs from its UTF-8 rendering")
	}
}

func cellText(t *testing.T, tab *model.Table, row, col int) string {
	t.Helper()
	c := tab.Cell(row, col)
	if c == nil {
		t.Fatalf("table %d: no cell at (%d,%d)", tab.No, row, col)
	}
	return c.Text
}

func TestSampleTables(t *testing.T) {
	doc := readSample(t, sampleRenderings[0].file)
	if len(doc.Tables) != 6 {
		t.Fatalf("%d tables, want 6", len(doc.Tables))
	}
	var refs []int
	for _, b := range doc.Body {
		if b.Kind == model.KindTable {
			refs = append(refs, b.TableNo)
			if tab := doc.Tables[b.TableNo-1]; tab.Pos != b.Pos {
				t.Errorf("table %d: block at %+v, table at %+v", b.TableNo, b.Pos, tab.Pos)
			}
		}
	}
	if !reflect.DeepEqual(refs, []int{1, 2, 3, 4, 5, 6}) {
		t.Errorf("table blocks refer to %v", refs)
	}

	// The funds tables: header and one row.
	amounts := [][2]string{{"72.4万", "72.4万"}, {"18万", "18万"}, {"27万", "26.58万"}}
	for i, want := range amounts {
		tab := &doc.Tables[i]
		if tab.No != i+1 || tab.Rows != 2 || tab.Cols != 5 {
			t.Errorf("table %d: No %d, %d×%d, want 2×5", i+1, tab.No, tab.Rows, tab.Cols)
			continue
		}
		if got := cellText(t, tab, 0, 2); got != "项目资金安排" {
			t.Errorf("table %d (0,2) = %q", i+1, got)
		}
		if got := [2]string{cellText(t, tab, 1, 2), cellText(t, tab, 1, 3)}; got != want {
			t.Errorf("table %d amounts %q, want %q", i+1, got, want)
		}
		if got := cellText(t, tab, 1, 4); got != "" {
			t.Errorf("table %d (1,4) = %q, want empty", i+1, got)
		}
	}
	if tab := &doc.Tables[0]; tab.Pos.Line != 40 || tab.Pos.EndLine != 50 {
		t.Errorf("table 1 at lines %d-%d, want 40-50", tab.Pos.Line, tab.Pos.EndLine)
	}

	// The evaluator tables.
	people := [][]string{{"张磊", "赵凯", "勒月影"}, {"张磊", "赵凯", "娄堃"}, {"张磊", "张磊（女）", "魏慧玲"}}
	for i, names := range people {
		tab := &doc.Tables[3+i]
		if tab.Rows != 14 || tab.Cols != 4 {
			t.Errorf("table %d: %d×%d, want 14×4", tab.No, tab.Rows, tab.Cols)
			continue
		}
		title := tab.Cell(0, 3)
		if title == nil || title.Col != 0 || title.ColSpan != 4 || !strings.HasSuffix(title.Text, "项目绩效评价人员") {
			t.Errorf("table %d: title cell %+v, want one cell spanning 4 columns", tab.No, title)
		}
		var header []string
		for c := range 4 {
			header = append(header, cellText(t, tab, 1, c))
		}
		if want := []string{"姓  名", "单  位", "职称/职务", "签  名"}; !reflect.DeepEqual(header, want) {
			t.Errorf("table %d header %q, want %q", tab.No, header, want)
		}
		for r, name := range names {
			if got := cellText(t, tab, 2+r, 0); got != name {
				t.Errorf("table %d row %d name %q, want %q", tab.No, 2+r, got, name)
			}
			if got := cellText(t, tab, 2+r, 1); got != "南昌市西湖区现代服务业发展局" {
				t.Errorf("table %d row %d org %q", tab.No, 2+r, got)
			}
		}
		leader := tab.Cell(12, 0)
		if leader == nil || leader.Text != "评价组组长\n(签名):" || len(leader.Paras) != 2 {
			t.Errorf("table %d: leader cell %+v", tab.No, leader)
		}
		if date := tab.Cell(12, 3); date == nil || date.Col != 2 || date.ColSpan != 2 || date.Text != "2021年06月25日" {
			t.Errorf("table %d: date cell %+v, want (12,2) spanning 2", tab.No, date)
		}
		if got := cellText(t, tab, 13, 0); got != "中介机构\n（盖章）:" {
			t.Errorf("table %d last row label %q", tab.No, got)
		}
	}
	leader := doc.Tables[3].Cell(12, 0)
	if leader != nil && (leader.Pos.Line != 219 || leader.Pos.EndLine != 220) {
		t.Errorf("leader cell at lines %d-%d, want 219-220", leader.Pos.Line, leader.Pos.EndLine)
	}
}

// TestSampleLines checks every paragraph against the line it claims to
// come from, and that no bookmark marker survives.
func TestSampleLines(t *testing.T) {
	path := corpus.Rendering(sampleRenderings[0].file)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Split(string(raw), "\n")
	doc, err := Decode(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	paras := 0
	for _, b := range doc.Body {
		if b.Kind != model.KindParagraph {
			continue
		}
		paras++
		if b.Pos.Line < 1 || b.Pos.Line > len(src) || b.Pos.EndLine != b.Pos.Line {
			t.Fatalf("paragraph %q at lines %d-%d", b.Para.Text, b.Pos.Line, b.Pos.EndLine)
		}
		if line := src[b.Pos.Line-1]; !strings.Contains(line, b.Para.Text) {
			t.Errorf("paragraph %q not on line %d (%q)", b.Para.Text, b.Pos.Line, line)
		}
		if b.Para.Text != strings.TrimSpace(b.Para.Text) || b.Para.NumLevel != -1 {
			t.Errorf("paragraph %q: untrimmed or numbered", b.Para.Text)
		}
		if strings.Contains(b.Para.Text, "[bookmark") {
			t.Errorf("bookmark left in %q", b.Para.Text)
		}
	}
	if paras < 80 {
		t.Errorf("only %d paragraphs", paras)
	}
	first := doc.Body[:2]
	if first[0].Para.Text != "附件6：" || first[1].Para.Text != "现代服务业专项经费项目支出绩效评价报告" || first[1].Pos.Line != 2 {
		t.Errorf("first blocks %+v", first)
	}
	for _, tab := range doc.Tables {
		for _, c := range tab.Cells {
			if strings.Contains(c.Text, "[bookmark") {
				t.Errorf("bookmark left in cell %q", c.Text)
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, data := range [][]byte{nil, {}, []byte("\n\n\r\n"), []byte("\xef\xbb\xbf"), []byte("\xff\xfe")} {
		doc, err := Decode("empty.txt", data)
		if err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		if len(doc.Body) != 0 || len(doc.Tables) != 0 || len(doc.Warnings) != 0 {
			t.Errorf("%q: %+v, want an empty document", data, doc)
		}
	}
}

func TestEncodings(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("绩效评价㎡堃\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, encoding, text, warning string
	}{
		{"utf-8", "绩效评价\n", model.EncodingUTF8, "绩效评价", ""},
		{"utf-8 bom", "\xef\xbb\xbf绩效评价\n", model.EncodingUTF8BOM, "绩效评价", ""},
		{"utf-16le bom", "\xff\xfe\xe9\x7e\x48\x65", model.EncodingUTF16LE, "绩效", ""},
		{"utf-16be bom", "\xfe\xff\x7e\xe9\x65\x48", model.EncodingUTF16BE, "绩效", ""},
		{"utf-16le odd byte", "\xff\xfeA\x00B", model.EncodingUTF16LE, "A\ufffd", "1 byte undecodable as UTF-16LE, first at byte 4"},
		{"utf-16le lone surrogate", "\xff\xfe\x00\xd8A\x00", model.EncodingUTF16LE, "\ufffdA", "2 bytes undecodable as UTF-16LE, first at byte 2"},
		{"utf-16le pair", "\xff\xfe\x3d\xd8\x00\xdeA\x00", model.EncodingUTF16LE, "😀A", ""},
		{"gb18030", gb, model.EncodingGB18030, "绩效评价㎡堃", ""},
		{"gb18030 replacement char", "\x84\x31\xa4\x37\xbc\xa8", model.EncodingGB18030, "\ufffd绩", ""},
		{"gb18030 bad", "\xbc\xa8\xd0\xa7\xff", model.EncodingGB18030, "绩效\ufffd", "1 byte undecodable as GB18030, first at byte 4"},
		{"gb18030 euro", "\x80\xbc\xa8", model.EncodingGB18030, "€绩", ""},
		{"nul", "ab\x00cdefgh\x00ij", model.EncodingUTF8, "abcdefghij", "2 NUL characters removed, first at byte 2"},
		{"utf-16le without bom", "a\x00b\x00", model.EncodingUTF16LE, "ab", ""},
		{"genuine U+FFFD in utf-8", "\xef\xbf\xbd", model.EncodingUTF8, "\ufffd", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Decode(tt.name, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tt.encoding {
				t.Errorf("encoding %q, want %q", doc.Encoding, tt.encoding)
			}
			var text []string
			for _, b := range doc.Body {
				text = append(text, b.Para.Text)
			}
			if got := strings.Join(text, "\n"); got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
			warning := strings.Join(doc.Warnings, "; ")
			if warning != tt.warning {
				t.Errorf("warnings %q, want %q", warning, tt.warning)
			}
		})
	}
}

func TestLineEndings(t *testing.T) {
	for _, in := range []string{"a\nb\n\nc", "a\r\nb\r\n\r\nc", "a\rb\r\rc", "a\r\nb\n\rc"} {
		doc, _ := Decode("x", []byte(in))
		var got []string
		for _, b := range doc.Body {
			got = append(got, b.Para.Text+"@"+strconv.Itoa(b.Pos.Line))
		}
		if want := []string{"a@1", "b@2", "c@4"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Decode("big.txt", make([]byte, MaxSize+1))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
		t.Errorf("err = %v, want ErrTooLarge naming the file", err)
	}
}

func TestReadMissing(t *testing.T) {
	_, err := Read(filepath.Join(t.TempDir(), "missing.txt"))
	if err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("err = %v, want an error naming the file", err)
	}
}

func TestHugeLine(t *testing.T) {
	line := bytes.Repeat([]byte("绩效|"), 1<<20)
	doc, err := Decode("huge.txt", append(append([]byte("\t"), line...), "\n\t\n"...))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc)
}

// checkInvariants holds for every document Decode returns.
func checkInvariants(t *testing.T, doc *model.Document) {
	t.Helper()
	for i, b := range doc.Body {
		if b.Pos.Line < 1 || b.Pos.EndLine < b.Pos.Line {
			t.Fatalf("block %d at lines %d-%d", i, b.Pos.Line, b.Pos.EndLine)
		}
		switch b.Kind {
		case model.KindParagraph:
			if b.Para.Text == "" || !utf8.ValidString(b.Para.Text) || strings.ContainsAny(b.Para.Text, "\x00\r\n") {
				t.Fatalf("block %d: bad paragraph %q", i, b.Para.Text)
			}
		case model.KindTable:
			if b.TableNo < 1 || b.TableNo > len(doc.Tables) {
				t.Fatalf("block %d: table %d of %d", i, b.TableNo, len(doc.Tables))
			}
		}
	}
	for i, tab := range doc.Tables {
		if tab.No != i+1 || tab.Rows < 1 || tab.Cols < 1 {
			t.Fatalf("table %d: No %d, %d×%d", i+1, tab.No, tab.Rows, tab.Cols)
		}
		covered := make(map[[2]int]bool)
		for _, c := range tab.Cells {
			if c.RowSpan < 1 || c.ColSpan < 1 || c.Row+c.RowSpan > tab.Rows || c.Col+c.ColSpan > tab.Cols {
				t.Fatalf("table %d: cell %+v outside %d×%d", tab.No, c, tab.Rows, tab.Cols)
			}
			for r := c.Row; r < c.Row+c.RowSpan; r++ {
				for k := c.Col; k < c.Col+c.ColSpan; k++ {
					if covered[[2]int{r, k}] {
						t.Fatalf("table %d: (%d,%d) covered twice", tab.No, r, k)
					}
					covered[[2]int{r, k}] = true
				}
			}
			if !utf8.ValidString(c.Text) || strings.Contains(c.Text, "[bookmark: ") {
				t.Fatalf("table %d: bad cell text %q", tab.No, c.Text)
			}
		}
	}
}

func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("\t序号\n\t名称\n\n\t1\n续行\n\t\n\n\n正文"))
	f.Add([]byte("| a | b |\n|---|---|\n| 1 | 2 |\nx |\n|\n|||\n"))
	f.Add([]byte("标题,,,\n项目,\"1,200\",,\n\"两\n行\",甲,乙,\"\"\"丙\"\n,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode("fuzz.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, doc)
	})
}

func BenchmarkDecodeSample(b *testing.B) {
	for _, r := range sampleRenderings {
		b.Run(r.encoding, func(b *testing.B) {
			data, err := os.ReadFile(corpus.Rendering(r.file))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(r.file, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRowLikeLinesWithoutTable reads long runs of lines that look like
// rows but never make a table: each must become a paragraph, and each line
// be looked at a bounded number of times (a quadratic rescan would not
// finish).
func TestRowLikeLinesWithoutTable(t *testing.T) {
	const n = 50000
	for _, l := range []string{"单元格 |\n", "|---|---|\n", "| 单格 |\n", "甲,乙,丙\n", "甲,乙,\"丙\n"} {
		doc, err := Decode("rows.txt", []byte(strings.Repeat(l, n)))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, doc)
		if l == "| 单格 |\n" {
			// Outer pipes: one table of n one-cell rows.
			if len(doc.Tables) != 1 || doc.Tables[0].Rows != n {
				t.Errorf("%q: %d tables", l, len(doc.Tables))
			}
			continue
		}
		if len(doc.Body) != n || len(doc.Tables) != 0 {
			t.Errorf("%q: %d blocks, %d tables, want %d paragraphs", l, len(doc.Body), len(doc.Tables), n)
		}
	}
}

// A row of more cells than model.MaxGridCols is cut there, with a warning,
// as the docx reader cuts a hostile table; shorter rows span the grid.
func TestWideTableIsBounded(t *testing.T) {
	wide := "|" + strings.Repeat(" 格 |", model.MaxGridCols+500)
	doc, err := Decode("wide.txt", []byte(wide+"\n| 甲 | 乙 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables", len(doc.Tables))
	}
	tb := doc.Tables[0]
	if tb.Rows != 2 || tb.Cols != model.MaxGridCols || len(tb.Cells) != model.MaxGridCols+2 {
		t.Errorf("table %dx%d with %d cells", tb.Rows, tb.Cols, len(tb.Cells))
	}
	if c := tb.Cell(1, model.MaxGridCols-1); c == nil || c.Text != "乙" {
		t.Errorf("last cell of the short row: %+v", c)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "grid columns dropped") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}

// TestTextThatTurnsBinary: a file whose start is text and whose body is
// binary fails with the offset where the binary begins, in UTF-8 and in
// GB18030; text with undecodable bytes spread through it (another
// encoding) fails too. Neither is stored as ok with the junk read as text.
func TestTextThatTurnsBinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 16<<10)
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	start := strings.Repeat("一、项目概况\n本项目为西湖区公共服务绩效评价。\n", 200)
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(start)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"utf-8": start, "gb18030": gb} {
		data := append([]byte(text), junk...)
		_, err := Decode(name+".txt", data)
		if !errors.Is(err, ErrNotText) {
			t.Errorf("%s: %v, want ErrNotText", name, err)
			continue
		}
		m := regexp.MustCompile(`from byte (\d+) on`).FindStringSubmatch(err.Error())
		if m == nil || !strings.HasPrefix(err.Error(), "txt: "+name+".txt: ") {
			t.Errorf("%s: %q names no file or offset", name, err)
			continue
		}
		if at, _ := strconv.Atoi(m[1]); at < len(text) || at >= len(text)+binaryWindow {
			t.Errorf("%s: binary from byte %d, want within %d bytes of %d", name, at, binaryWindow, len(text))
		}
	}

	// One byte in 40 undecodable: too few per window to look binary,
	// too many to be stray.
	var spread []byte
	for len(spread) < 8<<10 {
		spread = append(spread, gb[:39]...)
		spread = append(spread, 0xff)
	}
	if _, err := Decode("spread.txt", spread); !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), "undecodable, the first at byte 39") {
		t.Errorf("undecodable bytes spread through: %v", err)
	}

	// A stray bad byte and a few control characters stay warnings.
	few := append([]byte(gb), 0xff, 0x01, 0x02)
	if doc, err := Decode("few.txt", few); err != nil || len(doc.Warnings) == 0 {
		t.Errorf("a stray byte: %v, warnings %v; want read with a warning", err, doc)
	}
}
