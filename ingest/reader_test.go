package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
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
	for _, k := range []sniff.Kind{sniff.TXT, sniff.DOCX, sniff.DOC, sniff.PDF, sniff.XLSX, sniff.HTML, sniff.Binary} {
		supported := k == sniff.TXT || k == sniff.DOCX
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
