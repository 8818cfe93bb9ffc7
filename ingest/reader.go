package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/govreports/govreports/ingest/archive"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/html"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/office"
	"github.com/govreports/govreports/ingest/pdf"
	"github.com/govreports/govreports/ingest/sheet"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/txt"
)

// A Reader turns the content of files of some formats into a document.
// Each format has a package under ingest that provides one; readers know
// nothing of the pipeline.
type Reader interface {
	// Name names the reader in the unchanged-file key ("docx").
	Name() string
	// Version changes whenever the reader's output changes, so that a new
	// version reads again the files it reads, and only those.
	Version() string
	// Kinds lists the sniffed formats the reader reads.
	Kinds() []sniff.Kind
	// Read reads a whole file's content; path names the file in the
	// document and in errors.
	Read(ctx context.Context, path string, data []byte) (*model.Document, error)
}

// An Unpacker is the Reader of an archive (archive.Zip): the pipeline
// reads each of its members as a document of its own, by the reader of
// the member's kind, and Read only says so.
type Unpacker interface {
	Reader
	Members(ctx context.Context, path string, data []byte) ([]archive.Member, error)
}

// DefaultRegistry returns the readers the project ships. A new format is
// a package under ingest and one line here. The readers of legacy office
// formats share one LibreOffice converter, which the registry owns: Close
// the registry when done with it.
func DefaultRegistry() *Registry {
	conv := soffice.New(soffice.Options{})
	reg := NewRegistry(
		txt.Reader{},
		docx.Reader{},
		html.Reader{},
		office.New(conv),
		sheet.Reader{},
		sheet.NewLegacy(conv),
		pdf.New(pdf.Config{}),
		archive.Zip{},
	)
	reg.owned = append(reg.owned, conv)
	return reg
}

// Registry maps each sniffed format to its reader. It does not change
// once made, and is safe for concurrent use.
type Registry struct {
	readers []Reader
	byKind  map[sniff.Kind]Reader
	owned   []io.Closer // what the readers share, closed with the registry
}

// Close closes the readers that hold resources (those with a Close
// method: an external program, temporary files) and what they share.
func (reg *Registry) Close() error {
	var errs []error
	for _, r := range reg.readers {
		if c, ok := r.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	for _, c := range reg.owned {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// NewRegistry makes a registry of readers. Like sql.Register, it panics
// when two readers claim a format: that is a mistake in the program, not
// in its input.
func NewRegistry(readers ...Reader) *Registry {
	reg := &Registry{readers: readers, byKind: map[sniff.Kind]Reader{}}
	for _, r := range readers {
		if r == nil {
			panic("ingest: NewRegistry: nil reader")
		}
		for _, k := range r.Kinds() {
			if prev, dup := reg.byKind[k]; dup {
				panic(fmt.Sprintf("ingest: NewRegistry: readers %s and %s both read %s", prev.Name(), r.Name(), k.Describe()))
			}
			reg.byKind[k] = r
		}
	}
	return reg
}

// Readers returns the registered readers in the order given.
func (reg *Registry) Readers() []Reader { return append([]Reader(nil), reg.readers...) }

// Reader returns the reader of kind, or nil when none reads it.
func (reg *Registry) Reader(kind sniff.Kind) Reader { return reg.byKind[kind] }

// key names the reader of kind in the unchanged-file key; a kind without a
// reader is named too, so that a reader added later reads the files that
// were skipped.
func (reg *Registry) key(kind sniff.Kind) string {
	if r := reg.byKind[kind]; r != nil {
		return "reader " + r.Name() + "@" + r.Version()
	}
	return "no reader for " + string(kind)
}

// unpacker returns the reader of kind if it reads archives.
func (reg *Registry) unpacker(kind sniff.Kind) Unpacker {
	u, _ := reg.byKind[kind].(Unpacker)
	return u
}

// archiveKey names, in the unchanged-archive key, the unpacker of kind and
// every reader, since any of them may read a member: a new reader or
// version opens the archive again, and its members are then each looked
// up as a file is, so that only those of the new reader's kinds are read.
func (reg *Registry) archiveKey(kind sniff.Kind) string {
	parts := []string{reg.key(kind), "members by"}
	for _, r := range reg.readers {
		parts = append(parts, r.Name()+"@"+r.Version())
	}
	return strings.Join(parts, " ")
}
