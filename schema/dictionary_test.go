package schema

import (
	"context"
	"slices"
	"testing"
)

// TestUserWordsStored: the user dictionary is stored as given (NULL where
// the file gave no frequency or part of speech), read back in its order,
// replaced whole, and dropped by storing none.
func TestUserWordsStored(t *testing.T) {
	ctx := context.Background()
	db, _ := openTest(t)
	if got, err := UserWords(ctx, db); err != nil || got != nil {
		t.Fatalf("a new database: %v, %v; want no words", got, err)
	}
	words := []UserWord{{Word: "楼宇画像", Freq: 500, Pos: "nz"}, {Word: "西湖服务通"}, {Word: "数字楼宇", Freq: 2.5}}
	if err := SetUserWords(ctx, db, words); err != nil {
		t.Fatal(err)
	}
	if got, err := UserWords(ctx, db); err != nil || !slices.Equal(got, words) {
		t.Fatalf("stored %+v, read back %+v (%v)", words, got, err)
	}
	var nullFreq, nullPos int
	if err := db.QueryRow(`SELECT count(*) FILTER (WHERE freq IS NULL), count(*) FILTER (WHERE pos IS NULL) FROM v_user_words`).Scan(&nullFreq, &nullPos); err != nil {
		t.Fatal(err)
	}
	if nullFreq != 1 || nullPos != 2 {
		t.Errorf("v_user_words: %d NULL freq, %d NULL pos; want 1 and 2", nullFreq, nullPos)
	}
	if err := SetUserWords(ctx, db, words[1:2]); err != nil {
		t.Fatal(err)
	}
	if got, _ := UserWords(ctx, db); !slices.Equal(got, words[1:2]) {
		t.Errorf("after replacing: %+v, want %+v", got, words[1:2])
	}
	var seq int
	if err := db.QueryRow(`SELECT seq FROM v_user_words`).Scan(&seq); err != nil || seq != 1 {
		t.Errorf("the replacing word's seq = %d (%v), want 1", seq, err)
	}
	if err := SetUserWords(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := UserWords(ctx, db); got != nil {
		t.Errorf("after dropping: %+v, want none", got)
	}
}
