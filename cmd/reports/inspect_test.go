package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/golden"
	"github.com/govreports/govreports/schema"
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
			r.Sections[j].BlockNo, r.Sections[j].Via = 0, ""
		}
		for j := range r.Tables {
			r.Tables[j].BlockNo = 0
		}
		for j := range r.Policies {
			r.Policies[j].BlockNo, r.Policies[j].Offset = 0, 0
		}
		for j := range r.Orgs {
			r.Orgs[j].BlockNo = 0
		}
		for j := range r.Figures {
			r.Figures[j].BlockNo, r.Figures[j].Offset, r.Figures[j].Col = 0, 0, nil
		}
		for j := range r.Dates {
			r.Dates[j].BlockNo, r.Dates[j].Offset, r.Dates[j].Col = 0, 0, nil
		}
		r.ScoreBlockNo, r.ScoreOffset = nil, nil
		for j := range r.Findings {
			r.Findings[j].BlockNo = 0
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

// TestInspectSpeaksTheDatabase: inspect counted blocks from 0 and named
// fields as Go does (ProjectName); it now numbers and names as the
// database's views do, so that what inspect shows is found by SQL.
func TestInspectSpeaksTheDatabase(t *testing.T) {
	path := corpus.SamplePath()
	var out, errs bytes.Buffer
	if err := runInspect(context.Background(), []string{path, "--json"}, &out, &errs); err != nil {
		t.Fatalf("inspect --json: %v\n%s", err, &errs)
	}
	for _, goName := range []string{`"ProjectName"`, `"Block"`, `"FirstBlock"`} {
		if strings.Contains(out.String(), goName) {
			t.Errorf("inspect --json still has the Go name %s", goName)
		}
	}
	var got struct {
		Reports []map[string]any `json:"reports"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Reports) != 3 {
		t.Fatalf("%d reports, want 3", len(got.Reports))
	}
	r := got.Reports[0]
	for k, want := range map[string]any{
		"report_no":         1.0,
		"project_name":      "现代服务业专项经费",
		"implementing_unit": "南昌市西湖区现代服务业发展局",
		"evaluation_year":   2020.0,
		"report_date":       "2020-06-25",
		"first_block":       1.0,
	} {
		if r[k] != want {
			t.Errorf("report 1 %s = %#v, want %#v", k, r[k], want)
		}
	}
	funds := r["funds"].([]any)
	if f := funds[0].(map[string]any); f["budget_yuan"] != 724000.0 || f["actual_yuan"] != 724000.0 {
		t.Errorf("report 1 fund: %v, want budget_yuan and actual_yuan 724000", f)
	}
	sec := r["sections"].([]any)[0].(map[string]any)
	if sec["ordinal"] != 1.0 || sec["parent_ordinal"] != nil || sec["marker"] != "一、" {
		t.Errorf("report 1 section 1: %v", sec)
	}

	// The block numbers are the database's: ingest the same file and ask
	// v_sections where each report's first heading stands.
	db, err := schema.OpenReadOnly(sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, r := range got.Reports {
		var blockNo, firstBlock float64
		err := db.QueryRow(`SELECT s.block_no, r.first_block FROM sections s JOIN reports r USING (report_id)
			WHERE r.report_no = ? AND s.ordinal = 1`, i+1).Scan(&blockNo, &firstBlock)
		if err != nil {
			t.Fatal(err)
		}
		sec := r["sections"].([]any)[0].(map[string]any)
		if sec["block_no"] != blockNo || r["first_block"] != firstBlock {
			t.Errorf("report %d: inspect says section 1 at block %v, first block %v; the database %v, %v",
				i+1, sec["block_no"], r["first_block"], blockNo, firstBlock)
		}
	}

	// The outline numbers blocks the same way.
	out.Reset()
	if err := runInspect(context.Background(), []string{path}, &out, &errs); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("block %v]", got.Reports[0]["sections"].([]any)[0].(map[string]any)["block_no"]); !strings.Contains(out.String(), want) {
		t.Errorf("outline lacks %q:\n%s", want, out.String()[:min(out.Len(), 800)])
	}
}
