package docx

import (
	"os"
	"testing"
)

// BenchmarkReadSample reads the sample report's .docx renderings; MB/s is
// over the .docx file sizes.
func BenchmarkReadSample(b *testing.B) {
	paths := sampleDocx(b)
	var size int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			if _, err := Read(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
