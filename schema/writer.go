package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/govreports/govreports/ingest/model"
)

// Status of a document row.
const (
	StatusOK      = "ok"
	StatusFailed  = "failed"
	StatusSkipped = "skipped"
)

// Entry is what the pipeline hands the writer for one file.
type Entry struct {
	Path string // as reached from the command line, forward slashes
	// Root is the absolute folder the file was found under and Rel its
	// path below it, forward slashes; the path stored is then Root/Rel.
	// Without a Root, Path is stored as it is.
	Root, Rel string
	// Replaces are stored paths that were this file's earlier place (the
	// archive moved): they go, and the file's path takes their place.
	Replaces []string
	SHA256   string
	Key      string // extractor key: extractor version and dictionary hash
	Bytes    int64
	Format   string // txt, docx, or the sniffed format of a skipped file
	Status   string
	Err      error // the reason, when failed or skipped

	// PathOnly says the content is already loaded under Key: only the path
	// needs recording.
	PathOnly bool

	Doc *model.Document   // when ok
	Ext *model.Extraction // when ok

	prepared *Prepared // the rows, once Prepare has run
}

// StoredPath is the path the entry is stored under: absolute when its
// root is known.
func (e *Entry) StoredPath() string {
	if e.Root == "" {
		return e.Path
	}
	return RootedPath(e.Root, e.Rel)
}

// RootedPath is the path rel below root, both with forward slashes. It
// does not clean the result as path.Join would: that makes the UNC path
// //server/share/a of Windows /server/share/a, another place.
func RootedPath(root, rel string) string {
	return strings.TrimSuffix(root, "/") + "/" + rel
}

// Writer loads entries in batched transactions. It is not safe for
// concurrent use: one goroutine owns it.
type Writer struct {
	db       *sql.DB
	b        *batch // the open transaction, nil between batches
	pending  int
	started  time.Time
	maxBatch int
	maxAge   time.Duration
	now      func() time.Time

	args       []any          // room for a statement's values
	entryTerms []string       // the terms of the entry being put, a report each
	df         map[string]int // reports per term loaded in the open batch, for term_df
	// The rows of keyed tables (unit_texts) of the entry being put, and
	// those of the open batch by table and key, inserted at Flush.
	entryKeyed []*preparedTable
	keyed      map[*tableSQL]map[int64][]any
	// The text_ids of the unit texts the open batch names, by hash, and
	// the id the next new text takes (0 until looked up): Writer.textID.
	texts    map[int64]batchText
	nextText int64
	vocab    map[string]int64 // the vocab ids the open batch used: Writer.vocabID
}

// batchText is a unit text the open batch names: its text_id, and whether
// the batch adds it.
type batchText struct {
	id    int64
	added bool
}

// batch is one open transaction with its prepared statements: a document
// is hundreds of rows, and preparing each insert once per batch rather
// than once per row halves the writer's work.
type batch struct {
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	multi   map[multiKey]*sql.Stmt
	dfStmts map[int]*sql.Stmt
}

func (b *batch) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := b.stmts[query]; ok {
		return st, nil
	}
	st, err := b.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	b.stmts[query] = st
	return st, nil
}

func (b *batch) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := b.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (b *batch) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := b.stmt(ctx, query)
	if err != nil {
		// QueryRowContext on the transaction reports the same error
		// through Scan.
		return b.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// NewWriter returns a writer that commits every maxBatch entries or when a
// batch is older than maxAge, whichever comes first.
func NewWriter(db *sql.DB, maxBatch int, maxAge time.Duration) *Writer {
	if maxBatch < 1 {
		maxBatch = 1
	}
	return &Writer{db: db, maxBatch: maxBatch, maxAge: maxAge, now: time.Now, df: map[string]int{},
		keyed: map[*tableSQL]map[int64][]any{}, texts: map[int64]batchText{}, vocab: map[string]int64{}}
}

// Lookup tells whether content sha is loaded under key, and whether path
// already points at it, with its root recorded. It reads committed data
// only, so it may run on a separate read connection while the writer
// works.
func Lookup(ctx context.Context, db *sql.DB, sha, key, path string) (loaded, pathKnown bool, status string, err error) {
	err = db.QueryRowContext(ctx, `
		SELECT d.status, EXISTS (SELECT 1 FROM paths p WHERE p.path = ? AND p.document_id = d.document_id AND p.root IS NOT NULL)
		FROM documents d WHERE d.sha256 = ? AND d.extractor = ? LIMIT 1`, path, sha, key).Scan(&status, &pathKnown)
	if err == sql.ErrNoRows {
		return false, false, "", nil
	}
	if err != nil {
		return false, false, "", lockErr(err)
	}
	return true, pathKnown, status, nil
}

// Loaded says what Put did with an entry.
type Loaded struct {
	Stored bool   // the content was stored anew
	Status string // the status of the document the path now points to
}

// ErrBatchLost reports that the open batch could not be committed or was
// rolled back whole: entries Put before it are not in the database, and the
// run must stop rather than count them loaded.
var ErrBatchLost = errors.New("the batch of documents being loaded was lost")

// Put loads one entry. On error nothing of the entry is left in the
// database and the batch goes on, unless the error is ErrBatchLost (or
// ErrLocked).
//
// Cancelling ctx does not undo what Put loaded (database/sql would roll
// back a transaction whose context is cancelled): what the pipeline counted
// before it stopped stays in the database.
func (w *Writer) Put(ctx context.Context, e *Entry) (Loaded, error) {
	ctx = context.WithoutCancel(ctx)
	if err := w.begin(ctx); err != nil {
		return Loaded{}, err
	}
	if _, err := w.b.tx.ExecContext(ctx, `SAVEPOINT entry`); err != nil {
		w.abort()
		return Loaded{}, fmt.Errorf("%w: %w", ErrBatchLost, lockErr(err))
	}
	w.entryTerms, w.entryKeyed = w.entryTerms[:0], w.entryKeyed[:0]
	loaded, err := w.put(ctx, w.b, e)
	if err != nil {
		// The strings the entry added to vocab go with it. (A text it
		// gave an id to is added only with an entry that is kept.)
		clear(w.vocab)
		_, rerr := w.b.tx.ExecContext(ctx, `ROLLBACK TO entry`)
		if rerr == nil {
			_, rerr = w.b.tx.ExecContext(ctx, `RELEASE entry`)
		}
		if rerr != nil {
			// The transaction is in an unknown state: give it up whole
			// rather than commit half an entry.
			w.abort()
			return Loaded{}, fmt.Errorf("%w: load %s: %w (rolling back: %v)", ErrBatchLost, e.Path, lockErr(err), rerr)
		}
		return Loaded{}, fmt.Errorf("load %s: %w", e.Path, lockErr(err))
	}
	if _, err := w.b.tx.ExecContext(ctx, `RELEASE entry`); err != nil {
		w.abort()
		return Loaded{}, fmt.Errorf("%w: %w", ErrBatchLost, lockErr(err))
	}
	// The entry is in: its reports count in term_df when the batch is
	// committed.
	for _, t := range w.entryTerms {
		w.df[t]++
	}
	w.keepKeyed()
	w.pending++
	if w.pending >= w.maxBatch || w.now().Sub(w.started) >= w.maxAge {
		return loaded, w.Flush()
	}
	return loaded, nil
}

// begin opens a batch unless one is open.
func (w *Writer) begin(ctx context.Context) error {
	if w.b != nil {
		return nil
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return lockErr(err)
	}
	w.b, w.started = &batch{tx: tx, stmts: map[string]*sql.Stmt{},
		multi: map[multiKey]*sql.Stmt{}, dfStmts: map[int]*sql.Stmt{}}, w.now()
	return nil
}

func (w *Writer) abort() {
	w.b.tx.Rollback()
	w.b, w.pending = nil, 0
	clear(w.df)
	clear(w.keyed)
	clear(w.texts)
	clear(w.vocab)
	w.nextText = 0
}

// UnreadPaths returns the paths recorded as failed without being read
// (a folder or file that could not be opened), from committed data.
func UnreadPaths(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT p.path FROM paths p JOIN documents d USING (document_id)
		WHERE d.status = 'failed' AND d.sha256 = 'unreadable:' || p.path`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var paths []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, rows.Err()
}

// Forget removes the record of path in the open batch (beginning one):
// a folder that failed before and is read now. The document it held goes
// at the next Prune, when no other path holds it.
func (w *Writer) Forget(ctx context.Context, path string) error {
	ctx = context.WithoutCancel(ctx)
	if err := w.begin(ctx); err != nil {
		return err
	}
	if _, err := w.b.exec(ctx, `DELETE FROM paths WHERE path = ?`, path); err != nil {
		w.abort()
		return fmt.Errorf("%w: %w", ErrBatchLost, lockErr(err))
	}
	return nil
}

// Pending is how many entries the open batch holds, not yet committed;
// 0 once it is.
func (w *Writer) Pending() int { return w.pending }

// MaxAge is how long a batch may stay open.
func (w *Writer) MaxAge() time.Duration { return w.maxAge }

// FlushDue commits the open batch if it is older than the writer's maxAge.
// Put only checks the age when an entry comes; the pipeline calls FlushDue
// on a timer so that finished documents are committed (and the write lock
// let go) while a slow file is still being read.
func (w *Writer) FlushDue() error {
	if w.b == nil || w.now().Sub(w.started) < w.maxAge {
		return nil
	}
	return w.Flush()
}

// Flush commits the open batch.
func (w *Writer) Flush() error {
	if w.b == nil {
		return nil
	}
	ctx := context.Background()
	if err := w.upsertTermDF(ctx, w.b); err != nil {
		w.abort()
		return fmt.Errorf("%w: %w", ErrBatchLost, lockErr(err))
	}
	if err := w.insertKeyed(ctx, w.b); err != nil {
		w.abort()
		return fmt.Errorf("%w: %w", ErrBatchLost, lockErr(err))
	}
	err := w.b.tx.Commit()
	w.b, w.pending = nil, 0
	clear(w.texts)
	clear(w.vocab)
	w.nextText = 0
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBatchLost, lockErr(err))
	}
	return nil
}

// Prune deletes the documents that no path holds any more (a changed file's
// earlier version), and says how many. It runs once after a run rather
// than per entry, so that a later entry of the same run may still record a
// path to that content.
func (w *Writer) Prune(ctx context.Context) (int64, error) {
	if err := w.Flush(); err != nil {
		return 0, err
	}
	ctx = context.WithoutCancel(ctx)
	const orphans = `SELECT document_id FROM documents WHERE document_id NOT IN (SELECT document_id FROM paths)`
	// Looking first keeps a run with nothing to do from taking the write
	// lock, so it succeeds on a database it cannot write.
	var any bool
	if err := w.db.QueryRowContext(ctx, `SELECT EXISTS (`+orphans+`)`).Scan(&any); err != nil {
		return 0, lockErr(err)
	}
	if !any {
		return 0, nil
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, lockErr(err)
	}
	defer tx.Rollback()
	// The reports that go no longer count in their terms' frequencies.
	if _, err := tx.ExecContext(ctx, `INSERT INTO term_df (term, df)
		SELECT v.value, -count(*) FROM report_terms t JOIN reports r USING (report_id) JOIN vocab v ON v.vocab_id = t.term
		WHERE r.document_id IN (`+orphans+`) GROUP BY v.value
		ON CONFLICT (term) DO UPDATE SET df = df + excluded.df`); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM term_df WHERE df <= 0`); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, markKeywordsStale); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE document_id IN (`+orphans+`)`)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if n > 0 {
		// The texts no unit names any more; a trigger takes their words
		// out of unit_texts_fts (migration 0011).
		if _, err := tx.ExecContext(ctx, `DELETE FROM unit_texts WHERE text_id NOT IN (SELECT text_id FROM search_unit_rows)`); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, deleteUnusedVocab); err != nil {
			return 0, err
		}
	}
	return n, lockErr(tx.Commit())
}

// deleteUnusedVocab deletes the strings of vocab that no row names any
// more: the rows of the columns tables.go marks inVocab.
var deleteUnusedVocab = func() string {
	var named []string
	for _, ti := range allTables() {
		for _, c := range ti.cols {
			if c.vocab {
				named = append(named, fmt.Sprintf("SELECT %[1]s FROM %[2]s WHERE %[1]s IS NOT NULL", c.name, ti.name))
			}
		}
	}
	return "DELETE FROM vocab WHERE vocab_id NOT IN (\n\t" + strings.Join(named, "\n\tUNION ") + ")"
}()

func (w *Writer) put(ctx context.Context, b *batch, e *Entry) (Loaded, error) {
	var docID int64
	var status string
	err := b.queryRow(ctx, `SELECT document_id, status FROM documents WHERE sha256 = ? AND extractor = ? LIMIT 1`,
		e.SHA256, e.Key).Scan(&docID, &status)
	loaded := Loaded{Status: status}
	switch {
	case err == sql.ErrNoRows:
		if e.PathOnly {
			return Loaded{}, fmt.Errorf("content %s is not loaded", e.SHA256[:min(12, len(e.SHA256))])
		}
		if docID, err = w.insertDocument(ctx, b, e); err != nil {
			return Loaded{}, err
		}
		loaded = Loaded{Stored: true, Status: e.Status}
	case err != nil:
		return Loaded{}, err
	case status == StatusFailed && e.Status == StatusFailed:
		// The same content failed again: keep the newest reason.
		if _, err := b.exec(ctx, `UPDATE documents SET error = ?, ingested_at = ? WHERE document_id = ?`,
			errText(e.Err), w.stamp(), docID); err != nil {
			return Loaded{}, err
		}
	case status == StatusFailed && e.Status != "" && !e.PathOnly:
		// Content that failed before (a time limit, say) reads now: it
		// replaces the failed row, for every path that held it.
		old := docID
		if docID, err = w.insertDocument(ctx, b, e); err != nil {
			return Loaded{}, err
		}
		if _, err := b.exec(ctx, `UPDATE paths SET document_id = ? WHERE document_id = ?`, docID, old); err != nil {
			return Loaded{}, err
		}
		if _, err := b.exec(ctx, `DELETE FROM documents WHERE document_id = ?`, old); err != nil {
			return Loaded{}, err
		}
		loaded = Loaded{Stored: true, Status: e.Status}
	}
	// Otherwise the content is loaded already (a failure of another copy of
	// loaded content changes nothing): the path points at it.
	return loaded, w.recordPath(ctx, b, e, docID)
}

// recordPath points the entry's path at docID, in place of its earlier
// places. The document a path held before stays until Prune, when no
// other path holds it.
func (w *Writer) recordPath(ctx context.Context, b *batch, e *Entry, docID int64) error {
	stored := e.StoredPath()
	for _, old := range e.Replaces {
		if old == stored {
			continue
		}
		if _, err := b.exec(ctx, `DELETE FROM paths WHERE path = ?`, old); err != nil {
			return err
		}
	}
	if e.Root != "" && e.Path != stored {
		// The file as stored before roots were, when reached the same
		// way: its path is now stored absolute.
		if _, err := b.exec(ctx, `DELETE FROM paths WHERE path = ? AND root IS NULL`, e.Path); err != nil {
			return err
		}
	}
	_, err := b.exec(ctx, `INSERT INTO paths (path, document_id, seen_at, root, rel) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at,
			root = coalesce(excluded.root, root), rel = coalesce(excluded.rel, rel)
		WHERE document_id <> excluded.document_id OR root IS NULL AND excluded.root IS NOT NULL`,
		stored, docID, w.stamp(), nullIfEmpty(e.Root), nullIfEmpty(e.Rel))
	return err
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Place is a stored path of a document.
type Place struct {
	Path string
	Root string // "" when stored before roots were
	Rel  string
}

// Places returns the stored paths of content sha under key that may be
// the earlier place of a file found at rel: those at the same rel, and
// those stored before roots were (which Root "" marks).
func Places(ctx context.Context, db *sql.DB, sha, key, rel string) ([]Place, error) {
	rows, err := db.QueryContext(ctx, `SELECT p.path, coalesce(p.root, ''), coalesce(p.rel, '')
		FROM paths p JOIN documents d USING (document_id)
		WHERE d.sha256 = ? AND d.extractor = ? AND (p.root IS NULL OR p.rel = ?)`, sha, key, rel)
	if err != nil {
		return nil, lockErr(err)
	}
	defer rows.Close()
	var out []Place
	for rows.Next() {
		var pl Place
		if err := rows.Scan(&pl.Path, &pl.Root, &pl.Rel); err != nil {
			return nil, err
		}
		out = append(out, pl)
	}
	return out, rows.Err()
}

// EachStoredPath calls fn with every stored path, one row at a time, so
// that an archive of any size is gone through in the same memory.
func EachStoredPath(ctx context.Context, db *sql.DB, fn func(path string)) error {
	rows, err := db.QueryContext(ctx, `SELECT path FROM paths`)
	if err != nil {
		return lockErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return err
		}
		fn(p)
	}
	return rows.Err()
}

// RemovePaths deletes the stored paths (files gone from disk), and says
// how many documents that leaves without a path: Prune removes those.
func (w *Writer) RemovePaths(ctx context.Context, paths []string) (int64, error) {
	if len(paths) == 0 {
		return 0, nil
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	ctx = context.WithoutCancel(ctx)
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, lockErr(err)
	}
	defer tx.Rollback()
	docs := map[int64]bool{}
	for _, p := range paths {
		var id int64
		err := tx.QueryRowContext(ctx, `DELETE FROM paths WHERE path = ? RETURNING document_id`, p).Scan(&id)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return 0, lockErr(err)
		default:
			docs[id] = true
		}
	}
	var n int64
	for id := range docs {
		var left bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM paths WHERE document_id = ?)`, id).Scan(&left); err != nil {
			return 0, lockErr(err)
		}
		if !left {
			n++
		}
	}
	return n, lockErr(tx.Commit())
}

func (w *Writer) stamp() string { return w.now().UTC().Format(time.RFC3339) }

func errText(err error) any {
	if err == nil {
		return nil
	}
	return err.Error()
}

// decimalValue converts an exact decimal string to a REAL for storage.
func decimalValue(s string) any {
	if s == "" {
		return nil
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil
	}
	f, _ := r.Float64()
	return f
}

func (w *Writer) insertDocument(ctx context.Context, b *batch, e *Entry) (int64, error) {
	p := e.prepared
	if p == nil {
		p = prepareEntry(e)
	}
	id, err := w.insertPrepared(ctx, b, p)
	if err != nil {
		return 0, err
	}
	// New reports change every term's weight: the keywords are stale
	// until refreshed, in the same transaction, so that no kill point
	// leaves them wrong for good.
	if e.Ext != nil && len(e.Ext.Reports) > 0 {
		if _, err := b.exec(ctx, markKeywordsStale); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// TableText renders a table as text: cells tab-separated, a row a line;
// a merged cell is written once, in the row where it starts.
func TableText(t *model.Table) string {
	var b strings.Builder
	row := -1
	for i := range t.Cells {
		c := &t.Cells[i]
		if c.Row != row {
			if row >= 0 {
				b.WriteByte('\n')
			}
			row = c.Row
		} else {
			b.WriteByte('\t')
		}
		b.WriteString(c.Text)
	}
	return b.String()
}
