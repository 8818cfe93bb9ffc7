package sniff

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/govreports/govreports/corpus"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func head(data []byte) []byte { return data[:min(len(data), HeadSize)] }

func TestDetectHeads(t *testing.T) {
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String(strings.Repeat("项目支出绩效评价报告，", 30))
	utf8Text := strings.Repeat("项目支出绩效评价报告，", 30)
	junk := make([]byte, 512)
	for i := range junk {
		junk[i] = byte(i * 7 % 256)
	}
	tests := []struct {
		name, head string
		want       Kind
	}{
		{"empty.txt", "", TXT},
		{"empty.docx", "", TXT},
		{"a.txt", "附件6：\n项目名称", TXT},
		{"a.docx", "附件6：\n项目名称", TXT},         // text named .docx
		{"a.txt", utf8Text[:HeadSize-1], TXT}, // a character cut at the end
		{"a.txt", gbk[:HeadSize-1], TXT},      // GB18030, cut too
		{"a.txt", "\xff\xfe\xe9\x7e\x48\x65", TXT},
		{"a.txt", "\xfe\xff\x7e\xe9\x65\x48", TXT},
		{"a.txt", "a\x00b\x00c\x00\r\x00\n\x00d\x00", TXT}, // UTF-16LE without BOM
		{"a.txt", string(junk), Binary},
		{"a.doc", string(junk), DOC}, // unknown content: the name decides
		{"a.xyz", string(junk), Binary},
		{"a.html", string(junk), Binary},
		{"a.txt", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", DOC},
		{"a.wps", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", WPS},
		{"a.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", XLS},
		{"a.et", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", XLS},   // Kingsoft spreadsheet: Excel's binary format
		{"a.docx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", DOC}, // a .doc renamed
		{"a.doc", "%PDF-1.7\n%\xe2\xe3", PDF},
		{"a.doc", "{\\rtf1\\ansi\\ansicpg936", RTF},
		{"a.doc", "\xef\xbb\xbf\r\n  <!DOCTYPE HTML PUBLIC", HTML},
		{"a.txt", "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", HTML},
		{"a.doc", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=", MHT},
		{"a.doc", "From: <Saved by Windows Internet Explorer 8>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;", MHT},
		{"a.doc", "<!-- saved from url=(0014)about:internet -->\r\n<html>", HTML},
		{"a.shtml", "<head>\n<meta charset=\"gb2312\">", HTML},
		{"a.txt", "<p>项目名称</p>", HTML},
		{"a.txt", "<项目名称>", TXT},
		{"a.mhtml", "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://x.gov.cn/" + strings.Repeat("a", 600), MHT},
		{"a.txt", "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://x.gov.cn/" + strings.Repeat("a", 600), TXT},
		{"a.doc", "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Word.Document\"?>", XML},
		{"a.txt", "\x89PNG\r\n\x1a\n\x00\x00", Image},
		{"a.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF", Image},
		{"a.txt", "Rar!\x1a\x07\x00", RAR},
		{"a.txt", "PK\x05\x06" + strings.Repeat("\x00", 18), ZIP},
		{"a.docx", "PK\x05\x06" + strings.Repeat("\x00", 18), DOCX}, // members unseen: trust the name
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q, %.20q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

// makeZip builds a zip archive with the named members, each holding its
// value.
func makeZip(t *testing.T, members ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(members); i += 2 {
		f, err := w.Create(members[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(members[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDetectBytes(t *testing.T) {
	sample := corpus.RenderingsDir()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	copyAs := func(src, name string) string {
		data, err := os.ReadFile(filepath.Join(sample, src))
		if err != nil {
			t.Fatal(err)
		}
		return write(name, data)
	}
	const ctXLSX = `<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
	tests := []struct {
		path string
		want Kind
	}{
		{filepath.Join(sample, "2020-xihu-services.txt"), TXT},
		{filepath.Join(sample, "2020-xihu-services.gbk.txt"), TXT},
		{filepath.Join(sample, "2020-xihu-services.utf16.txt"), TXT},
		{filepath.Join(sample, "2020-xihu-services.docx"), DOCX},
		{filepath.Join(sample, "2020-xihu-services.lo.docx"), DOCX},
		{filepath.Join(sample, "2020-xihu-services.plain.docx"), DOCX},
		{filepath.Join(sample, "2020-xihu-services.doc"), DOC},
		{copyAs("2020-xihu-services.docx", "renamed.txt"), DOCX},
		{copyAs("2020-xihu-services.lo.docx", "renamed-lo.txt"), DOCX},
		{copyAs("2020-xihu-services.doc", "renamed-doc.txt"), DOC},
		{copyAs("2020-xihu-services.gbk.txt", "text.docx"), TXT},
		{copyAs("2020-xihu-services.utf16.txt", "text.doc"), TXT},
		{write("sheet.docx", makeZip(t, "[Content_Types].xml", ctXLSX, "xl/workbook.xml", "<workbook/>")), XLSX},
		{write("slides.txt", makeZip(t, "ppt/presentation.xml", "<p/>")), PPTX},
		{write("photos.docx", makeZip(t, "a.jpg", "\xff\xd8\xff")), ZIP},
		{write("text.odt", makeZip(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")), ODT},
		{write("broken.docx", []byte("PK\x03\x04 not really a zip")), DOCX}, // for the docx reader to report
		{write("empty.txt", nil), TXT},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectBytes(tt.path, data); got != tt.want {
			t.Errorf("DetectBytes(%s) = %q, want %q", filepath.Base(tt.path), got, tt.want)
		}
	}
}

// TestDetectRealDocx checks every real .docx of the external corpus
// (alternate_document_path.docx, with its main part elsewhere, among
// them), by head alone under a .txt name and by DetectBytes.
func TestDetectRealDocx(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx", "*.docx"))
	if len(files) == 0 {
		t.Skip("no external docx files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect("renamed.txt", head(data)); got != DOCX {
			t.Errorf("%s as .txt: %q", filepath.Base(f), got)
		}
		if got := DetectBytes(f, data); got != DOCX {
			t.Errorf("DetectBytes(%s) = %q", filepath.Base(f), got)
		}
	}
}

func TestByNameAndLabels(t *testing.T) {
	tests := []struct {
		name  string
		kind  Kind
		label string
	}{
		{"a/报告.TXT", TXT, "plain text"},
		{"报告.docx", DOCX, "Word .docx"},
		{"报告.doc", DOC, "legacy Word .doc"},
		{"报告.wps", WPS, "WPS Writer .wps"},
		{"报告.pdf", PDF, "PDF"},
		{"表.xlsx", XLSX, "Excel .xlsx"},
		{"表.xls", XLS, "legacy Excel .xls"},
		{"演示.pptx", PPTX, "PowerPoint .pptx"},
		{"演示.ppt", PPT, "legacy PowerPoint .ppt"},
		{"报告.rtf", RTF, "RTF document"},
		{"页.htm", HTML, "HTML page"},
		{"报告.odt", ODT, "OpenDocument text .odt"},
		{"图.JPG", Image, "image"},
		{"报告", Unknown, "unknown format"},
	}
	for _, tt := range tests {
		k := ByName(tt.name)
		if k != tt.kind || k.Describe() != tt.label {
			t.Errorf("ByName(%q) = %q (%q), want %q (%q)", tt.name, k, k.Describe(), tt.kind, tt.label)
		}
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("a.txt", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"))
	f.Add("a.docx", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	f.Add("a.doc", []byte("\xef\xbb\xbf<html>"))
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		if k := Detect(name, head); k == Unknown {
			t.Errorf("Detect(%q, %q) = Unknown", name, head)
		}
	})
}

// TestGuessUTF16ByUnits: Chinese in UTF-16 without a BOM and with few
// NULs is told by its code units in either byte order; the same text in
// UTF-8 or GB18030, and ASCII, is not taken for UTF-16.
func TestGuessUTF16ByUnits(t *testing.T) {
	text := strings.Repeat("二、评价结论：该项目绩效评价等级为“良”，得分86.5分。", 100)
	units := utf16.Encode([]rune(text))
	var le, be []byte
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		ok, le bool
	}{
		{"utf-16le", le, true, true},
		{"utf-16be", be, true, false},
		{"utf-8", []byte(text), false, false},
		{"gb18030", []byte(gb), false, false},
		{"gb18030, odd start", []byte(gb)[1:], false, false},
		{"ascii", []byte(strings.Repeat("Performance evaluation report, 2020.\n", 100)), false, false},
	} {
		gotLE, ok := GuessUTF16(tc.data)
		if ok != tc.ok || ok && gotLE != tc.le {
			t.Errorf("%s: GuessUTF16 = %v, %v; want %v, %v", tc.name, gotLE, ok, tc.le, tc.ok)
		}
	}
}
