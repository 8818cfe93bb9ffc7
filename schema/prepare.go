package schema

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// The column specs are evaluated by Prepare, in the pipeline's workers;
// the single writer then only binds the values and steps, many rows a
// statement. A row that names another row of the same document (its
// document, report, section or search unit) holds a ref to it, which the
// writer resolves to the id SQLite gave that row.

// ref is a row of a Prepared: t indexes its tables, i the row within.
type ref struct{ t, i int32 }

// nowStamp stands for the time the writer loads the row: the writer's
// clock, not the worker's, dates it.
type nowStamp struct{}

// textKey stands for the text_id of the unit text whose hash (textID) it
// holds: the writer gives each new text the next id (Writer.textID).
// Small ids in order, rather than the hashes themselves, take a byte or
// two in each row that names a text, its index and the full-text index's
// lists of rows, where a hash took nine.
type textKey int64

// vocabKey stands for the vocab_id of a short string that many rows
// repeat (a figure's kind, unit or label): the writer looks it up in
// vocab, adding it if new (Writer.vocabID).
type vocabKey string

// vocabWord is s as a vocabKey, NULL when empty.
func vocabWord(s string) any {
	if s == "" {
		return nil
	}
	return vocabKey(s)
}

// tableSQL is what the writer needs of a table: its name and columns.
type tableSQL struct {
	name  string
	cols  []string
	keyed bool // rows keyed by their first column, loaded once a batch: see table.keyed
}

// Prepared is an entry's rows, their values computed: the rows of each
// table in the order they were reached, which is the order the writer
// inserts them in, so that ids come out as if each were inserted alone.
type Prepared struct {
	tables []*preparedTable
	terms  []string // each report's terms, once a report: what term_df counts
}

type preparedTable struct {
	sql  *tableSQL
	args []any // the rows' values, len(sql.cols) a row
	rows int
}

// table returns the table of t and its index, adding it after the others
// when p has none yet.
func (p *Prepared) table(t *tableSQL) (*preparedTable, int) {
	i := len(p.tables) - 1
	for ; i >= 0 && p.tables[i].sql != t; i-- {
	}
	if i < 0 {
		i = len(p.tables)
		p.tables = append(p.tables, &preparedTable{sql: t})
	}
	return p.tables[i], i
}

// row adds a row to the table of t and returns the table and its ref.
func (p *Prepared) row(t *tableSQL) (*preparedTable, ref) {
	pt, i := p.table(t)
	pt.rows++
	return pt, ref{int32(i), int32(pt.rows - 1)}
}

// Prepare computes the rows that store e, so that Put has only to insert
// them. The pipeline's workers call it; Put prepares an entry that was
// not. A path-only entry has no rows.
func (e *Entry) Prepare() {
	if e.PathOnly || e.prepared != nil {
		return
	}
	e.prepared = prepareEntry(e)
}

func prepareEntry(e *Entry) *Prepared {
	p := &Prepared{}
	s := &scope{p: p, stamp: nowStamp{}}
	if e.Status == StatusOK {
		s.doc = e.Doc
	}
	s.docID = documentsTable.prepareRow(s, e)
	if s.doc == nil {
		return p
	}
	for i, bl := range s.doc.Body {
		if bl.Kind == model.KindTable {
			if s.tableBlock == nil {
				s.tableBlock = map[int]int{}
			}
			s.tableBlock[bl.TableNo] = i + 1
		}
	}
	if e.Ext != nil {
		s.indexUnits(len(s.doc.Body), e.Ext.Index)
	}
	for _, t := range documentTables {
		t.prepare(s, s.doc)
	}
	if e.Ext != nil {
		s.reports = make([]ref, 0, len(e.Ext.Reports))
		s.sections = make([][]ref, 0, len(e.Ext.Reports))
		for _, t := range extractionTables {
			t.prepare(s, e.Ext)
		}
	}
	for _, pt := range p.tables {
		if pt.sql.keyed {
			pt.uniqueKeys()
		}
	}
	return p
}

// uniqueKeys keeps one row of each key (the first column) of a keyed
// table: a document repeats many texts (a cell "合计" in every table), and
// the writer need not see each again.
func (pt *preparedTable) uniqueKeys() {
	n := len(pt.sql.cols)
	seen := make(map[int64]bool, pt.rows)
	args := pt.args[:0]
	for i := 0; i < len(pt.args); i += n {
		row := pt.args[i : i+n]
		if k := row[0].(textKey); !seen[int64(k)] {
			seen[int64(k)] = true
			args = append(args, row...)
		}
	}
	clear(pt.args[len(args):])
	pt.args, pt.rows = args, len(args)/n
}

// maxVars is the most parameters a statement binds: SQLite's limit, 32766
// since 3.32, would make statements that take longer to prepare than the
// rows they save.
const maxVars = 4096

// maxRows is the most rows an INSERT statement holds.
const maxRows = 128

// chunk is how many of n rows of ncols columns the next statement holds:
// a power of two, so that a batch prepares few distinct statements.
func chunk(n, ncols int) int {
	limit := min(n, maxRows, max(1, maxVars/ncols))
	k := 1
	for k*2 <= limit {
		k *= 2
	}
	return k
}

type multiKey struct {
	t    *tableSQL
	rows int
}

// multiStmt returns the statement inserting rows rows into t.
func (b *batch) multiStmt(ctx context.Context, t *tableSQL, rows int) (*sql.Stmt, error) {
	k := multiKey{t, rows}
	if st, ok := b.multi[k]; ok {
		return st, nil
	}
	row := "(?" + strings.Repeat(", ?", len(t.cols)-1) + ")"
	var q strings.Builder
	verb := "INSERT"
	if t.keyed {
		verb = "INSERT OR IGNORE"
	}
	fmt.Fprintf(&q, "%s INTO %s (%s) VALUES %s", verb, t.name, strings.Join(t.cols, ", "), row)
	for range rows - 1 {
		q.WriteString(", ")
		q.WriteString(row)
	}
	st, err := b.tx.PrepareContext(ctx, q.String())
	if err != nil {
		return nil, err
	}
	b.multi[k] = st
	return st, nil
}

// insertPrepared inserts p's rows and returns the id of its first row (the
// documents row). Refs are resolved through ids, the id of every row
// inserted so far: a row names only rows of tables reached before its own.
func (w *Writer) insertPrepared(ctx context.Context, b *batch, p *Prepared) (int64, error) {
	ids := make([][]int64, len(p.tables))
	var stamp string
	for ti, pt := range p.tables {
		if pt.sql.keyed {
			// Loaded with the batch, once the entry is in.
			w.entryKeyed = append(w.entryKeyed, pt)
			continue
		}
		ids[ti] = make([]int64, pt.rows)
		ncols := len(pt.sql.cols)
		for done := 0; done < pt.rows; {
			k := chunk(pt.rows-done, ncols)
			if done == 0 {
				// A row naming a row of its own table (a section its
				// parent) goes in a statement after the table's first:
				// from then on the id of every row of the table is
				// known, as the table's rows take consecutive ids.
				for j, v := range pt.args[:k*ncols] {
					if v, ok := v.(ref); ok && int(v.t) == ti {
						k = chunk(max(j/ncols, 1), ncols)
						break
					}
				}
			}
			ahead := false // whether a row names a row not yet in
			w.args = append(w.args[:0], pt.args[done*ncols:(done+k)*ncols]...)
			for j, v := range w.args {
				switch v := v.(type) {
				case ref:
					if int(v.t) == ti && int(v.i) >= done {
						w.args[j], ahead = ids[ti][0]+int64(v.i), true
					} else {
						w.args[j] = ids[v.t][v.i]
					}
				case textKey:
					id, err := w.textID(ctx, b, int64(v))
					if err != nil {
						return 0, fmt.Errorf("%s: %w", pt.sql.name, err)
					}
					w.args[j] = id
				case vocabKey:
					id, err := w.vocabID(ctx, b, string(v))
					if err != nil {
						return 0, fmt.Errorf("%s: %w", pt.sql.name, err)
					}
					w.args[j] = id
				case nowStamp:
					if stamp == "" {
						stamp = w.stamp()
					}
					w.args[j] = stamp
				}
			}
			st, err := b.multiStmt(ctx, pt.sql, k)
			if err != nil {
				return 0, err
			}
			res, err := st.ExecContext(ctx, w.args...)
			if err != nil {
				return 0, fmt.Errorf("%s rows %d–%d: %w", pt.sql.name, done+1, done+k, err)
			}
			// The rows of one statement take consecutive ids, the last
			// the one SQLite reports. (A table whose rows name their own
			// ids, or WITHOUT ROWID, gets ids nothing refers to.)
			last, err := res.LastInsertId()
			if err != nil {
				return 0, err
			}
			if first := last - int64(done+k-1); ahead && first != ids[ti][0] {
				// Not consecutive: the rows named their parents wrong.
				return 0, fmt.Errorf("%s rows %d–%d: ids from %d, want %d", pt.sql.name, done+1, done+k, first, ids[ti][0])
			}
			for j := range k {
				ids[ti][done+j] = last - int64(k-1-j)
			}
			done += k
		}
	}
	w.entryTerms = append(w.entryTerms, p.terms...)
	return ids[0][0], nil
}

// keepKeyed adds the rows of the keyed tables of the entry just put to
// the batch's, each key once.
func (w *Writer) keepKeyed() {
	for _, pt := range w.entryKeyed {
		rows := w.keyed[pt.sql]
		if rows == nil {
			rows = map[int64][]any{}
			w.keyed[pt.sql] = rows
		}
		n := len(pt.sql.cols)
		for i := 0; i < len(pt.args); i += n {
			k := int64(pt.args[i].(textKey))
			if _, ok := rows[k]; !ok {
				// Copies: a text may be a slice of its whole document,
				// which the batch would otherwise hold in memory.
				row := make([]any, n)
				for j, v := range pt.args[i : i+n] {
					if s, ok := v.(string); ok {
						v = strings.Clone(s)
					}
					row[j] = v
				}
				rows[k] = row
			}
		}
	}
	w.entryKeyed = w.entryKeyed[:0]
}

// insertKeyed inserts the batch's new rows of keyed tables, in the order
// of their ids. unit_texts_fts is why: FTS5 writes the words it holds to
// a new segment of the index whenever a row comes with a smaller rowid
// than the one before, and at every statement (a statement savepoint),
// and the more segments, the more merging. (Statements of 1,024 rows
// rather than 128 saved another 0.05 s of 1.3 on real-200 but took ~15 MB
// more memory.) A text stored before the batch is not inserted again.
func (w *Writer) insertKeyed(ctx context.Context, b *batch) error {
	for t, rows := range w.keyed {
		type keyed struct{ id, key int64 }
		ids := make([]keyed, 0, len(rows))
		for key := range rows {
			if tx := w.texts[key]; tx.added {
				ids = append(ids, keyed{tx.id, key})
			}
		}
		slices.SortFunc(ids, func(a, b keyed) int { return cmp.Compare(a.id, b.id) })
		ncols := len(t.cols)
		for done := 0; done < len(ids); {
			k := chunk(len(ids)-done, ncols)
			w.args = w.args[:0]
			for _, id := range ids[done : done+k] {
				w.args = append(append(w.args, id.id), rows[id.key][1:]...)
			}
			st, err := b.multiStmt(ctx, t, k)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, w.args...); err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			done += k
		}
	}
	clear(w.keyed)
	return nil
}

// textID returns the text_id of the unit text with hash key: the id it is
// stored under, or, for a text new to the database, the next id, which
// insertKeyed stores it under when the batch commits. The batch holds the
// write lock from its first row on, so no other writer takes ids
// meanwhile; the ids a batch gives are forgotten with it.
func (w *Writer) textID(ctx context.Context, b *batch, key int64) (int64, error) {
	if tx, ok := w.texts[key]; ok {
		return tx.id, nil
	}
	var id int64
	err := b.queryRow(ctx, `SELECT text_id FROM unit_texts WHERE hash = ?`, key).Scan(&id)
	switch {
	case err == nil:
		w.texts[key] = batchText{id: id}
		return id, nil
	case err != sql.ErrNoRows:
		return 0, err
	}
	if w.nextText == 0 {
		if err := b.queryRow(ctx, `SELECT coalesce(max(text_id), 0) + 1 FROM unit_texts`).Scan(&w.nextText); err != nil {
			return 0, err
		}
	}
	id, w.nextText = w.nextText, w.nextText+1
	w.texts[key] = batchText{id: id, added: true}
	return id, nil
}

// vocabID returns the vocab_id of s, adding s to vocab if it is not there.
// The batch remembers the ids it used: a run repeats the same few hundred.
func (w *Writer) vocabID(ctx context.Context, b *batch, s string) (int64, error) {
	if id, ok := w.vocab[s]; ok {
		return id, nil
	}
	var id int64
	err := b.queryRow(ctx, `SELECT vocab_id FROM vocab WHERE value = ?`, s).Scan(&id)
	if err == sql.ErrNoRows {
		var res sql.Result
		if res, err = b.exec(ctx, `INSERT INTO vocab (value) VALUES (?)`, s); err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, err
	}
	w.vocab[strings.Clone(s)] = id
	return id, nil
}

// upsertTermDF adds the batch's report counts to term_df, many terms a
// statement: once a batch rather than once a report and term.
func (w *Writer) upsertTermDF(ctx context.Context, b *batch) error {
	if len(w.df) == 0 {
		return nil
	}
	const upsert = ` ON CONFLICT (term) DO UPDATE SET df = df + excluded.df`
	// In key order: term_df's B-tree is walked once, not probed at random.
	terms := make([]any, 0, 2*len(w.df))
	for _, t := range slices.Sorted(maps.Keys(w.df)) {
		terms = append(terms, t, w.df[t])
	}
	for done := 0; done < len(terms)/2; {
		k := chunk(len(terms)/2-done, 2)
		st, ok := b.dfStmts[k]
		if !ok {
			q := "INSERT INTO term_df (term, df) VALUES (?, ?)" + strings.Repeat(", (?, ?)", k-1) + upsert
			var err error
			if st, err = b.tx.PrepareContext(ctx, q); err != nil {
				return err
			}
			b.dfStmts[k] = st
		}
		if _, err := st.ExecContext(ctx, terms[2*done:2*(done+k)]...); err != nil {
			return err
		}
		done += k
	}
	clear(w.df)
	return nil
}
