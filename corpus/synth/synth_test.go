package synth_test

import (
	"bytes"
	"context"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus/synth"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/model"
)

// TestExtractGenerated reads generated files through the pipeline's
// processor and checks that every report the manifest lists is found with
// its project name, budget, actual spending, execution rate and evaluators.
func TestExtractGenerated(t *testing.T) {
	n := 24
	if !testing.Short() {
		n = 120
	}
	testExtract(t, synth.SampleShape, n)
}

// TestExtractReal is TestExtractGenerated on real-shaped files, whose
// reports also state a total score and grade.
func TestExtractReal(t *testing.T) {
	n := 8
	if !testing.Short() {
		n = 40
	}
	testExtract(t, synth.RealShape, n)
}

func testExtract(t *testing.T, shape synth.Shape, n int) {
	dir := t.TempDir()
	m, err := synth.WriteShape(dir, n, 1, shape)
	if err != nil {
		t.Fatal(err)
	}
	if m.Files != n || m.Reports < n {
		t.Fatalf("manifest: %d files, %d reports; want %d files and at least as many reports", m.Files, m.Reports, n)
	}
	p, err := ingest.New(ingest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]bool{}
	err = synth.ReadManifest(dir, func(f synth.File) error {
		formats[f.Format+" "+f.Encoding] = true
		path := filepath.Join(dir, synth.ReportsDir, filepath.FromSlash(f.Path))
		_, x, err := p.Process(context.Background(), path)
		if err != nil {
			t.Errorf("%s: %v", f.Path, err)
			return nil
		}
		checkFile(t, f, x)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"docx ", "txt utf-8", "txt gb18030", "txt utf-16le"} {
		if !formats[want] {
			t.Errorf("no %q file among the %d generated", want, n)
		}
	}
}

func checkFile(t *testing.T, f synth.File, x *model.Extraction) {
	t.Helper()
	if len(x.Reports) != len(f.Reports) {
		var got []string
		for _, r := range x.Reports {
			got = append(got, r.ProjectName)
		}
		t.Errorf("%s (%s %s): %d reports %q, want %d", f.Path, f.Format, f.Encoding, len(x.Reports), got, len(f.Reports))
		return
	}
	for i, want := range f.Reports {
		got := x.Reports[i]
		where := f.Path + " report " + string(rune('1'+i))
		if got.ProjectName != want.ProjectName {
			t.Errorf("%s: project name %q, want %q", where, got.ProjectName, want.ProjectName)
		}
		// A report whose title and cover leave the year out may be read
		// without one; a year read must be the right one.
		if got.EvaluationYear != 0 && got.EvaluationYear != want.Year {
			t.Errorf("%s: year %d, want %d", where, got.EvaluationYear, want.Year)
		}
		budget, actual := sumFunds(got.Funds)
		if budget != want.BudgetYuan || actual != want.ActualYuan {
			t.Errorf("%s: budget %d actual %d 元, want %d and %d (funds %+v)", where, budget, actual, want.BudgetYuan, want.ActualYuan, got.Funds)
		}
		var names []string
		for _, e := range got.Evaluators {
			names = append(names, e.Name)
		}
		if !slices.Equal(names, want.Evaluators) {
			t.Errorf("%s: evaluators %q, want %q", where, names, want.Evaluators)
		}
		if want.Score != "" && (got.Score.Value != want.Score || got.Score.Grade != want.Grade) {
			t.Errorf("%s: score %q grade %q, want %q and %q", where, got.Score.Value, got.Score.Grade, want.Score, want.Grade)
		}
	}
}

// sumFunds adds up a report's funds rows in whole 元, -1 when an amount is
// missing or not a whole number.
func sumFunds(funds []model.Fund) (budget, actual int64) {
	add := func(sum *int64, a *model.Amount) {
		if *sum < 0 {
			return
		}
		if a == nil {
			*sum = -1
			return
		}
		v, ok := new(big.Rat).SetString(*a)
		if !ok || !v.IsInt() || !v.Num().IsInt64() {
			*sum = -1
			return
		}
		*sum += v.Num().Int64()
	}
	for _, f := range funds {
		add(&budget, f.Budget)
		add(&actual, f.Actual)
	}
	return budget, actual
}

// TestRates checks the manifest's execution rates against its amounts.
func TestRates(t *testing.T) {
	dir := t.TempDir()
	if _, err := synth.Write(dir, 50, 7); err != nil {
		t.Fatal(err)
	}
	err := synth.ReadManifest(dir, func(f synth.File) error {
		for _, r := range f.Reports {
			if r.BudgetYuan <= 0 || r.ActualYuan > r.BudgetYuan {
				t.Errorf("%s %s: budget %d, actual %d", f.Path, r.ProjectName, r.BudgetYuan, r.ActualYuan)
			}
			want := math.Round(float64(r.ActualYuan)/float64(r.BudgetYuan)*10000) / 100
			if math.Abs(r.Rate-want) > 1e-9 {
				t.Errorf("%s %s: rate %v, want %v", f.Path, r.ProjectName, r.Rate, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDeterministic checks that a seed writes the same corpus, that file i
// does not depend on how many files are written, and that another seed
// writes another corpus.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, run := range []struct {
		dir  string
		n    int
		seed uint64
	}{{a, 6, 3}, {b, 4, 3}, {c, 4, 4}} {
		if _, err := synth.Write(run.dir, run.n, run.seed); err != nil {
			t.Fatal(err)
		}
	}
	ma, _ := os.ReadFile(filepath.Join(a, synth.ManifestName))
	mb, _ := os.ReadFile(filepath.Join(b, synth.ManifestName))
	mc, _ := os.ReadFile(filepath.Join(c, synth.ManifestName))
	linesA := strings.SplitAfter(string(ma), "\n")
	if got := strings.Join(linesA[:4], ""); got != string(mb) {
		t.Errorf("the first 4 manifest lines of 6 files differ from the manifest of 4 files")
	}
	if bytes.Equal(mb, mc) {
		t.Errorf("seeds 3 and 4 wrote the same manifest")
	}
	err := synth.ReadManifest(b, func(f synth.File) error {
		x, err := os.ReadFile(filepath.Join(a, synth.ReportsDir, f.Path))
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, synth.ReportsDir, f.Path))
		if err != nil {
			return err
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs of seed 3", f.Path)
		}
		if int64(len(y)) != f.Bytes {
			t.Errorf("%s: %d bytes, manifest says %d", f.Path, len(y), f.Bytes)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
