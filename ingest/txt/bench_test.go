package txt

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/hostile"
)

// BenchmarkReadLarge reads the large .txt inputs of issue 13 at the
// default limits and reports, beside the bytes allocated, "live-MB": the
// heap the reader's result and leftovers hold after a collection, the
// input itself excluded. RELIABILITY.md records the numbers.
//
//	go test -tags sqlite_fts5 -run - -bench ReadLarge -benchtime 1x ./ingest/txt
func BenchmarkReadLarge(b *testing.B) {
	var oneLine, lines bytes.Buffer
	if err := hostile.LongLine(&oneLine, 200<<20); err != nil {
		b.Fatal(err)
	}
	// As bench/hostile writes lines-30mb.txt: 72,000 paragraphs, within
	// --max-blocks.
	para := strings.Repeat("本项目为西湖区公共服务绩效评价，项目资金执行情况良好，绩效目标基本完成。", 4) + "\n\n"
	lines.WriteString(strings.Repeat(para, (30<<20)/len(para)))
	crlf := append(oneLine.Bytes()[:60<<20:60<<20], "\r\n"...) // a CR: decoded a character at a time
	for _, in := range []struct {
		name string
		data []byte
	}{
		{"oneline-200mb", oneLine.Bytes()},
		{"oneline-60mb", oneLine.Bytes()[:60<<20]},
		{"oneline-60mb-crlf", crlf},
		{"lines-30mb", lines.Bytes()},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			var live uint64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				doc, err := Reader{}.Read(context.Background(), in.name+".txt", in.data)
				runtime.GC()
				runtime.ReadMemStats(&after)
				live = max(live, after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc))
				runtime.KeepAlive(doc)
				_ = err // over the text limit is an outcome here, not a failure
			}
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
		})
	}
}
