package txt

import (
	"context"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the reader's output changes, so that text files
// read by an older version are read again.
const Version = "5"

// Reader reads plain text for the ingest pipeline.
type Reader struct{}

func (Reader) Name() string        { return "txt" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.TXT} }

// Read decodes data (see Decode) within the limits ctx carries
// (model.WithLimits).
func (Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	l := model.LimitsFrom(ctx)
	// Decoded text holds at least half as many bytes as the file (UTF-16
	// of ASCII): a file over twice the text limit is refused before it is
	// decoded, and held only once.
	if int64(len(data)) > 2*l.MaxTextBytes {
		return nil, &model.LimitError{Path: path, What: "bytes of text", Limit: l.MaxTextBytes, Flag: "max-text-bytes"}
	}
	doc, err := Decode(path, data)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cutParagraphs(doc, l.MaxLineBytes)
	return doc, nil
}

// cutParagraphs cuts a paragraph longer than max bytes into paragraphs
// of at most max bytes, at character boundaries, each at the line the
// whole stood on: one over-long line becomes bounded blocks.
func cutParagraphs(doc *model.Document, max int) {
	long := false
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph && len(b.Para.Text) > max {
			long = true
			break
		}
	}
	if !long || max < utf8.UTFMax {
		return
	}
	body := make([]model.Block, 0, len(doc.Body))
	for _, b := range doc.Body {
		if b.Kind != model.KindParagraph {
			body = append(body, b)
			continue
		}
		text := b.Para.Text
		for len(text) > max {
			n := max
			for n > 0 && !utf8.RuneStart(text[n]) {
				n--
			}
			piece := b
			piece.Para.Text = text[:n]
			body = append(body, piece)
			text = text[n:]
		}
		b.Para.Text = text
		body = append(body, b)
	}
	doc.Body = body
}
