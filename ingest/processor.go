package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/extract/segment"
	"github.com/govreports/govreports/ingest/archive"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/schema"
)

// Config says how to ingest. New copies it: a Processor never changes the
// caller's Config.
type Config struct {
	// Readers reads each format; nil means DefaultRegistry(), which the
	// processor's Close closes (a registry given here the caller closes).
	Readers *Registry
	// Dicts are user dictionaries for word segmentation, besides the
	// built-in ones, and UserWords more user words (StoredWords reads
	// those a database was built with). Files are read again when the
	// words change. Run stores the words in the database, replacing the
	// ones it held.
	Dicts     []string
	UserWords []segment.Word
	// Workers is how many files are read and extracted at once; less
	// than 1 means 1.
	Workers int
	// FileTimeout bounds reading and extracting one file (not reading its
	// bytes from disk); 0 means no bound.
	FileTimeout time.Duration
	// BusyTimeout is how long Run waits for a database another process
	// holds.
	BusyTimeout time.Duration
	// Journal is the database's journal mode, schema.JournalWAL (when
	// empty) or schema.JournalDelete.
	Journal string
	// BatchSize and BatchAge bound a transaction of the writer: it is
	// committed after BatchSize files or BatchAge, whichever comes first,
	// so that a crash loses at most that much. 0 means 200 files and one
	// second.
	BatchSize int
	BatchAge  time.Duration
	// Progress, if set, is called from one goroutine after every file Run
	// finishes.
	Progress func(Event)
	// Started, if set, is told when a worker begins reading a file (the
	// Progress event of that file says it is done), so that a display can
	// say which file a long wait is on. It is called from the workers.
	Started func(path string)
	// Steps, if set, is told how far the reader of one long file is (the
	// pages of a scan read by OCR: done of total). It is called from the
	// workers, several at once.
	Steps func(path string, done, total int)
	// NoIndex makes a processor that reads and extracts but does not
	// segment text for the search index: New then loads no dictionary
	// (seconds and hundreds of MB), and Process is what `reports inspect`
	// shows. Run refuses such a processor, since the database needs the
	// index.
	NoIndex bool
	// Limits bound what one file may cost (model.DefaultLimits for the
	// zero fields); a file past one fails alone.
	Limits model.Limits
	// QueueBytes bounds what read documents waiting for the writer may
	// hold (DefaultQueueBytes when 0).
	QueueBytes int64
	// Prune makes Run remove the stored files under its roots that are
	// gone from disk (deleted, or moved out of them), with their
	// documents once no path holds those. Without it Run counts them
	// (Summary.Gone).
	Prune bool
	// MemoryLimit, when not 0, is the heap in bytes past which Run fails
	// the files being read, before the machine runs out of memory.
	MemoryLimit int64
}

// Processor reads files, extracts their reports and segments their text
// for the index, and runs all that over folders into a database. It holds
// the one segmenter of the process, and is safe for concurrent use.
type Processor struct {
	cfg     Config
	readers *Registry
	seg     *segment.Segmenter
	// extract stops with ctx.Err() once the file is abandoned.
	extract func(context.Context, *model.Document) (*model.Extraction, error)
	key     string // the extractor part of every document's key
	owned   bool   // readers was made here: Close closes it

	afterRead func(path string) // called between a file's read and the look after it (tests)
}

// New makes a processor; it reads the built-in dictionaries and cfg.Dicts
// for the segmenter unless cfg.NoIndex is set. The segmenter never loads
// the whole general dictionary: it looks each text's words up in it and
// cuts with dictionaries grown from them (see segment.Segmenter).
func New(cfg Config) (*Processor, error) {
	if cfg.NoIndex {
		return newProcessor(cfg, extract.ExtractContext, "extract "+extract.Version+"; no index"), nil
	}
	seg, err := segment.New(segment.Options{UserDicts: append([]string(nil), cfg.Dicts...),
		UserWords: append([]segment.Word(nil), cfg.UserWords...)})
	if err != nil {
		return nil, err
	}
	p := newProcessor(cfg, func(ctx context.Context, doc *model.Document) (*model.Extraction, error) {
		x, err := extract.ExtractContext(ctx, doc)
		if err != nil {
			return nil, err
		}
		// Segmenting is the costliest step: a file past its figures
		// limit fails before it.
		if n, max := figures(x), model.LimitsFrom(ctx).MaxFigures; n > max {
			return nil, model.FiguresError(doc.Path, max)
		}
		return x, extract.IndexContext(ctx, doc, x, seg)
	}, "extract "+extract.Version+"; "+DictKey(seg.DictHash()))
	p.seg = seg
	return p, nil
}

// newProcessor makes a processor around an extractor and the key that
// names it (tests give one that does not load the dictionary).
func newProcessor(cfg Config, extract func(context.Context, *model.Document) (*model.Extraction, error), key string) *Processor {
	cfg.Dicts = append([]string(nil), cfg.Dicts...)
	cfg.UserWords = append([]segment.Word(nil), cfg.UserWords...)
	cfg.Workers = max(cfg.Workers, 1)
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 200
	}
	if cfg.BatchAge <= 0 {
		cfg.BatchAge = time.Second
	}
	readers, owned := cfg.Readers, false
	if readers == nil {
		readers, owned = DefaultRegistry(), true
	}
	return &Processor{cfg: cfg, readers: readers, extract: extract, key: key, owned: owned}
}

// Close releases what the processor's readers hold (LibreOffice, temporary
// files). The processor is not used after.
func (p *Processor) Close() error {
	if p.owned {
		return p.readers.Close()
	}
	return nil
}

// DictKey is the part of the extractor key that names the dictionaries a
// document was segmented with (their hash, segment.Segmenter.DictHash):
// search checks it to warn of a query cut with other dictionaries.
func DictKey(dictHash string) string { return "dict " + dictHash[:min(16, len(dictHash))] }

// StoredWords returns the user dictionary stored in the database db (by
// the last Run), for Config.UserWords or a query's segmenter; none when
// it was built without one.
func StoredWords(ctx context.Context, db *sql.DB) ([]segment.Word, error) {
	stored, err := schema.UserWords(ctx, db)
	if err != nil {
		return nil, err
	}
	var words []segment.Word
	for _, w := range stored {
		words = append(words, segment.Word{Text: w.Word, Freq: w.Freq, Pos: w.Pos})
	}
	return words, nil
}

func toStored(words []segment.Word) []schema.UserWord {
	var out []schema.UserWord
	for _, w := range words {
		out = append(out, schema.UserWord{Word: w.Text, Freq: w.Freq, Pos: w.Pos})
	}
	return out
}

// Segmenter is the processor's segmenter, for queries against what it
// indexed; nil when made with NoIndex.
func (p *Processor) Segmenter() *segment.Segmenter { return p.seg }

// Process reads the file at path and extracts its reports, as Run does
// for each file, without a database. A file of a format no reader reads
// fails with an error that matches ErrUnsupported.
func (p *Processor) Process(ctx context.Context, path string) (*model.Document, *model.Extraction, error) {
	e, err := p.Entry(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	if e.Err != nil {
		return nil, nil, e.Err
	}
	return e.Doc, e.Ext, nil
}

// Entry is what Run hands the database writer for the file at path: its
// content's hash and key, its status, and the document and reports read
// from it. The error is only for a cancelled ctx; a file that cannot be
// read is an entry with a failed status.
func (p *Processor) Entry(ctx context.Context, path string) (*schema.Entry, error) {
	// Without a lookup nothing is unchanged: there is always an entry.
	var r result
	if file, name, ok := archive.Split(path); ok && !exists(path) {
		r = p.memberOf(ctx, file, name)
	} else {
		r = p.process(ctx, File{Path: path}, nil, nil)
	}
	if r.cancelled {
		return nil, ctx.Err()
	}
	r.entry.Prepare() // as a worker does
	return r.entry, nil
}

// Run ingests every file under roots into the SQLite database at db: it
// opens (creating) the database, waiting up to BusyTimeout for another
// process's lock, runs, and reweighs keywords when reports came or went.
// It returns the summary and an error only for what stops the whole run:
// a database error (the lock included) or cancellation; files that fail
// are counted and recorded.
func (p *Processor) Run(ctx context.Context, db string, roots ...string) (Summary, error) {
	if p.cfg.NoIndex {
		return Summary{}, errors.New("ingest: a processor made with NoIndex cannot run into a database, which needs the search index")
	}
	conn, err := schema.OpenWith(ctx, db, schema.Options{BusyTimeout: p.cfg.BusyTimeout, Journal: p.cfg.Journal})
	if err != nil {
		return Summary{}, err
	}
	defer conn.Close()
	// The database remembers the words its documents are cut with, for
	// the next run and for search; before any document is written, so
	// that a run stopped halfway leaves them matching what it wrote.
	if p.seg != nil {
		if err := schema.SetUserWords(ctx, conn, toStored(p.seg.UserWords())); err != nil {
			return Summary{}, fmt.Errorf("%s: %w", db, err)
		}
	}
	lookup, err := schema.OpenReadOnly(db)
	if err != nil {
		return Summary{}, err
	}
	defer lookup.Close()
	sum, err := p.run(ctx, roots, schema.NewWriter(conn, p.cfg.BatchSize, p.cfg.BatchAge), lookup, ownFiles(db))
	if err != nil {
		return sum, err
	}
	// The stale mark, not this run's counts, decides: a run killed before
	// its refresh left it set, and this run may have nothing to do.
	changed := sum.Ingested > 0 || sum.Pruned > 0
	stale, err := schema.KeywordsStale(ctx, lookup)
	if err == nil && (stale || changed) {
		err = schema.RefreshKeywords(ctx, conn)
		if !changed && schema.IsReadOnly(err) {
			// A run with nothing to do succeeds on a database it cannot
			// write; the mark stays for the next run that can.
			err = nil
		}
	}
	return sum, err
}
