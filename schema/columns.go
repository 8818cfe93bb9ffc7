package schema

import (
	"context"
	"fmt"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// The model reaches the tables through column specs (tables.go): a table
// names the model values its rows are drawn from and, for each column,
// the model fields it stores and how. One generic insert writes them all,
// and TestModelFieldsStored checks that no field of the model is left out.

// column is one column of an SQL table.
type column[T any] struct {
	name string
	// fields names the model fields the column stores, as Type.Field
	// paths ("Figure.Place.Block"), comma-separated; empty for a key the
	// scope supplies (document_id, report_id …).
	fields string
	value  func(s *scope, v *T) any
}

func col[T any](name, fields string, value func(s *scope, v *T) any) column[T] {
	return column[T]{name: name, fields: fields, value: value}
}

// scope is where a row stands: the ids of the rows it belongs to. One
// scope serves a whole document; the insert sets n and up for each row.
type scope struct {
	doc        *model.Document
	docID      int64
	stamp      string      // ingested_at
	tableBlock map[int]int // table number → number of the block that holds it
	reports    []int64     // ids of the document's reports so far
	sections   [][]int64   // ids of the sections of each report so far
	n          int         // the row's index among its siblings, from 0
	up         any         // the parent row (a pointer to its model value)
	upN        int         // the parent row's index among its siblings
	upID       int64       // the parent row's id
	args       []any       // room for a row's column values
}

// reportID is the id of the report being loaded.
func (s *scope) reportID() int64 { return s.reports[len(s.reports)-1] }

// section maps section index i of report r to its row id, NULL for -1.
func (s *scope) section(r, i int) any {
	if r < 0 || r >= len(s.sections) || i < 0 || i >= len(s.sections[r]) {
		return nil
	}
	return s.sections[r][i]
}

// inserter loads the rows a parent value P holds.
type inserter[P any] interface {
	insert(ctx context.Context, b *batch, s *scope, p *P) error
	info() tableInfo
}

// tableInfo describes a table spec for tests.
type tableInfo struct {
	name string
	from string // the model field its rows come from, as Type.Field
	cols []columnInfo
	sub  []tableInfo
}

type columnInfo struct{ name, fields string }

// table loads the rows of type T drawn from a parent P into one SQL table.
type table[P, T any] struct {
	name  string
	from  string // Type.Field of P the rows come from ("Report.Funds")
	rows  func(p *P) []T
	cols  []column[T]
	keep  func(s *scope, v *T, id int64) // if set, given each row and its id
	sub   []inserter[T]                  // tables of the rows' own rows, loaded after each row
	query string
}

// newTable builds the spec of table name and its INSERT statement.
func newTable[P, T any](name, from string, rows func(p *P) []T, cols ...column[T]) *table[P, T] {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return &table[P, T]{name: name, from: from, rows: rows, cols: cols,
		query: fmt.Sprintf("INSERT INTO %s (%s) VALUES (?%s)", name, strings.Join(names, ", "),
			strings.Repeat(", ?", len(cols)-1))}
}

// with sets the tables loaded from each row, and returns t.
func (t *table[P, T]) with(sub ...inserter[T]) *table[P, T] {
	t.sub = sub
	return t
}

// keeping sets the function given each row and its id, and returns t.
func (t *table[P, T]) keeping(keep func(s *scope, v *T, id int64)) *table[P, T] {
	t.keep = keep
	return t
}

func (t *table[P, T]) insert(ctx context.Context, b *batch, s *scope, p *P) error {
	rows := t.rows(p)
	if len(rows) == 0 {
		return nil
	}
	n, up, upN, upID := s.n, s.up, s.upN, s.upID
	for i := range rows {
		s.n, s.up, s.upN, s.upID = i, up, upN, upID
		if _, err := t.insertRow(ctx, b, s, &rows[i]); err != nil {
			return err
		}
	}
	s.n, s.up, s.upN, s.upID = n, up, upN, upID
	return nil
}

// insertRow loads v and the rows it holds, and returns its row id.
func (t *table[P, T]) insertRow(ctx context.Context, b *batch, s *scope, v *T) (int64, error) {
	// One buffer serves every table: the values are read by the time
	// the row's own rows are loaded.
	if cap(s.args) < len(t.cols) {
		s.args = make([]any, len(t.cols), 2*len(t.cols))
	}
	args := s.args[:len(t.cols)]
	for j := range t.cols {
		args[j] = t.cols[j].value(s, v)
	}
	res, err := b.exec(ctx, t.query, args...)
	if err != nil {
		return 0, fmt.Errorf("%s row %d: %w", t.name, s.n+1, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if t.keep != nil {
		t.keep(s, v, id)
	}
	s.up, s.upN, s.upID = v, s.n, id
	for _, c := range t.sub {
		if err := c.insert(ctx, b, s, v); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (t *table[P, T]) info() tableInfo {
	ti := tableInfo{name: t.name, from: t.from}
	for _, c := range t.cols {
		ti.cols = append(ti.cols, columnInfo{c.name, c.fields})
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

// cellRow and cellCol give a place in a table, NULL for a paragraph.
func cellRow(p model.Place) any {
	if p.Row < 0 {
		return nil
	}
	return p.Row
}

func cellCol(p model.Place) any {
	if p.Row < 0 {
		return nil
	}
	return p.Col
}
