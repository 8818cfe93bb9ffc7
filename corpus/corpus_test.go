package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRenderingsMatchShared checks that the shipped renderings are
// byte-identical to those of the shared corpus, when it is there, and that
// the UTF-8 one is the shipped sample itself.
func TestRenderingsMatchShared(t *testing.T) {
	sample, err := os.ReadFile(SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	if utf8, err := os.ReadFile(Rendering(SampleName)); err != nil || !bytes.Equal(utf8, sample) {
		t.Errorf("%s differs from %s (%v)", Rendering(SampleName), SamplePath(), err)
	}
	shared, ok := FindShared()
	if !ok {
		if os.Getenv("CI") != "" {
			t.Fatal("shared folder not found beside the checkout; set SHARED_DIR")
		}
		t.Log("no shared folder: the shipped renderings are not compared with it")
		return
	}
	dir := filepath.Join(shared, "corpus", "sample")
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no renderings in %s: %v", dir, err)
	}
	for _, name := range names {
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(Rendering(filepath.Base(name)))
		if err != nil {
			t.Errorf("%s is not shipped: %v", filepath.Base(name), err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("corpus/renderings/%s differs from %s", filepath.Base(name), name)
		}
	}
}
