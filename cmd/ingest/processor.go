package main

import (
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/extract/segment"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema/model"
)

// processor is what the workers run on each file: read, extract, segment.
// It holds the one segmenter of the process (its dictionary is large and
// loaded once), which is safe for concurrent use.
type processor struct {
	key string
	seg *segment.Segmenter
}

func newProcessor(dict string) (*processor, error) {
	var dicts []string
	if dict != "" {
		dicts = append(dicts, dict)
	}
	seg, err := segment.New(segment.Options{UserDicts: dicts})
	if err != nil {
		return nil, err
	}
	// A new reader, extractor or dictionary reads old files again.
	key := "reader " + ingest.ReaderVersion + "; extract " + extract.Version + "; dict " + seg.DictHash()[:16]
	return &processor{key: key, seg: seg}, nil
}

func (p *processor) read(path string, data []byte) (*model.Document, error) {
	return ingest.Read(path, data)
}

func (p *processor) extract(doc *model.Document) *model.Extraction {
	x := extract.Extract(doc)
	extract.Index(doc, x, p.seg)
	return x
}
