package schema

import (
	"context"
	"database/sql"
	"math"
)

// markKeywordsStale is run in the transaction that adds or removes
// reports: term_idf is then out of date until RefreshKeywords clears the
// mark in its own transaction. A process killed in between leaves the mark,
// and the next run rebuilds term_idf even when no file changed.
const markKeywordsStale = `INSERT OR REPLACE INTO meta (key, value) VALUES ('keywords_stale', '1')`

// KeywordsStale tells whether RefreshKeywords must run: reports came or
// went since it last did, or (a database written before the mark existed)
// terms are counted but none is weighed.
func KeywordsStale(ctx context.Context, db *sql.DB) (bool, error) {
	var stale bool
	err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'keywords_stale')
		OR (EXISTS (SELECT 1 FROM term_df) AND NOT EXISTS (SELECT 1 FROM term_idf))`).Scan(&stale)
	return stale, lockErr(err)
}

// RefreshKeywords recomputes every term's inverse document frequency over
// the reports in the database, which v_keywords weighs term counts by.
// Run it once after a run that changed anything. It reads term_df, a row a
// term, not every report's terms, so its cost follows the vocabulary rather
// than the size of the archive.
func RefreshKeywords(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return lockErr(err)
	}
	defer tx.Rollback()
	var n float64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports`).Scan(&n); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT term, df FROM term_df`)
	if err != nil {
		return err
	}
	type termDF struct {
		term string
		df   float64
	}
	var dfs []termDF
	for rows.Next() {
		var t termDF
		if err := rows.Scan(&t.term, &t.df); err != nil {
			rows.Close()
			return err
		}
		dfs = append(dfs, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM term_idf`); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO term_idf (term, idf) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, t := range dfs {
		// Smoothed so that a term in every report still weighs a little.
		idf := math.Log((1+n)/(1+t.df)) + 1
		if _, err := st.ExecContext(ctx, t.term, idf); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'keywords_stale'`); err != nil {
		return err
	}
	return lockErr(tx.Commit())
}
