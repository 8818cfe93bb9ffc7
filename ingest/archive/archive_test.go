package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// unicodeExtra is an Info-ZIP Unicode Path field naming utf8 for the
// header name raw.
func unicodeExtra(raw, utf8 string) []byte {
	b := binary.LittleEndian.AppendUint16(nil, 0x7075)
	b = binary.LittleEndian.AppendUint16(b, uint16(5+len(utf8)))
	b = append(b, 1)
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE([]byte(raw)))
	return append(b, utf8...)
}

func TestMemberNames(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("评价报告/西湖区.txt")
	big5, _ := traditionalchinese.Big5.NewEncoder().String("報告.txt")
	headers := []*zip.FileHeader{
		{Name: "评价报告/"}, // a folder
		{Name: gbk, NonUTF8: true},
		{Name: "报告/2020.docx"}, // UTF-8, flagged by the writer
		{Name: big5, NonUTF8: true, Extra: unicodeExtra(big5, "報告.txt")},
		{Name: "旧.txt", Extra: unicodeExtra("新.txt", "新.txt")}, // renamed since: the field is stale
		{Name: `..\上级\a.txt`},
		{Name: "/根/b.txt"},
		{Name: "__MACOSX/报告/._2020.docx"},
		{Name: "报告/.DS_Store"},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, h := range headers {
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(h.Name, "/") {
			w.Write([]byte("x"))
		}
	}
	zw.Close()
	ms, err := Zip{}.Members(context.Background(), "a/档案.zip", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Path)
	}
	want := []string{
		"a/档案.zip!/评价报告/西湖区.txt",
		"a/档案.zip!/报告/2020.docx",
		"a/档案.zip!/報告.txt",
		"a/档案.zip!/旧.txt",
		"a/档案.zip!/上级/a.txt",
		"a/档案.zip!/根/b.txt",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("members:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSplit(t *testing.T) {
	for _, c := range []struct{ in, file, name string }{
		{"a/档案.zip!/目录/报告.docx", "a/档案.zip", "目录/报告.docx"},
		{"a/档案.zip!/b.zip!/c.txt", "a/档案.zip", "b.zip!/c.txt"},
		{"a/报告.docx", "", ""},
		{"a/档案.zip!/", "", ""},
		{"!/x", "", ""},
	} {
		file, name, ok := Split(c.in)
		if file != c.file || name != c.name || ok != (c.file != "") {
			t.Errorf("Split(%q) = %q, %q, %v; want %q, %q", c.in, file, name, ok, c.file, c.name)
		}
		if ok && Join(file, name) != c.in {
			t.Errorf("Join(Split(%q)) = %q", c.in, Join(file, name))
		}
	}
}
