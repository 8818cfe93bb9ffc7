package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/golden"
)

// renderingFree clears what differs between renderings of one report:
// the file, block indexes and offsets (a .docx has blank paragraphs and
// markers that a .txt has not), how headings were recognised, and the
// grid column of figures in cells (a .txt flattening loses column spans).
func renderingFree(in *inspection) {
	in.File, in.Format, in.Encoding, in.Warnings = "", "", "", nil
	for i := range in.Reports {
		r := &in.Reports[i]
		r.FirstBlock, r.EndBlock = 0, 0
		for j := range r.Sections {
			r.Sections[j].Block, r.Sections[j].Via = 0, ""
		}
		for j := range r.Tables {
			r.Tables[j].Block = 0
		}
		for j := range r.Policies {
			r.Policies[j].Block, r.Policies[j].Offset = 0, 0
		}
		for j := range r.Orgs {
			r.Orgs[j].Block = 0
		}
		for j := range r.Figures {
			r.Figures[j].Place.Block, r.Figures[j].Place.Offset, r.Figures[j].Place.Col = 0, 0, 0
		}
		for j := range r.Dates {
			r.Dates[j].Place.Block, r.Dates[j].Place.Offset, r.Dates[j].Place.Col = 0, 0, 0
		}
	}
}

// TestInspectSample checks that every rendering of the sample report
// (.txt in three encodings, .docx from three producers) yields the same
// reports, compared with testdata/sample.golden.json.
func TestInspectSample(t *testing.T) {
	file := filepath.Join("testdata", "sample.golden.json")
	paths := corpus.Renderings(t)
	for i, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var out, errs bytes.Buffer
			if err := runInspect(context.Background(), []string{"--json", path}, &out, &errs); err != nil {
				t.Fatalf("inspect --json %s: %v\n%s", path, err, errs.String())
			}
			var in inspection
			if err := json.Unmarshal(out.Bytes(), &in); err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			renderingFree(&in)
			got, err := json.MarshalIndent(&in, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if i == 0 {
				golden.Check(t, file, got)
				return
			}
			// The other renderings must yield what the first wrote.
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", path, file, golden.Diff(want, got))
			}
		})
	}
}

// TestInspectUsage checks the command line: one file.
func TestInspectUsage(t *testing.T) {
	var out, errs bytes.Buffer
	err := runInspect(context.Background(), nil, &out, &errs)
	var ue usageError
	if !errors.As(err, &ue) {
		t.Errorf("no FILE: err = %v, want a usage error", err)
	}
	err = runInspect(context.Background(), []string{filepath.Join(t.TempDir(), "missing.txt")}, &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: err = %v, want one naming the file", err)
	}
}
