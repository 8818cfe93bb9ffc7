package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/docxgen"
	"github.com/govreports/govreports/ingest/model"
)

// zipOf packs members into a zip archive.
func zipOf(t *testing.T, members map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range members {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBadInput(t *testing.T) {
	good, err := docxgen.Doc{Body: docxgen.P("好")}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	deep := `<w:document ` + w + `><w:body><w:p>` + strings.Repeat("<w:hyperlink>", 5000) + strings.Repeat("</w:hyperlink>", 5000) + `</w:p></w:body></w:document>`
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
		`<w:document ` + w + `><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`
	external := `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
		`<w:document ` + w + `><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`
	cases := []struct {
		name string
		data []byte
		want string // in the error text, after the file name
	}{
		{"empty", nil, "not a zip archive"},
		{"text", []byte("项目支出绩效评价报告"), "not a zip archive"},
		{"truncated", good[:len(good)/2], "not a zip archive"},
		{"no-main-part", zipOf(t, map[string]string{"hello.txt": "hi"}), "no main document part"},
		{"xlsx-like", zipOf(t, map[string]string{"word/document.xml": `<worksheet xmlns="urn:x"><sheetData/></worksheet>`}), "no w:body"},
		{"broken-xml", zipOf(t, map[string]string{"word/document.xml": `<w:document ` + w + `><w:body><w:p>`}), "word/document.xml"},
		{"deep-xml", zipOf(t, map[string]string{"word/document.xml": deep}), "more than 256 levels of nesting (limit --max-depth)"},
		{"entity-expansion", zipOf(t, map[string]string{"word/document.xml": laughs}), "entity"},
		{"external-entity", zipOf(t, map[string]string{"word/document.xml": external}), "entity"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ReadBytes(c.name+".docx", c.data)
			if err == nil {
				t.Fatalf("read without error: %q", bodyText(doc))
			}
			var de *Error
			if !errors.As(err, &de) || de.Path != c.name+".docx" {
				t.Errorf("error %v does not name the file", err)
			}
			if !strings.HasPrefix(err.Error(), "docx: "+c.name+".docx: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to name the file and say %q", err, c.want)
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "无此文件.docx")
	_, err := Read(name)
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), name) {
		t.Errorf("Read(%s) = %v, want a not-exist error naming the file", name, err)
	}
}

// TestZipBomb checks that a part inflating beyond the limit is refused
// rather than read into memory: a few hundred KiB of zip that would
// inflate to more than 256 MiB.
func TestZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 257 MiB stream")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
	zeros := bytes.Repeat([]byte("0"), 1<<20)
	for i := 0; i < int(model.DefaultLimits().MaxPartBytes>>20)+1; i++ {
		w.Write(zeros)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = ReadBytes("bomb.docx", buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("got %v, want the size limit refused", err)
	}
}

// A table that declares a grid far wider than Word makes is cut to
// model.MaxGridCols, with a warning, rather than indexed at its declared size.
func TestHugeGridIsBounded(t *testing.T) {
	var row strings.Builder
	row.WriteString("<w:tr>")
	for range 5 {
		row.WriteString(`<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr>` + docxgen.P("宽") + `</w:tc>`)
	}
	row.WriteString("</w:tr>")
	data, err := docxgen.Doc{Body: "<w:tbl>" + strings.Repeat(row.String(), 3) + "</w:tbl>"}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadBytes("wide.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	tb := doc.Tables[0]
	if tb.Cols > model.MaxGridCols || tb.Rows != 3 || len(tb.Cells) != 3 {
		t.Errorf("table %dx%d with %d cells, want 3 rows, at most %d columns, a cell a row", tb.Rows, tb.Cols, len(tb.Cells), model.MaxGridCols)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0], "grid columns") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}
