package schema

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/govreports/govreports/schema/model"
)

// Status of a document row.
const (
	StatusOK      = "ok"
	StatusFailed  = "failed"
	StatusSkipped = "skipped"
)

// Entry is what the pipeline hands the writer for one file.
type Entry struct {
	Path   string // as reached from the command line, forward slashes
	SHA256 string
	Key    string // extractor key: extractor version and dictionary hash
	Bytes  int64
	Format string // txt, docx, or the sniffed format of a skipped file
	Status string
	Err    error // the reason, when failed or skipped

	// PathOnly says the content is already loaded under Key: only the path
	// needs recording.
	PathOnly bool

	Doc *model.Document   // when ok
	Ext *model.Extraction // when ok
}

// Writer loads entries in batched transactions. It is not safe for
// concurrent use: one goroutine owns it.
type Writer struct {
	db       *sql.DB
	tx       *sql.Tx
	pending  int
	started  time.Time
	maxBatch int
	maxAge   time.Duration
	now      func() time.Time
}

// NewWriter returns a writer that commits every maxBatch entries or when a
// batch is older than maxAge, whichever comes first.
func NewWriter(db *sql.DB, maxBatch int, maxAge time.Duration) *Writer {
	if maxBatch < 1 {
		maxBatch = 1
	}
	return &Writer{db: db, maxBatch: maxBatch, maxAge: maxAge, now: time.Now}
}

// Lookup tells whether content sha is loaded under key, and whether path
// already points at it. It reads committed data only, so it may run on a
// separate read connection while the writer works.
func Lookup(ctx context.Context, db *sql.DB, sha, key, path string) (loaded, pathKnown bool, status string, err error) {
	err = db.QueryRowContext(ctx, `
		SELECT d.status, EXISTS (SELECT 1 FROM paths p WHERE p.path = ? AND p.document_id = d.document_id)
		FROM documents d WHERE d.sha256 = ? AND d.extractor = ? LIMIT 1`, path, sha, key).Scan(&status, &pathKnown)
	if err == sql.ErrNoRows {
		return false, false, "", nil
	}
	if err != nil {
		return false, false, "", lockErr(err)
	}
	return true, pathKnown, status, nil
}

// Put loads one entry. On error nothing of the entry is left in the
// database and the batch goes on.
func (w *Writer) Put(ctx context.Context, e *Entry) error {
	if w.tx == nil {
		tx, err := w.db.BeginTx(ctx, nil)
		if err != nil {
			return lockErr(err)
		}
		w.tx, w.started = tx, w.now()
	}
	if _, err := w.tx.ExecContext(ctx, `SAVEPOINT entry`); err != nil {
		return lockErr(err)
	}
	if err := w.put(ctx, e); err != nil {
		w.tx.ExecContext(ctx, `ROLLBACK TO entry`)
		w.tx.ExecContext(ctx, `RELEASE entry`)
		return fmt.Errorf("load %s: %w", e.Path, lockErr(err))
	}
	if _, err := w.tx.ExecContext(ctx, `RELEASE entry`); err != nil {
		return lockErr(err)
	}
	w.pending++
	if w.pending >= w.maxBatch || w.now().Sub(w.started) >= w.maxAge {
		return w.Flush()
	}
	return nil
}

// Flush commits the open batch.
func (w *Writer) Flush() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx, w.pending = nil, 0
	return lockErr(err)
}

// Close commits what is pending.
func (w *Writer) Close() error { return w.Flush() }

func (w *Writer) put(ctx context.Context, e *Entry) error {
	tx := w.tx
	var docID int64
	err := tx.QueryRowContext(ctx, `SELECT document_id FROM documents WHERE sha256 = ? AND extractor = ? LIMIT 1`,
		e.SHA256, e.Key).Scan(&docID)
	switch {
	case err == sql.ErrNoRows:
		if e.PathOnly {
			return fmt.Errorf("content %s is not loaded", e.SHA256[:12])
		}
		if docID, err = w.insertDocument(ctx, e); err != nil {
			return err
		}
	case err != nil:
		return err
	case e.Status == StatusFailed:
		// The same content failed again: keep the newest reason.
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET error = ?, ingested_at = ? WHERE document_id = ?`,
			errText(e.Err), w.stamp(), docID); err != nil {
			return err
		}
	}
	return w.recordPath(ctx, e.Path, docID)
}

// recordPath points path at docID, and drops the document the path held
// before when no other path holds it any more.
func (w *Writer) recordPath(ctx context.Context, path string, docID int64) error {
	tx := w.tx
	var old int64
	err := tx.QueryRowContext(ctx, `SELECT document_id FROM paths WHERE path = ?`, path).Scan(&old)
	if err == nil && old == docID {
		return nil
	}
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO paths (path, document_id, seen_at) VALUES (?, ?, ?)
		ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at`,
		path, docID, w.stamp()); err != nil {
		return err
	}
	if old == 0 {
		return nil
	}
	var others int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM paths WHERE document_id = ?`, old).Scan(&others); err != nil {
		return err
	}
	if others > 0 {
		return nil
	}
	return deleteDocument(ctx, tx, old)
}

func deleteDocument(ctx context.Context, tx *sql.Tx, id int64) error {
	// FTS rows are not covered by foreign keys.
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_fts WHERE rowid IN (SELECT unit_id FROM search_units WHERE document_id = ?)`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE document_id = ?`, id)
	return err
}

func (w *Writer) stamp() string { return w.now().UTC().Format(time.RFC3339) }

func errText(err error) any {
	if err == nil {
		return nil
	}
	return err.Error()
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
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

func (w *Writer) insertDocument(ctx context.Context, e *Entry) (int64, error) {
	tx := w.tx
	name := e.Path[strings.LastIndex(e.Path, "/")+1:]
	var encoding, props, warnings any
	blocks, tables := 0, 0
	if d := e.Doc; d != nil {
		encoding = nullStr(d.Encoding)
		if len(d.Props) > 0 {
			b, _ := json.Marshal(d.Props)
			props = string(b)
		}
		warnings = nullStr(strings.Join(d.Warnings, "\n"))
		blocks, tables = len(d.Body), len(d.Tables)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents
		(sha256, extractor, name, format, encoding, bytes, status, error, warnings, props, block_count, table_count, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.SHA256, e.Key, name, e.Format, encoding, e.Bytes, e.Status, errText(e.Err), warnings, props, blocks, tables, w.stamp())
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if e.Status != StatusOK || e.Doc == nil {
		return id, nil
	}
	if err := insertBody(ctx, tx, id, e.Doc); err != nil {
		return 0, err
	}
	if e.Ext != nil {
		if err := insertExtraction(ctx, tx, id, e.Ext); err != nil {
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

func insertBody(ctx context.Context, tx *sql.Tx, id int64, d *model.Document) error {
	blk, err := tx.PrepareContext(ctx, `INSERT INTO blocks (document_id, block_no, kind, style, marker, text, table_no, line, body_index)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer blk.Close()
	tableBlock := map[int]int{}
	for i, b := range d.Body {
		var style, marker any
		text := b.Para.Text
		var tableNo any
		if b.Kind == model.KindTable {
			tableBlock[b.TableNo] = i + 1
			tableNo = b.TableNo
			if b.TableNo >= 1 && b.TableNo <= len(d.Tables) {
				text = TableText(&d.Tables[b.TableNo-1])
			}
		} else {
			style, marker = nullStr(b.Para.Style), nullStr(b.Para.Marker)
		}
		var line, index any
		if d.Format == model.FormatTXT {
			line = b.Pos.Line
		} else {
			index = b.Pos.Index
		}
		if _, err := blk.ExecContext(ctx, id, i+1, b.Kind.String(), style, marker, text, tableNo, line, index); err != nil {
			return err
		}
	}
	tbl, err := tx.PrepareContext(ctx, `INSERT INTO tables (document_id, table_no, rows, cols, block_no, parent_table, parent_row, parent_col)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer tbl.Close()
	cell, err := tx.PrepareContext(ctx, `INSERT INTO table_cells (document_id, table_no, row, col, rowspan, colspan, text)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer cell.Close()
	for i := range d.Tables {
		t := &d.Tables[i]
		no := i + 1
		var blockNo, pt, pr, pc any
		if b, ok := tableBlock[no]; ok {
			blockNo = b
		}
		if t.ParentTable > 0 {
			pt, pr, pc = t.ParentTable, t.ParentRow, t.ParentCol
		}
		if _, err := tbl.ExecContext(ctx, id, no, t.Rows, t.Cols, blockNo, pt, pr, pc); err != nil {
			return err
		}
		for _, c := range t.Cells {
			if _, err := cell.ExecContext(ctx, id, no, c.Row, c.Col, max(c.RowSpan, 1), max(c.ColSpan, 1), c.Text); err != nil {
				return fmt.Errorf("table %d cell (%d,%d): %w", no, c.Row, c.Col, err)
			}
		}
	}
	for _, p := range d.Parts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO parts (document_id, kind, name, text) VALUES (?, ?, ?, ?)`,
			id, p.Kind, p.Name, p.Text); err != nil {
			return err
		}
	}
	return nil
}
