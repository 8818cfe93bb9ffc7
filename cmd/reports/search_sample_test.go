package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
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
		if err := conn.QueryRow(`SELECT count(*) FROM unit_texts_fts WHERE unit_texts_fts MATCH ?`, `"`+word+`"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := wholeWord(); n != 0 {
		t.Fatalf("%s is a whole word in the index before the user dictionary (%d texts)", word, n)
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

// searchSampleText runs `reports search` with text output and returns it.
func searchSampleText(t *testing.T, db string, limit, offset int, query string) string {
	t.Helper()
	conn, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	o := &searchOptions{db: db, limit: limit, offset: offset, query: query}
	var out, errOut bytes.Buffer
	if err := o.run(context.Background(), conn, testProcessor(t).Segmenter(), &out, &errOut); err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	return out.String()
}

func TestSearchQuerySyntaxOnTheSample(t *testing.T) {
	db := sampleDB(t)
	projects := func(hits []jsonHit) map[string]int {
		m := map[string]int{}
		for _, h := range hits {
			m[*h.ProjectName]++
		}
		return m
	}
	// 楼宇经济 is in the 楼宇办 report, 电商 in the 电商产业园 one.
	or := projects(searchSample(t, db, nil, "楼宇经济 OR 电商"))
	if or["楼宇办工作经费"] == 0 || or["“梦想小街”电商产业园工作经费"] == 0 {
		t.Errorf("楼宇经济 OR 电商: hits by report %v, want both reports", or)
	}
	if n := len(searchSample(t, db, nil, "楼宇经济 或 电商")); n != len(searchSample(t, db, nil, "楼宇经济 OR 电商")) {
		t.Errorf("或 finds %d hits, OR others", n)
	}

	all := len(searchSample(t, db, nil, "楼宇"))
	both := len(searchSample(t, db, nil, "楼宇 税收"))
	if both == 0 || both == all {
		t.Fatalf("楼宇: %d hits, 楼宇 税收: %d; the sample no longer tells NOT apart", all, both)
	}
	for _, q := range []string{"楼宇 NOT 税收", "楼宇 -税收"} {
		hits := searchSample(t, db, nil, q)
		if len(hits) != all-both {
			t.Errorf("%s: %d hits, want %d (楼宇) - %d (楼宇 税收)", q, len(hits), all, both)
		}
		for _, h := range hits {
			if strings.Contains(h.Snippet, "税收") {
				t.Errorf("%s: a hit holds 税收: %s", q, h.Snippet)
			}
		}
	}

	// A phrase after NOT: units with 园区管理方面 as written are left out.
	with := len(searchSample(t, db, nil, "园区"))
	if n := len(searchSample(t, db, nil, `园区 -"园区管理方面"`)); n != with-1 {
		t.Errorf(`园区 -"园区管理方面": %d hits, want %d (one unit holds the phrase)`, n, with-1)
	}
}

// The total is every matching unit, counted here by hand, and --offset
// pages through them.
func TestSearchTotalAndPagesOnTheSample(t *testing.T) {
	db := sampleDB(t)
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var want int
	if err := conn.QueryRow(`SELECT count(*) FROM unit_texts_fts
		JOIN search_units u ON u.text_id = unit_texts_fts.rowid WHERE unit_texts_fts MATCH '"绩效"'`).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if want <= 3 {
		t.Fatalf("绩效 is in %d units only", want)
	}
	out := searchSampleText(t, db, 3, 0, "绩效")
	if tail := fmt.Sprintf("(3 of %d hits; --limit N, --offset 3 for more)\n", want); !strings.HasSuffix(out, tail) {
		t.Errorf("first page ends\n%s\nwant %q", out[max(0, len(out)-120):], tail)
	}
	out = searchSampleText(t, db, 3, 3, "绩效")
	if !strings.HasPrefix(out, "4. ") || !strings.Contains(out, fmt.Sprintf("(hits 4–6 of %d; --offset 6 for more)", want)) {
		t.Errorf("second page:\n%s", out)
	}
	if out := searchSampleText(t, db, 100, 0, "绩效"); !strings.HasSuffix(out, fmt.Sprintf("\n(%d hits)\n", want)) {
		t.Errorf("all on one page ends %q, want (%d hits)", out[max(0, len(out)-40):], want)
	}

	// Pages of 2 are the first 4 hits in order.
	page := func(offset int) []jsonHit {
		o := &searchOptions{db: db, limit: 2, offset: offset, json: true, query: "绩效"}
		var b bytes.Buffer
		rdb, err := schema.OpenReadOnly(db)
		if err != nil {
			t.Fatal(err)
		}
		defer rdb.Close()
		if err := o.run(context.Background(), rdb, testProcessor(t).Segmenter(), &b, io.Discard); err != nil {
			t.Fatal(err)
		}
		var hits []jsonHit
		if err := json.Unmarshal(b.Bytes(), &hits); err != nil {
			t.Fatal(err)
		}
		return hits
	}
	first := searchSample(t, db, nil, "绩效")[:4]
	if got := append(page(0), page(2)...); !reflect.DeepEqual(got, first) {
		t.Errorf("pages 1 and 2 of 2:\n%+v\nwant the first 4 hits\n%+v", got, first)
	}
}

// A hit in report 1's list of evaluators, a table after its last section,
// is credited to the table, with the file it is in.
func TestSearchCreditsTheEvaluatorsTable(t *testing.T) {
	db := sampleDB(t)
	hits := searchSample(t, db, nil, "勒月影")
	if len(hits) != 1 {
		t.Fatalf("勒月影: %d hits, want 1: %+v", len(hits), hits)
	}
	h := hits[0]
	if h.Section != "" || h.Table != "表4 现代服务业专项经费项目绩效评价人员" {
		t.Errorf("勒月影 in section %q, table %q; want no section, table 表4 现代服务业专项经费项目绩效评价人员", h.Section, h.Table)
	}
	if want := filepath.ToSlash(corpus.SamplePath()); !strings.HasSuffix(want, h.Path) || !strings.HasSuffix(h.Path, "2020-xihu-services.txt") {
		t.Errorf("勒月影 in file %q, want the sample %s", h.Path, want)
	}
	out := searchSampleText(t, db, 20, 0, "勒月影")
	if !strings.Contains(out, "\n   表4 现代服务业专项经费项目绩效评价人员\n   【勒月影】\n") {
		t.Errorf("text output does not show the table:\n%s", out)
	}
}
