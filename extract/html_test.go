package extract

import (
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/htmlgen"
	"github.com/govreports/govreports/ingest/html"
)

// TestSampleHTMLExpected checks the hand-written expectation of the sample
// (testdata/sample.tsv) on the sample rendered as a web page by
// corpus/htmlgen from its .docx and its .txt, bare and inside a site's
// chrome, and read back by the HTML reader.
func TestSampleHTMLExpected(t *testing.T) {
	e := readExpectation(t, filepath.Join("testdata", "sample.tsv"))
	for _, name := range []string{"2020-xihu-services.docx", "2020-xihu-services.txt"} {
		src := readSample(t, corpus.Rendering(name))
		for _, chrome := range []bool{false, true} {
			label := name + "/bare"
			if chrome {
				label = name + "/chrome"
			}
			t.Run(label, func(t *testing.T) {
				page := htmlgen.Render(src, htmlgen.Page{Title: "2020年度现代服务业专项经费项目支出绩效评价报告_政务公开_某某区人民政府", Chrome: chrome})
				doc, err := html.ReadBytes(name+".html", page)
				if err != nil {
					t.Fatal(err)
				}
				e.check(t, Extract(doc))
			})
		}
	}
}
