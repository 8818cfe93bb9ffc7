package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/govreports/govreports/schema"

	"github.com/govreports/govreports/corpus"
)

// searchSample runs `reports search --json` against db with the processor's
// segmenter, as the command would with the same dictionaries.
func searchSample(t *testing.T, db string, dicts []string, query string) []jsonHit {
	t.Helper()
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	o := &searchOptions{db: db, limit: 100, json: true, query: query}
	var out, errOut bytes.Buffer
	if err := o.run(context.Background(), conn, testProcessor(t, dicts...).Segmenter(), &out, &errOut); err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	var hits []jsonHit
	if err := json.Unmarshal(out.Bytes(), &hits); err != nil {
		t.Fatalf("search %q: %v\n%s", query, err, &out)
	}
	return hits
}

func TestSearchTheSample(t *testing.T) {
	db := sampleDB(t)
	hits := searchSample(t, db, nil, "楼宇经济")
	if len(hits) == 0 {
		t.Fatal("楼宇经济: no hits")
	}
	if hits[0].ProjectName == nil || *hits[0].ProjectName != "楼宇办工作经费" {
		t.Errorf("楼宇经济: best hit in %v, want the 楼宇办工作经费 report", hits[0].ProjectName)
	}
	if hits := searchSample(t, db, nil, "绩效"); len(hits) < 3 {
		t.Errorf("绩效: %d hits, want hits in every report", len(hits))
	}
	if hits := searchSample(t, db, nil, `"园区管理方面"`); len(hits) == 0 || *hits[0].ProjectName != "“梦想小街”电商产业园工作经费" {
		t.Errorf("quoted phrase 园区管理方面: %+v", hits)
	}
}

// A query finds every unit whose text holds it, however the words around
// it are cut (现代服务业发展局 is cut 现代服务业|发展局, the query 服务业|发展).
func TestSearchFindsTextCutOtherwise(t *testing.T) {
	db := sampleDB(t)
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{"服务业发展", "经济发展", "楼宇经济"} {
		var want int
		if err := conn.QueryRow(`SELECT count(*) FROM search_units WHERE instr(text, ?) > 0`, q).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got := len(searchSample(t, db, nil, q)); got < want {
			t.Errorf("%s: %d hits, but %d units hold it", q, got, want)
		}
	}
}

// A word of a user dictionary is one token of the index after a re-ingest
// with that dictionary, which reads the unchanged file again.
func TestUserDictionaryWordSearchableAfterReingest(t *testing.T) {
	const word = "梦想小街" // the built-in dictionaries cut it into 梦想 | 小街
	dict := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(dict, []byte(word+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := sampleDB(t)
	wholeWord := func() int {
		conn, err := sql.Open("sqlite3", dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var n int
		// One token, not a phrase of several: only a whole-word index finds it.
		if err := conn.QueryRow(`SELECT count(*) FROM search_fts WHERE search_fts MATCH ?`, `"`+word+`"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := wholeWord(); n != 0 {
		t.Fatalf("%s is a whole word in the index before the user dictionary (%d units)", word, n)
	}
	sum := ingestInto(t, dbPath, testProcessor(t, dict), corpus.SamplePath())
	if sum.Ingested != 1 || sum.Unchanged != 0 {
		t.Fatalf("re-ingest with a new dictionary: %+v, want the file read again", sum)
	}
	if n := wholeWord(); n == 0 {
		t.Fatalf("%s is not a whole word in the index after re-ingest with the user dictionary", word)
	}
	hits := searchSample(t, dbPath, []string{dict}, word)
	if len(hits) == 0 || *hits[0].ProjectName != "“梦想小街”电商产业园工作经费" {
		t.Errorf("search %s after re-ingest: %+v", word, hits)
	}
}
