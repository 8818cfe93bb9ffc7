package ingest

import (
	"fmt"

	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/ingest/txt"
)

// ReaderVersion changes whenever the readers' output changes, so that a
// new version reads old files again.
const ReaderVersion = "2"

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

// Read turns one file's content into a document. What the content is
// decides, not the file's name: a .docx renamed .txt is read as a .docx,
// with a warning that says so.
func Read(path string, data []byte) (*model.Document, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: empty file (0 bytes)", path)
	}
	kind := sniff.DetectBytes(path, data)
	var doc *model.Document
	var err error
	switch kind {
	case sniff.DOCX:
		doc, err = docx.ReadBytes(path, data)
	case sniff.TXT:
		doc, err = txt.Decode(path, data)
	default:
		return nil, &UnsupportedError{Path: path, Kind: kind}
	}
	if err != nil {
		return nil, err
	}
	if named := sniff.ByName(path); named != sniff.Unknown && named != kind {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("content is %s although the name says %s", kind.Describe(), named.Describe()))
	}
	return doc, nil
}

// ReadFile reads the file at path with Read.
func ReadFile(path string) (*model.Document, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}
