package extract

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
)

// layers says which packages of the project each layer may import, so
// that imports run one way: the readers know nothing of extraction or
// storage; the domain grammar stands below every extractor and the figure
// scanner just above it; the extractors (structure, tables, facts, result)
// do not import each other; schema knows only the model. A package not
// listed may import what it likes (the commands, the pipeline, tests).
var layers = []struct {
	pkg   string   // a package, or a prefix ending in "/" for its sub-packages
	allow []string // packages it may import
}{
	{"ingest/model", nil},
	{"ingest/sniff", nil},
	{"ingest/numbering", nil},
	{"ingest/txt", []string{"ingest/model", "ingest/sniff"}},
	{"ingest/html", []string{"ingest/model", "ingest/sniff"}},
	{"ingest/pdf", []string{"ingest/model", "ingest/sniff"}},
	{"ingest/soffice", []string{"ingest/model"}},
	{"ingest/docx", []string{"ingest/model", "ingest/sniff", "ingest/numbering", "ingest/html"}},
	{"ingest/office", []string{"ingest/model", "ingest/sniff", "ingest/soffice", "ingest/docx"}},
	{"ingest/sheet", []string{"ingest/model", "ingest/sniff", "ingest/soffice"}},
	{"ingest/archive", []string{"ingest/model", "ingest/sniff"}},
	{"extract/grammar", []string{"ingest/model"}},
	{"extract/segment", nil},
	{"extract/internal/textnorm", []string{"extract/grammar"}},
	{"extract/figures", []string{"extract/grammar", "ingest/model"}},
	{"extract/structure", []string{"extract/grammar", "extract/internal/textnorm", "ingest/model"}},
	{"extract/tables", []string{"extract/grammar", "extract/figures", "extract/internal/textnorm", "ingest/model"}},
	{"extract/facts", []string{"extract/grammar", "extract/figures", "extract/internal/textnorm", "ingest/model"}},
	{"extract/result", []string{"extract/grammar", "extract/figures", "ingest/model"}},
	{"schema", []string{"ingest/model"}},
}

// TestLayers reads the imports of every non-test file of the listed
// packages and fails on any project import its layer does not allow.
func TestLayers(t *testing.T) {
	root := corpus.Root()
	const module = "github.com/govreports/govreports/"
	for _, l := range layers {
		dir := filepath.Join(root, filepath.FromSlash(l.pkg))
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Errorf("%s: no Go files (%v): is the layer table out of date?", l.pkg, err)
			continue
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if !strings.HasPrefix(path, module) {
					continue
				}
				path = strings.TrimPrefix(path, module)
				allowed := false
				for _, a := range l.allow {
					allowed = allowed || path == a
				}
				if !allowed {
					rel, _ := filepath.Rel(root, name)
					t.Errorf("%s imports %s, which its layer does not allow", filepath.ToSlash(rel), path)
				}
			}
		}
	}
	// Every package of the project under ingest/ and extract/ (apart from
	// the pipeline and extract itself, which join the layers, and tools)
	// has a row, so that a new package states its place.
	listed := map[string]bool{"ingest": true, "extract": true}
	for _, l := range layers {
		listed[l.pkg] = true
	}
	for _, top := range []string{"ingest", "extract"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			rel = filepath.ToSlash(rel)
			if d.Name() == "testdata" || strings.Contains(rel, "/internal/gen") || strings.HasSuffix(rel, "/gen") ||
				strings.HasSuffix(rel, "test") || strings.HasSuffix(rel, "doctest") {
				return nil
			}
			if goFiles(path) && !listed[rel] {
				t.Errorf("package %s has no row in the layer table", rel)
			}
			return nil
		})
	}
}

func goFiles(dir string) bool {
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			return true
		}
	}
	return false
}
