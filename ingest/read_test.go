package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
)

// bodyText flattens a document's body the way a reader sees it: each
// paragraph with its generated marker in front, each table row by row, a
// vertically merged cell in every row it covers; whitespace removed, so
// that a line break and a paragraph break count alike.
func bodyText(d *model.Document) string {
	var b strings.Builder
	for _, blk := range d.Body {
		if blk.Kind == model.KindParagraph {
			b.WriteString(blk.Para.Marker)
			b.WriteString(blk.Para.Text)
			continue
		}
		t := &d.Tables[blk.TableNo-1]
		for r := range t.Rows {
			var last *model.Cell
			for c := range t.Cols {
				if cell := t.Cell(r, c); cell != nil && cell != last {
					b.WriteString(cell.Text)
					last = cell
				}
			}
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, b.String())
}

// readFile reads the file at path with the default readers.
func readTestFile(path string) (*model.Document, error) {
	data, err := readLimited(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return DefaultRegistry().Read(context.Background(), path, data)
}

func TestEveryRenderingOfTheSampleReadsAlike(t *testing.T) {
	want, err := readTestFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	wantText := bodyText(want)
	if strings.Contains(wantText, "bookmark") {
		t.Fatal("the [bookmark: _GoBack] artefact is in the text")
	}
	for _, path := range corpus.Renderings(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc, err := readTestFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := bodyText(doc)
			if got != wantText {
				g, w := []rune(got), []rune(wantText)
				i := 0
				for i < len(g) && i < len(w) && g[i] == w[i] {
					i++
				}
				t.Errorf("body differs from the shipped sample at character %d:\n got …%s…\nwant …%s…",
					i, string(g[max(0, i-20):min(len(g), i+40)]), string(w[max(0, i-20):min(len(w), i+40)]))
			}
			if len(doc.Tables) != 6 {
				t.Errorf("%d tables, want 6", len(doc.Tables))
			}
		})
	}
}

func TestReadDecidesByContent(t *testing.T) {
	ctx := context.Background()
	sample, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	// Text named .docx is read as text, with a warning.
	doc, err := DefaultRegistry().Read(ctx, "misnamed.docx", sample)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != model.FormatTXT || len(doc.Warnings) == 0 {
		t.Errorf("format %q warnings %q", doc.Format, doc.Warnings)
	}
	// A zip that is no Word document is an archive: Read names its
	// members, which a run reads as documents of their own.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("hi"))
	zw.Close()
	_, err = DefaultRegistry().Read(ctx, "archive.zip", buf.Bytes())
	if err == nil || err.Error() != "archive.zip: a zip archive of 1 member, a document of its own (archive.zip!/hello.txt): ingest reads it, name it to inspect it" {
		t.Errorf("zip: %v", err)
	}
	// A presentation renamed .txt is skipped as what it is.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	w, _ = zw.Create("[Content_Types].xml")
	w.Write([]byte(`<Types><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>`))
	w, _ = zw.Create("ppt/presentation.xml")
	w.Write([]byte("<presentation/>"))
	zw.Close()
	_, err = DefaultRegistry().Read(ctx, "slides.txt", buf.Bytes())
	var ue *UnsupportedError
	if !errors.As(err, &ue) || ue.Format() != "pptx" {
		t.Errorf("pptx named .txt: %v", err)
	}
	// A spreadsheet renamed .txt is read as one, with a warning.
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "项目名称")
	buf.Reset()
	f.Write(&buf)
	f.Close()
	doc, err = DefaultRegistry().Read(ctx, "budget.txt", buf.Bytes())
	if err != nil || doc.Format != "xlsx" || len(doc.Warnings) == 0 {
		t.Errorf("xlsx named .txt: %v", err)
	}
	_, err = DefaultRegistry().Read(ctx, "reports.7z", []byte("7z\xbc\xaf\x27\x1c\x00\x04"))
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "7-Zip") {
		t.Errorf("7z: %v", err)
	}
	_, err = DefaultRegistry().Read(ctx, "empty.txt", nil)
	if err == nil || errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("empty: %v", err)
	}
	// A truncated .docx fails with a reason, never a panic.
	docx, err := os.ReadFile(corpus.Rendering("2020-xihu-services.docx"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = DefaultRegistry().Read(ctx, "cut.docx", docx[:len(docx)/2])
	if err == nil || errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "cut.docx") {
		t.Errorf("truncated docx: %v", err)
	}
}

// TestReadLegacyWordByContent reads the sample's .doc named .docx, and
// named .wps: it is read as a .doc (Kingsoft's .wps is Word's binary
// format, and sniff calls an OLE file named .wps WPS), with a warning for
// the misleading name.
func TestReadLegacyWordByContent(t *testing.T) {
	sofficetest.New(t, soffice.DOCX)
	reg := DefaultRegistry()
	defer reg.Close()
	data, err := os.ReadFile(corpus.Rendering("2020-xihu-services.doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, format string
		warned       bool
	}{
		{"misnamed.docx", "doc", true},
		{"report.wps", "wps", false},
		{"report.doc", "doc", false},
	} {
		doc, err := reg.Read(context.Background(), c.name, data)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if doc.Format != c.format || (len(doc.Warnings) > 0) != c.warned || len(doc.Body) < 100 {
			t.Errorf("%s: format %q, warnings %q, %d blocks; want %s, warned %v", c.name, doc.Format, doc.Warnings, len(doc.Body), c.format, c.warned)
		}
	}
}
