package docx

import (
	"context"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the reader's output changes, so that .docx
// files read by an older version are read again.
const Version = "2"

// Reader reads Word .docx packages for the ingest pipeline.
type Reader struct{}

func (Reader) Name() string        { return "docx" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.DOCX} }

// Read reads a package held in memory (see ReadBytes).
func (Reader) Read(_ context.Context, path string, data []byte) (*model.Document, error) {
	return ReadBytes(path, data)
}
