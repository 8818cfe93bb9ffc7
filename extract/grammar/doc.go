// Package grammar is the domain grammar every extractor imports: how the
// reports write heading and list markers, numerals, years, units and the
// execution rate, and how traditional characters fold to simplified ones.
//
// It imports no other package of the project (but ingest/model, should it
// need the shared types), so that the extractors share one reading of
// the text and need not import each other.
package grammar

//go:generate go run ./internal/gen -o fold_table.go
