package docx

import (
	"context"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the reader's output changes, so that .docx
// files read by an older version are read again.
const Version = "3"

// Reader reads Word .docx packages for the ingest pipeline.
type Reader struct{}

func (Reader) Name() string        { return "docx" }
func (Reader) Version() string     { return Version }
func (Reader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.DOCX} }

// Read reads a package held in memory (see ReadBytes) within the limits
// ctx carries (model.WithLimits), and stops when ctx is done.
func (Reader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	ra, size := bytesReader(data)
	return read(ctx, path, ra, size)
}
