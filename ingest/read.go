package ingest

import (
	"context"
	"fmt"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// ErrUnsupported marks a file that is skipped: its format is not read
// (yet), or the engine its reader needs is not installed. It is
// model.ErrUnsupported, which readers (that cannot import ingest) match.
var ErrUnsupported = model.ErrUnsupported

// ErrMissingEngine marks a file skipped because the program that reads its
// format is not installed (model.ErrMissingEngine, the same value).
var ErrMissingEngine = model.ErrMissingEngine

// UnsupportedError reports a file whose format is not read (yet). It
// matches ErrUnsupported with errors.Is.
type UnsupportedError struct {
	Path string
	Kind sniff.Kind
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("%s: skipped: %s is not supported", e.Path, e.Kind.Describe())
}

func (e *UnsupportedError) Is(target error) bool { return target == ErrUnsupported }

// Format names the sniffed format, for the documents table.
func (e *UnsupportedError) Format() string { return string(e.Kind) }

// Read turns one file's content into a document with the reader of its
// kind. What the content is decides, not the file's name: a .docx renamed
// .txt is read as a .docx, with a warning that says so.
func (reg *Registry) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	return reg.read(ctx, path, data, sniff.DetectBytes(path, data))
}

// read reads data as kind, which sniff.DetectBytes told.
func (reg *Registry) read(ctx context.Context, path string, data []byte, kind sniff.Kind) (*model.Document, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: empty file (0 bytes)", path)
	}
	r := reg.Reader(kind)
	if r == nil {
		return nil, &UnsupportedError{Path: path, Kind: kind}
	}
	doc, err := r.Read(ctx, path, data)
	if err != nil {
		return nil, err
	}
	if named := sniff.ByName(path); named != sniff.Unknown && named != kind {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("content is %s although the name says %s", kind.Describe(), named.Describe()))
	}
	return doc, nil
}
