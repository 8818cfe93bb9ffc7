package ingest

import (
	"context"
	"strings"

	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/extract/segment"
	"github.com/govreports/govreports/ingest/model"
)

// Processor is what the workers run on each file: read it, extract its
// reports, segment its text for the index. It holds the one segmenter of
// the process (its dictionary is large and loaded once), and is safe for
// concurrent use.
type Processor struct {
	readers *Registry
	seg     *segment.Segmenter
	key     string
}

// NewProcessor loads the segmenter with the built-in dictionaries and the
// user dictionaries named.
func NewProcessor(userDicts ...string) (*Processor, error) {
	seg, err := segment.New(segment.Options{UserDicts: userDicts})
	if err != nil {
		return nil, err
	}
	readers := DefaultRegistry()
	// A new reader, extractor or dictionary reads old files again.
	var rk []string
	for _, r := range readers.Readers() {
		rk = append(rk, r.Name()+"@"+r.Version())
	}
	key := "readers " + strings.Join(rk, " ") + "; extract " + extract.Version + "; " + DictKey(seg.DictHash())
	return &Processor{readers: readers, seg: seg, key: key}, nil
}

// DictKey is the part of the extractor key that names the dictionaries a
// document was segmented with (their hash, segment.Segmenter.DictHash):
// search checks it to warn of a query cut with other dictionaries.
func DictKey(dictHash string) string { return "dict " + dictHash[:min(16, len(dictHash))] }

// Key is the extractor key recorded with every document.
func (p *Processor) Key() string { return p.key }

// Segmenter is the processor's segmenter, for queries against what it indexed.
func (p *Processor) Segmenter() *segment.Segmenter { return p.seg }

// Read reads a file's content into a document.
func (p *Processor) Read(path string, data []byte) (*model.Document, error) {
	return p.readers.Read(context.Background(), path, data)
}

// Extract builds a document's reports and the text to index.
func (p *Processor) Extract(doc *model.Document) *model.Extraction {
	x := extract.Extract(doc)
	extract.Index(doc, x, p.seg)
	return x
}
