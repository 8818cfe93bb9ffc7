// Package office reads the word-processor formats Go does not read itself
// — Word 97-2003 .doc, Kingsoft WPS .wps, .rtf and .odt — by converting
// them to .docx with LibreOffice and reading that with the docx reader, so
// that automatic numbering, merged cells and the rest come through as
// they do from Word.
package office

import (
	"context"
	"fmt"

	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/ingest/soffice"
)

// Version changes whenever the reader's own handling changes; Reader's
// version adds the docx reader's and LibreOffice's.
const Version = "1"

// Reader reads .doc, .wps, .rtf and .odt files through a converter. Without
// LibreOffice, or without its Writer, files are skipped with an error that
// names the package to install.
type Reader struct {
	conv *soffice.Converter
}

// New makes a reader that converts with conv; the caller closes conv.
func New(conv *soffice.Converter) *Reader { return &Reader{conv: conv} }

func (*Reader) Name() string { return "office" }

// Version names this reader, the docx reader and LibreOffice, so that
// installing or upgrading LibreOffice reads these files again.
func (r *Reader) Version() string {
	return Version + "; docx " + docx.Version + "; " + r.conv.Version()
}

func (*Reader) Kinds() []sniff.Kind {
	return []sniff.Kind{sniff.DOC, sniff.WPS, sniff.RTF, sniff.ODT}
}

// Read converts the file to .docx and reads that. The document's format is
// the file's own ("doc", "rtf" …).
func (r *Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	kind := sniff.DetectBytes(path, data)
	ext := string(kind)
	switch kind {
	case sniff.WPS:
		// Kingsoft WPS writes Word's binary format; named .wps, LibreOffice
		// would take it for Microsoft Works.
		ext = "doc"
	case sniff.DOC, sniff.RTF, sniff.ODT:
	default:
		return nil, fmt.Errorf("%s: the office reader does not read %s", path, kind.Describe())
	}
	out, err := r.conv.Convert(ctx, path, data, ext, soffice.DOCX)
	if err != nil {
		return nil, err
	}
	// The docx reader counts the converted file against the limits ctx
	// carries, as it does a .docx of the user's.
	doc, err := docx.Reader{}.Read(ctx, path, joinRestartedLists(out))
	if err != nil {
		return nil, fmt.Errorf("%w (in the .docx LibreOffice made of it)", err)
	}
	doc.Format = string(kind)
	return doc, nil
}
