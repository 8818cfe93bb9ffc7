package extract

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/schema/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestOutline extracts each testdata/outline/*.txt document (in the
// doctest line syntax) and compares its outline with the .golden file
// beside it.
func TestOutline(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "outline", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			x := Extract(doctest.Parse(in, string(src)))
			var got bytes.Buffer
			if err := WriteOutline(&got, x, OutlineOptions{Positions: true}); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("outline of %s differs from %s:\n--- got\n%s\n--- want\n%s", in, golden, got.Bytes(), want)
			}
		})
	}
}

// FuzzExtract checks that no input makes Extract panic or lose blocks:
// the reports cover the body from its first block to its last, in order.
func FuzzExtract(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "outline", "*.txt"))
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := doctest.Parse("fuzz", src)
		x := Extract(doc)
		if len(x.Reports) == 0 {
			t.Fatal("no report")
		}
		next := 0
		for _, r := range x.Reports {
			if r.FirstBlock != next || r.EndBlock < r.FirstBlock {
				t.Fatalf("report %d covers [%d, %d), want to start at %d", r.No, r.FirstBlock, r.EndBlock, next)
			}
			next = r.EndBlock
		}
		if next != len(doc.Body) {
			t.Fatalf("reports end at block %d of %d", next, len(doc.Body))
		}
	})
}

func TestNestedTables(t *testing.T) {
	doc := &model.Document{Tables: []model.Table{
		{No: 1}, {No: 2, ParentTable: 1}, {No: 3}, {No: 4, ParentTable: 2}, {No: 5, ParentTable: 3},
	}}
	got := nestedTables(doc)
	if fmt.Sprint(got[1]) != "[2 4]" || fmt.Sprint(got[3]) != "[5]" || len(got) != 2 {
		t.Errorf("nestedTables = %v, want map[1:[2 4] 3:[5]]", got)
	}
}
