package txt

import (
	"context"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the reader's output changes, so that text files
// read by an older version are read again.
const Version = "18"

// Reader reads plain text for the ingest pipeline.
type Reader struct{}

func (Reader) Name() string        { return "txt" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.TXT} }

// Read decodes data (see Decode) within the limits ctx carries
// (model.WithLimits): a line longer than MaxLineBytes is cut into
// paragraphs of at most that, and the file fails once it yields more than
// MaxTextBytes of text. The text is decoded a character at a time into
// lines, held once.
func (Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	l := model.LimitsFrom(ctx)
	doc, err := decodeDoc(ctx, path, data, bounds{maxLine: l.MaxLineBytes, maxText: l.MaxTextBytes})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return doc, nil
}
