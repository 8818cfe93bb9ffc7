package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/corpus/golden"
	"github.com/govreports/govreports/schema"
)

// exampleRE matches one example of README.md: a ```sql block and the
// ```text block of its output right after it.
var exampleRE = regexp.MustCompile("(?s)```sql\n(.*?)```\n+```text\n(.*?)```")

// TestREADME runs every example query of README.md's "Example questions"
// against a database of the shipped sample and compares the output, so
// that the README can never drift from what the program does.
func TestREADME(t *testing.T) {
	path := filepath.Join(corpus.Root(), "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(readme, []byte("\n## Example questions"))
	if start < 0 {
		t.Fatal("README.md has no Example questions section")
	}
	end := bytes.Index(readme[start+1:], []byte("\n## "))
	if end < 0 {
		end = len(readme)
	} else {
		end += start + 1
	}
	section := readme[start:end]
	matches := exampleRE.FindAllSubmatchIndex(section, -1)
	if len(matches) < 8 {
		t.Fatalf("README.md has %d examples, want at least 8", len(matches))
	}
	db, err := schema.OpenReadOnly(sampleDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out bytes.Buffer
	last := 0
	for _, m := range matches {
		query := string(section[m[2]:m[3]])
		res, err := collect(context.Background(), db, query)
		if err != nil {
			t.Errorf("query failed: %v\n%s", err, query)
			continue
		}
		var got bytes.Buffer
		writeTable(&got, res)
		if want := section[m[4]:m[5]]; !bytes.Equal(got.Bytes(), want) {
			if !golden.Update() {
				t.Errorf("output of\n%s\ngot:\n%s\nREADME says:\n%s", query, &got, want)
			}
		}
		out.Write(section[last:m[4]])
		out.Write(got.Bytes())
		last = m[5]
	}
	out.Write(section[last:])
	if golden.Update() {
		updated := append(append(append([]byte{}, readme[:start]...), out.Bytes()...), readme[end:]...)
		if err := os.WriteFile(path, updated, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(string(section), "EXAMPLES") {
		t.Error("README.md still holds the EXAMPLES placeholder")
	}
}
