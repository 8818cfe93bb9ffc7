package schema

import (
	"hash"
	"slices"

	"github.com/govreports/govreports/ingest/model"
)

// The model reaches the tables through column specs (tables.go): a table
// names the model values its rows are drawn from and, for each column,
// the model fields it stores and how. One generic prepare computes their rows,
// and TestModelFieldsStored checks that no field of the model is left out.

// column is one column of an SQL table.
type column[T any] struct {
	name string
	// fields names the model fields the column stores, as Type.Field
	// paths ("Figure.Place.Block"), comma-separated; empty for a key the
	// scope supplies (document_id, report_id …).
	fields string
	value  func(s *scope, v *T) any
	vocab  bool // its values are vocab ids (see inVocab)
}

func col[T any](name, fields string, value func(s *scope, v *T) any) column[T] {
	return column[T]{name: name, fields: fields, value: value}
}

// inVocab marks c as a column of vocab ids, its value a vocabKey or nil:
// Prune keeps the strings such columns name (deleteUnusedVocab).
func (c column[T]) inVocab() column[T] {
	c.vocab = true
	return c
}

// scope is where a row stands: the rows it belongs to. One scope serves a
// whole document; the prepare sets n and up for each row. Row ids are
// refs: the rows are prepared before the writer inserts them.
type scope struct {
	doc        *model.Document
	p          *Prepared
	docID      ref
	stamp      any         // ingested_at: nowStamp, the writer's clock
	tableBlock map[int]int // table number → number of the block that holds it
	reports    []ref       // the document's reports so far
	sections   [][]ref     // the sections of each report so far
	n          int         // the row's index among its siblings, from 0
	up         any         // the parent row (a pointer to its model value)
	upN        int         // the parent row's index among its siblings
	upID       ref         // the parent row

	// inUnit's, findingInUnit's and cellInUnit's (indexUnits): the
	// section unit each body block falls in, the section units by report
	// and section, the cell units by text, the row last placed (its model
	// value) and its place.
	sectionUnit []*model.IndexUnit
	unitOf      map[[2]int]*model.IndexUnit
	cellUnit    map[string]*model.IndexUnit
	placedFor   any
	place       unitPlace
	// The prefix of a unit's text up to the last place found, known to be
	// as SQLite counts it, and its characters: the rows of a section come
	// in order, and counting from the start each time was quadratic.
	placedUnit  *model.IndexUnit
	placedEnd   int
	placedRunes int

	// textID's: the unit last hashed and its id, the hash and its input.
	hashed *model.IndexUnit
	hashID int64
	hash   hash.Hash
	buf    []byte
}

// reportID is the report being prepared.
func (s *scope) reportID() ref { return s.reports[len(s.reports)-1] }

// section maps section index i of report r to its row, NULL for -1.
func (s *scope) section(r, i int) any {
	if r < 0 || r >= len(s.sections) || i < 0 || i >= len(s.sections[r]) {
		return nil
	}
	return s.sections[r][i]
}

// inserter prepares the rows a parent value P holds.
type inserter[P any] interface {
	prepare(s *scope, p *P)
	info() tableInfo
}

// tableInfo describes a table spec, for the queries made from the specs
// and for tests.
type tableInfo struct {
	name string
	from string // the model field its rows come from, as Type.Field
	cols []columnInfo
	sub  []tableInfo
}

type columnInfo struct {
	name, fields string
	vocab        bool
}

// table loads the rows of type T drawn from a parent P into one SQL table.
type table[P, T any] struct {
	name string
	from string // Type.Field of P the rows come from ("Report.Funds")
	rows func(p *P) []T
	cols []column[T]
	keep func(s *scope, v *T, id ref) // if set, given each row and its ref
	sub  []inserter[T]                // tables of the rows' own rows, prepared after each row
	sql  *tableSQL
}

// newTable builds the spec of table name.
func newTable[P, T any](name, from string, rows func(p *P) []T, cols ...column[T]) *table[P, T] {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return &table[P, T]{name: name, from: from, rows: rows, cols: cols,
		sql: &tableSQL{name: name, cols: names}}
}

// with sets the tables loaded from each row, and returns t.
func (t *table[P, T]) with(sub ...inserter[T]) *table[P, T] {
	t.sub = sub
	return t
}

// keyed says that t's rows are keyed by their first column, a textKey
// (unit_texts: the text's hash, which the writer turns into its text_id),
// and skip a text stored already, and returns t. The writer holds them
// until the batch commits and inserts them then, in the order of their
// ids (Writer.insertKeyed): no row refers to them by ref.
func (t *table[P, T]) keyed() *table[P, T] {
	t.sql.keyed = true
	return t
}

// keeping sets the function given each row and its ref, and returns t.
func (t *table[P, T]) keeping(keep func(s *scope, v *T, id ref)) *table[P, T] {
	t.keep = keep
	return t
}

func (t *table[P, T]) prepare(s *scope, p *P) {
	rows := t.rows(p)
	if len(rows) == 0 {
		return
	}
	// Room for all the rows' values at once: a table of thousands of
	// figures or cells grew its values a doubling at a time.
	pt, _ := s.p.table(t.sql)
	pt.args = slices.Grow(pt.args, len(rows)*len(t.cols))
	n, up, upN, upID := s.n, s.up, s.upN, s.upID
	for i := range rows {
		s.n, s.up, s.upN, s.upID = i, up, upN, upID
		t.prepareRow(s, &rows[i])
	}
	s.n, s.up, s.upN, s.upID = n, up, upN, upID
}

// prepareRow computes the column values of v and of the rows it holds,
// and returns v's ref.
func (t *table[P, T]) prepareRow(s *scope, v *T) ref {
	pt, r := s.p.row(t.sql)
	for j := range t.cols {
		pt.args = append(pt.args, t.cols[j].value(s, v))
	}
	if t.keep != nil {
		t.keep(s, v, r)
	}
	s.up, s.upN, s.upID = v, s.n, r
	for _, c := range t.sub {
		c.prepare(s, v)
	}
	return r
}

func (t *table[P, T]) info() tableInfo {
	ti := tableInfo{name: t.name, from: t.from}
	for _, c := range t.cols {
		ti.cols = append(ti.cols, columnInfo{c.name, c.fields, c.vocab})
	}
	for _, c := range t.sub {
		ti.sub = append(ti.sub, c.info())
	}
	return ti
}

// Conversions from model values to column values.

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

// blockNo turns a 0-based body block index into a block number.
func blockNo(i int) any { return i + 1 }

// tableRow is a fact's table row, NULL for a fact read from the text
// (table 0).
func tableRow(tableNo, row int) any {
	if tableNo == 0 {
		return nil
	}
	return row
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// nonNegative is n, or NULL for the -1 that marks "none" in the model.
func nonNegative(n int) any {
	if n < 0 {
		return nil
	}
	return n
}

// cellRow and cellCol give a place in a table, NULL for a paragraph.
func cellRow(p model.Place) any { return nonNegative(p.Row) }

func cellCol(p model.Place) any {
	if p.Row < 0 {
		return nil
	}
	return p.Col
}

// A TableSpec is how a table stores the model: for what must keep up with
// the tables, such as reports inspect --json, which names the model's
// fields as the columns do (its test walks these).
type TableSpec struct {
	Name    string
	From    string // the model field its rows come from, as Type.Field; empty for a document's own row
	Columns []ColumnSpec
	Sub     []TableSpec // the tables of its rows' own rows
}

// A ColumnSpec is a column and the model fields it stores, as Type.Field
// paths, comma-separated; none for a key the writer supplies.
type ColumnSpec struct{ Name, Fields string }

// Specs returns the table specs of tables.go: the document's row, the
// tables of what a reader saw, those of what extract found.
func Specs() []TableSpec {
	var out []TableSpec
	out = append(out, documentsTable.info().spec())
	for _, t := range documentTables {
		out = append(out, t.info().spec())
	}
	for _, t := range extractionTables {
		out = append(out, t.info().spec())
	}
	return out
}

// allTables lists every table spec, nested ones after their parents.
func allTables() []tableInfo {
	var out []tableInfo
	var add func(ti tableInfo)
	add = func(ti tableInfo) {
		out = append(out, ti)
		for _, s := range ti.sub {
			add(s)
		}
	}
	add(documentsTable.info())
	for _, t := range documentTables {
		add(t.info())
	}
	for _, t := range extractionTables {
		add(t.info())
	}
	return out
}

func (ti tableInfo) spec() TableSpec {
	s := TableSpec{Name: ti.name, From: ti.from}
	for _, c := range ti.cols {
		s.Columns = append(s.Columns, ColumnSpec{c.name, c.fields})
	}
	for _, sub := range ti.sub {
		s.Sub = append(s.Sub, sub.spec())
	}
	return s
}
