package grammar

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsNoProject: the grammar stands below every extractor, so it
// imports no package of the project but the shared model.
func TestImportsNoProject(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/govreports/govreports/"
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, module) && path != module+"ingest/model" {
				t.Errorf("%s imports %s", name, path)
			}
			if strings.Contains(path, "opencc") {
				t.Errorf("%s imports %s: only the generator may", name, path)
			}
		}
	}
}
