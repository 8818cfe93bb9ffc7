package txt

import (
	"context"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the reader's output changes, so that text files
// read by an older version are read again.
const Version = "4"

// Reader reads plain text for the ingest pipeline.
type Reader struct{}

func (Reader) Name() string        { return "txt" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.TXT} }

// Read decodes data (see Decode).
func (Reader) Read(_ context.Context, path string, data []byte) (*model.Document, error) {
	return Decode(path, data)
}
