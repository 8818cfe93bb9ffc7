package schema

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// UserWord is a word of the user dictionary a database was built with,
// as its file gave it.
type UserWord struct {
	Word string
	Freq float64 // 0 when not given
	Pos  string  // "" when not given
}

// UserWords returns the user dictionary stored in db, in its order; none
// when the database was built without one.
func UserWords(ctx context.Context, db *sql.DB) ([]UserWord, error) {
	rows, err := db.QueryContext(ctx, `SELECT word, coalesce(freq, 0), coalesce(pos, '') FROM user_words ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("reading the stored user dictionary: %w", lockErr(err))
	}
	defer rows.Close()
	var words []UserWord
	for rows.Next() {
		var w UserWord
		if err := rows.Scan(&w.Word, &w.Freq, &w.Pos); err != nil {
			return nil, err
		}
		words = append(words, w)
	}
	return words, rows.Err()
}

// SetUserWords stores words as db's user dictionary, replacing the one it
// held. It writes nothing when they are the words stored: a run with
// nothing to do leaves a database it cannot write alone.
func SetUserWords(ctx context.Context, db *sql.DB, words []UserWord) error {
	old, err := UserWords(ctx, db)
	if err != nil {
		return err
	}
	if slices.Equal(old, words) {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return lockErr(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM user_words`); err != nil {
		return lockErr(err)
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO user_words (seq, word, freq, pos) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return lockErr(err)
	}
	defer st.Close()
	for i, w := range words {
		var freq, pos any
		if w.Freq != 0 {
			freq = w.Freq
		}
		if w.Pos != "" {
			pos = w.Pos
		}
		if _, err := st.ExecContext(ctx, i+1, w.Word, freq, pos); err != nil {
			return lockErr(err)
		}
	}
	return lockErr(tx.Commit())
}
