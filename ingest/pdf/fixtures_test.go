package pdf_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/docxgen"
)

// need skips the test when a program it needs is not installed, unless
// CI is set (corpus.NeedPrograms).
func need(t testing.TB, progs ...string) {
	t.Helper()
	corpus.NeedPrograms(t, progs...)
}

// fixtures are made once per test binary, by the engines, in a folder of
// their own.
var fixtures struct {
	sync.Mutex
	dir  string
	made map[string]string
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "govreports-pdf-fixtures-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fixtures.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixture returns the file make writes into dir, making it on first use.
func fixture(t testing.TB, name string, make func(dir string) (string, error)) string {
	t.Helper()
	fixtures.Lock()
	defer fixtures.Unlock()
	if p, ok := fixtures.made[name]; ok {
		return p
	}
	dir := filepath.Join(fixtures.dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := make(dir)
	if err != nil {
		t.Fatalf("making %s: %v", name, err)
	}
	if fixtures.made == nil {
		fixtures.made = map[string]string{}
	}
	fixtures.made[name] = p
	return p
}

func command(dir string, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %v\n%s", name, err, out)
	}
	return nil
}

// toPDF converts a document to PDF with LibreOffice, with a profile of
// its own so that it does not collide with another soffice running.
func toPDF(dir, src string) (string, error) {
	if err := command(dir, "soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src); err != nil {
		return "", err
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".pdf")
	if _, err := os.Stat(out); err != nil {
		return "", fmt.Errorf("soffice wrote no %s", filepath.Base(out))
	}
	return out, nil
}

// samplePDF is the sample's .docx rendering printed to PDF.
func samplePDF(t testing.TB) string {
	need(t, "soffice")
	return fixture(t, "sample", func(dir string) (string, error) {
		return toPDF(dir, corpus.Rendering("2020-xihu-services.docx"))
	})
}

// scannedPDF is samplePDF rasterised at 200 dpi and put together again as
// an image-only PDF: a scan, no text layer.
func scannedPDF(t testing.TB) string {
	src := samplePDF(t)
	need(t, "pdftoppm", "img2pdf")
	return fixture(t, "scanned", func(dir string) (string, error) {
		if err := command(dir, "pdftoppm", "-r", "200", "-png", src, filepath.Join(dir, "page")); err != nil {
			return "", err
		}
		pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
		if len(pages) == 0 {
			return "", fmt.Errorf("pdftoppm made no pages")
		}
		out := filepath.Join(dir, "scanned.pdf")
		return out, command(dir, "img2pdf", append(pages, "-o", out)...)
	})
}

// pagedPDF is a document of several pages, the last one blank, with a
// running header and a footer "第 N 页 共 M 页", printed to PDF by
// LibreOffice.
func pagedPDF(t testing.TB) string {
	need(t, "soffice")
	return fixture(t, "paged", func(dir string) (string, error) {
		var body strings.Builder
		body.WriteString(docxgen.P("一、项目基本情况"))
		for i := range 20 {
			body.WriteString(docxgen.P(strings.Repeat(fmt.Sprintf("第%d段正文说明项目的实施情况与绩效目标的完成程度。", i+1), 6)))
		}
		body.WriteString(docxgen.P("二、评价结论"))
		// A last page with nothing but the header and footer: too
		// little text, and no image either, so no scan to OCR.
		body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p/>`)
		body.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdGen1"/><w:footerReference w:type="default" r:id="rIdGen2"/></w:sectPr>`)
		field := func(instr, shown string) string {
			return `<w:fldSimple w:instr="` + instr + `"><w:r><w:t>` + shown + `</w:t></w:r></w:fldSimple>`
		}
		doc := docxgen.Doc{
			Body:    body.String(),
			Headers: []string{docxgen.P("西湖区财政局绩效评价报告")},
			Footers: []string{`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>` + docxgen.R("第 ") + field("PAGE", "1") + docxgen.R(" 页 共 ") + field("NUMPAGES", "1") + docxgen.R(" 页") + `</w:p>`},
		}
		data, err := doc.Bytes()
		if err != nil {
			return "", err
		}
		src := filepath.Join(dir, "paged.docx")
		if err := os.WriteFile(src, data, 0o644); err != nil {
			return "", err
		}
		return toPDF(dir, src)
	})
}
