package office_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/office"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
)

// BenchmarkDoc reads 40 copies of the sample's .doc (each converted by
// LibreOffice, then read as .docx) with as many callers at once as
// pipeline workers would be, batched as the converter does, and one
// soffice per file for comparison. Run it with
//
//	go test -tags sqlite_fts5 -run '^$' -bench Doc -benchtime 1x ./ingest/office/
func BenchmarkDoc(b *testing.B) {
	sofficetest.New(b, soffice.DOCX)
	data, err := os.ReadFile(corpus.Rendering("2020-xihu-services.doc"))
	if err != nil {
		b.Fatal(err)
	}
	const files = 40
	for _, c := range []struct {
		name           string
		callers, batch int
	}{
		{"workers=2/batched", 2, 0},
		{"workers=16/batched", 16, 0},
		{"workers=2/one-soffice-per-file", 2, 1},
	} {
		b.Run(c.name, func(b *testing.B) {
			conv := soffice.New(soffice.Options{Batch: c.batch})
			defer conv.Close()
			r := office.New(conv)
			// LibreOffice makes its profile on first use: not timed.
			if _, err := r.Read(context.Background(), "warm.doc", data); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			start := time.Now()
			for range b.N {
				work := make(chan int, files)
				for i := range files {
					work <- i
				}
				close(work)
				var wg sync.WaitGroup
				for range c.callers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := range work {
							if _, err := r.Read(context.Background(), fmt.Sprintf("copy%d.doc", i), data); err != nil {
								b.Error(err)
							}
						}
					}()
				}
				wg.Wait()
			}
			b.ReportMetric(float64(files*b.N)/time.Since(start).Seconds(), "files/s")
		})
	}
}
