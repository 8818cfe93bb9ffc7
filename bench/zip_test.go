package bench

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/govreports/govreports/corpus/synth"
	"github.com/govreports/govreports/ingest"
)

// zipOnce packs the corpus into one deflated .zip, alone in its folder, as
// an archive arrives: the whole corpus a member each.
var zipOnce = sync.OnceValues(func() (string, error) {
	m, err := corpusOnce()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(scratch, "zip")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out, err := os.Create(filepath.Join(dir, "corpus.zip"))
	if err != nil {
		return "", err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	err = synth.ReadManifest(m.Dir, func(f synth.File) error {
		in, err := os.Open(filepath.Join(m.Root, filepath.FromSlash(f.Path)))
		if err != nil {
			return err
		}
		defer in.Close()
		w, err := zw.Create(f.Path)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, in)
		return err
	})
	if err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return dir, out.Close()
})

func setupZip(b *testing.B) (synth.Manifest, *ingest.Processor, string) {
	b.Helper()
	m, p := setup(b)
	dir, err := zipOnce()
	if err != nil {
		b.Fatal(err)
	}
	return m, p, dir
}

// runZip ingests the zip's folder: the archive and each member are a file
// to the summary.
func runZip(b *testing.B, p *ingest.Processor, m synth.Manifest, dir, dbPath string) ingest.Summary {
	b.Helper()
	sum, err := p.Run(context.Background(), dbPath, dir)
	if err != nil {
		b.Fatal(err)
	}
	if sum.Seen != m.Files+1 || sum.Failed != 0 {
		b.Fatalf("run: %+v; want %d files seen (the zip and its members) and none failed", sum, m.Files+1)
	}
	return sum
}

// BenchmarkIngestZip runs the pipeline over the corpus packed into one
// .zip, into a fresh database each iteration: BenchmarkIngest's work plus
// inflating; idle workers take the members of the archive another opened.
func BenchmarkIngestZip(b *testing.B) {
	m, p, dir := setupZip(b)
	freshRuns(b, m, m.Files+1, func(dbPath string) ingest.Summary { return runZip(b, p, m, dir, dbPath) })
}

// BenchmarkIngestZipUnchanged runs again over the loaded .zip: the archive
// is hashed and looked up, and each member's path; none is inflated.
func BenchmarkIngestZipUnchanged(b *testing.B) {
	m, p, dir := setupZip(b)
	dbPath := filepath.Join(b.TempDir(), "reports.db")
	runZip(b, p, m, dir, dbPath)
	b.ReportAllocs()
	for b.Loop() {
		if sum := runZip(b, p, m, dir, dbPath); sum.Unchanged != m.Files+1 {
			b.Fatalf("%d files unchanged, want %d", sum.Unchanged, m.Files+1)
		}
	}
	report(b, m)
}
