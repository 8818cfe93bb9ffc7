// Command hostile writes the full-size crafted inputs of issue 13 into a
// folder, for bench/hostile.sh to measure what ingest costs on each:
//
//	go run ./bench/hostile -o DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreports/govreports/corpus/hostile"
)

func main() {
	out := flag.String("o", "", "folder to write the inputs into")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: hostile -o DIR")
		os.Exit(2)
	}
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	docs := []struct {
		name string
		make func() ([]byte, error)
	}{
		{"paragraphs-4m.docx", func() ([]byte, error) { return hostile.Paragraphs(4_000_000) }},
		{"nested-80.docx", func() ([]byte, error) { return hostile.NestedTables(80, 20) }},
		{"altchunk-1000.docx", func() ([]byte, error) { return hostile.AltChunks(1000, 20_000) }},
		{"altchunk-1000-small.docx", func() ([]byte, error) { return hostile.AltChunks(1000, 10) }},
	}
	for _, d := range docs {
		data, err := d.make()
		if err != nil {
			return fmt.Errorf("%s: %w", d.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, d.name), data, 0o644); err != nil {
			return err
		}
	}
	for name, size := range map[string]int64{"oneline-200mb.txt": 200 << 20, "oneline-60mb.txt": 60 << 20} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := hostile.LongLine(f, size); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	// 30 MB of lines: within the text and block limits, read whole.
	if err := writeLines(filepath.Join(dir, "lines-30mb.txt"), 30<<20); err != nil {
		return err
	}
	// Over the 256 MiB cap: sparse, so that it costs no disk.
	f, err := os.Create(filepath.Join(dir, "over-cap-300mb.txt"))
	if err != nil {
		return err
	}
	if err := f.Truncate(300 << 20); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeLines writes a .txt of paragraphs of Chinese prose, each followed
// by a blank line, of about n bytes in all (30 MB: 72,000 paragraphs,
// within --max-blocks, so that the file is read and extracted whole).
func writeLines(path string, n int) error {
	para := strings.Repeat("本项目为西湖区公共服务绩效评价，项目资金执行情况良好，绩效目标基本完成。", 4) + "\n\n"
	return os.WriteFile(path, []byte(strings.Repeat(para, n/len(para))), 0o644)
}
