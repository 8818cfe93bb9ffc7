package html_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/htmlgen"
	"github.com/govreports/govreports/ingest/html"
	"github.com/govreports/govreports/ingest/txt"
)

// BenchmarkRead reads pages as the pipeline's workers do (from memory):
// the two hand-written site pages and the sample report rendered as a
// page inside a site's chrome (three reports, 24 kB). MB/s is over the
// pages' sizes.
func BenchmarkRead(b *testing.B) {
	sample, err := txt.Read(corpus.Rendering("2020-xihu-services.txt"))
	if err != nil {
		b.Fatal(err)
	}
	pages := map[string][]byte{
		"sample": htmlgen.Render(sample, htmlgen.Page{Title: "2020年度现代服务业专项经费项目支出绩效评价报告_政务公开", Chrome: true}),
	}
	for _, name := range []string{"county-finance.html", "town-tables.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		pages[name] = data
	}
	for name, data := range pages {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := html.ReadBytes(name, data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}
