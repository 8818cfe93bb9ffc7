package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus/docxgen"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/ingest/txt"
)

// fakeReader reads the kinds it is given, every line a paragraph.
type fakeReader struct {
	name, version string
	kinds         []sniff.Kind
}

func (r fakeReader) Name() string        { return r.name }
func (r fakeReader) Version() string     { return r.version }
func (r fakeReader) Kinds() []sniff.Kind { return r.kinds }
func (r fakeReader) Read(_ context.Context, path string, data []byte) (*model.Document, error) {
	return &model.Document{Path: path, Format: r.name}, nil
}

func TestDefaultRegistryReadsTextAndWord(t *testing.T) {
	reg := DefaultRegistry()
	defer reg.Close()
	for _, k := range []sniff.Kind{sniff.TXT, sniff.DOCX, sniff.DOC, sniff.PDF, sniff.Image, sniff.XLSX, sniff.HTML, sniff.MHT, sniff.Binary} {
		supported := k != sniff.Binary
		if got := reg.Reader(k) != nil; got != supported {
			t.Errorf("%s: has a reader %v, want %v", k, got, supported)
		}
	}
	if r := reg.Reader(sniff.DOCX); r.Name() != "docx" || r.Version() == "" {
		t.Errorf("docx reader %q version %q", r.Name(), r.Version())
	}
}

func TestRegistryRefusesTwoReadersOfAKind(t *testing.T) {
	defer func() {
		if p := recover(); p == nil || !strings.Contains(p.(string), "both read") {
			t.Errorf("panic %v, want one naming both readers", p)
		}
	}()
	NewRegistry(fakeReader{"a", "1", []sniff.Kind{sniff.TXT}}, fakeReader{"b", "1", []sniff.Kind{sniff.PDF, sniff.TXT}})
}

// A reader registered for a kind is used for it: a new format is a reader
// and a registration.
func TestRegistryUsesTheReaderOfTheKind(t *testing.T) {
	reg := NewRegistry(fakeReader{"pdf", "1", []sniff.Kind{sniff.PDF}})
	doc, err := reg.Read(context.Background(), "r.pdf", []byte("%PDF-1.7\n"))
	if err != nil || doc.Format != "pdf" {
		t.Fatalf("doc %+v, err %v", doc, err)
	}
	if _, err := reg.Read(context.Background(), "r.txt", []byte("text")); err == nil || !strings.Contains(err.Error(), "plain text is not supported") {
		t.Errorf("txt without a reader: %v", err)
	}
}

// versioned is a reader under another version.
type versioned struct {
	Reader
	version string
}

func (r versioned) Version() string { return r.version }

// A new version of one reader reads again the files of its format, and
// only those: the key of each document names the reader of its content.
func TestNewReaderVersionRereadsItsFormatOnly(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "一、项目概况\n正文")
	word, err := docxgen.Doc{Body: docxgen.P("一、项目概况") + docxgen.P("正文")}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "b.docx", string(word))
	renamed, err := docxgen.Doc{Body: docxgen.P("二、评价结论")}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "c-renamed.txt", string(renamed)) // a .docx by its content
	dbPath := filepath.Join(t.TempDir(), "r.db")
	run := func(reg *Registry) Summary {
		t.Helper()
		sum, err := testProcessor(Config{Readers: reg, Workers: 2, BusyTimeout: time.Second}).Run(context.Background(), dbPath, dir)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := run(NewRegistry(txt.Reader{}, docx.Reader{})); sum.Ingested != 3 {
		t.Fatalf("first run: %+v", sum)
	}
	if sum := run(NewRegistry(txt.Reader{}, docx.Reader{})); sum.Unchanged != 3 || sum.Ingested != 0 {
		t.Fatalf("second run, same readers: %+v", sum)
	}
	sum := run(NewRegistry(txt.Reader{}, versioned{docx.Reader{}, docx.Version + "-next"}))
	if sum.Ingested != 2 || sum.Unchanged != 1 {
		t.Fatalf("run with a new docx reader: %+v, want the two .docx read again and the .txt unchanged", sum)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var keys []string
	rows, err := db.Query(`SELECT format || ' ' || extractor FROM documents ORDER BY format, extractor`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys = append(keys, k)
	}
	newDocx := "docx test-1; reader docx@" + docx.Version + "-next"
	want := []string{newDocx, newDocx, "txt test-1; reader txt@" + txt.Version}
	if fmt.Sprint(keys) != fmt.Sprint(want) {
		t.Errorf("documents: %q, want %q", keys, want)
	}
}

// closingReader counts the times it is closed.
type closingReader struct {
	fakeReader
	closed *int
}

func (r closingReader) Close() error { *r.closed++; return nil }

func TestRegistryClosesItsReaders(t *testing.T) {
	var n int
	reg := NewRegistry(fakeReader{"txt", "1", []sniff.Kind{sniff.TXT}}, closingReader{fakeReader{"pdf", "1", []sniff.Kind{sniff.PDF}}, &n})
	p := testProcessor(Config{Readers: reg})
	if err := p.Close(); err != nil || n != 0 {
		t.Errorf("Processor.Close of a registry it was given: %v, closed %d times; want it left to the caller", err, n)
	}
	if err := reg.Close(); err != nil || n != 1 {
		t.Errorf("Registry.Close: %v, closed %d times, want once", err, n)
	}
	// A processor closes the default registry it made, and with it the
	// LibreOffice converter (never started here).
	p = newProcessor(Config{}, nil, "test")
	if err := p.Close(); err != nil {
		t.Errorf("Processor.Close: %v", err)
	}
}
