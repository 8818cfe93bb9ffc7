package txt

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// A line over MaxLineBytes is cut while it is decoded into paragraphs of at
// most the limit, at character boundaries, all at the line it stood on;
// the lines and tables after it keep their line numbers.
func TestReadCutsLongLineAsDecoded(t *testing.T) {
	long := strings.Repeat("项目资金执行率百分之九十八。", 20) // 840 bytes in UTF-8
	text := "一、项目概况\r\n  " + long + "  \r\n二、绩效目标\r\n| 指标 | 分值 |\r\n| 产出 | 30 |\r\n"
	ctx := model.WithLimits(context.Background(), model.Limits{MaxLineBytes: 100})
	doc, err := Reader{}.Read(ctx, "long.txt", utf16LE(text))
	if err != nil {
		t.Fatal(err)
	}
	var pieces strings.Builder
	var lines []int
	for _, b := range doc.Body {
		if b.Kind != model.KindParagraph {
			lines = append(lines, -b.Pos.Line) // a table, by its first line
			continue
		}
		lines = append(lines, b.Pos.Line)
		if b.Pos.Line != 2 {
			continue
		}
		if len(b.Para.Text) > 100 || !utf8.ValidString(b.Para.Text) {
			t.Errorf("piece of %d bytes (valid %v), want at most 100 whole characters", len(b.Para.Text), utf8.ValidString(b.Para.Text))
		}
		pieces.WriteString(b.Para.Text)
	}
	if pieces.String() != long {
		t.Errorf("the pieces of line 2 hold %d bytes, want the line's %d without the spaces around it", pieces.Len(), len(long))
	}
	// 840 bytes in pieces of at most 99 (33 characters): 9 paragraphs.
	want := []int{1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, -4}
	if len(lines) != len(want) {
		t.Fatalf("blocks at lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("blocks at lines %v, want %v", lines, want)
		}
	}
	if tab := doc.Tables[0]; tab.Pos.Line != 4 || tab.Pos.EndLine != 5 || tab.Cells[3].Pos.Line != 5 || tab.Cells[3].Text != "30" {
		t.Errorf("table at lines %d-%d, last cell %q at line %d; want 4-5 and \"30\" at 5", tab.Pos.Line, tab.Pos.EndLine, tab.Cells[3].Text, tab.Cells[3].Pos.Line)
	}
}

// Decoding stops once the text passes MaxTextBytes, with the limit named,
// in every encoding, whether the text comes in many lines or one.
func TestReadStopsAtTextLimit(t *testing.T) {
	lines := strings.Repeat("本项目为西湖区公共服务绩效评价。\n", 200) // 9,800 bytes
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(lines)
	if err != nil {
		t.Fatal(err)
	}
	oneLine := strings.ReplaceAll(lines, "\n", "")
	ctx := model.WithLimits(context.Background(), model.Limits{MaxTextBytes: 3000})
	for name, data := range map[string][]byte{
		"utf8.txt":     []byte(lines),
		"oneline.txt":  []byte(oneLine),
		"gb18030.txt":  []byte(gb),
		"utf16le.txt":  utf16LE(lines),
		"crlf-one.txt": []byte(oneLine + "\r\n"),
	} {
		_, err := Reader{}.Read(ctx, name, data)
		var le *model.LimitError
		if !errors.As(err, &le) || le.Flag != "max-text-bytes" || le.Limit != 3000 || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v, want the text limit of 3000 bytes naming the file", name, err)
		}
	}
	// Within the limit, the same text is read.
	ctx = model.WithLimits(context.Background(), model.Limits{MaxTextBytes: 10_000})
	if doc, err := (Reader{}).Read(ctx, "gb18030.txt", []byte(gb)); err != nil || len(doc.Body) != 200 {
		t.Errorf("within the limit: %v, want 200 paragraphs", err)
	}
}

// A reader whose file was abandoned stops decoding.
func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Reader{}.Read(ctx, "a.txt", []byte(strings.Repeat("正文\r\n", 10_000)))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}
