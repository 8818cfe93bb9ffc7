package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract/segment"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/schema"
)

// searchDB loads two reports through the real schema and writer, indexed
// with the real segmenter, and returns the database path.
func searchDB(t *testing.T, seg *segment.Segmenter) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reports.db")
	ctx := context.Background()
	db, err := schema.Open(ctx, path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	w := schema.NewWriter(db, 10, time.Minute)

	reports := []model.Report{
		{No: 1, Title: "现代服务业专项经费项目支出绩效评价报告", ProjectName: "现代服务业专项经费", EvaluationYear: 2020,
			Sections: []model.Section{
				{Parent: -1, Level: 1, Marker: "一、", Title: "项目基本情况", Body: "南昌市西湖区现代服务业发展局推广西湖服务通平台。"},
				{Parent: 0, Level: 2, Marker: "（一）", Title: "绩效目标", Body: "绩效目标:完成省、市直管部门下达工作任务。"},
				{Parent: -1, Level: 1, Marker: "三、", Title: "综合评价结论", Body: ""},
				{Parent: 2, Level: 2, Marker: "（一）", Title: "评价结论", Body: "楼宇经济发展良好，财园信贷通为企业提供贷款。\n预算执行率93.5%。"},
			}},
		{No: 1, Title: "电商产业园建设项目绩效评价报告", ProjectName: "电商产业园建设", EvaluationYear: 2021,
			Sections: []model.Section{
				{Parent: -1, Level: 1, Marker: "一、", Title: "项目概况", Body: "电商产业园入驻企业30家，带动楼宇经济。"},
			}},
	}
	for i, r := range reports {
		ext := &model.Extraction{Reports: []model.Report{r}}
		add := func(section int, kind, text string) {
			ext.Index = append(ext.Index, model.IndexUnit{Report: 0, Section: section, Kind: kind, Text: text, Tokens: seg.Tokens(text)})
		}
		add(-1, "title", r.Title)
		for j, s := range r.Sections {
			add(j, "section", strings.TrimSpace(s.Title+"\n"+s.Body))
		}
		e := &schema.Entry{Path: "r/" + r.ProjectName + ".txt", SHA256: strings.Repeat(string(rune('a'+i)), 64),
			Key: "test; " + ingest.DictKey(seg.DictHash()), Bytes: 100, Format: model.FormatTXT, Status: schema.StatusOK,
			Doc: &model.Document{Format: model.FormatTXT}, Ext: ext}
		if _, err := w.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return path
}

type jsonHit struct {
	ReportID       *int64  `json:"report_id"`
	ProjectName    *string `json:"project_name"`
	EvaluationYear *int64  `json:"evaluation_year"`
	Section        string  `json:"section"`
	Table          string  `json:"table"`
	Path           string  `json:"path"`
	Snippet        string  `json:"snippet"`
	Score          float64 `json:"score"`
}

// searchJSON runs a search command line with seg, as runSearch does
// after loading it (each load takes seconds).
func searchJSON(t *testing.T, seg *segment.Segmenter, args ...string) []jsonHit {
	t.Helper()
	o, err := parseSearch(append([]string{"--json"}, args...), io.Discard)
	if err != nil {
		t.Fatalf("search %q: %v", args, err)
	}
	db, err := schema.OpenReadOnly(o.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out, errs bytes.Buffer
	if err := o.run(context.Background(), db, seg, &out, &errs); err != nil {
		t.Fatalf("search %q: %v", args, err)
	}
	if errs.Len() > 0 {
		t.Errorf("search %q wrote to stderr: %s", args, errs.String())
	}
	var hits []jsonHit
	if err := json.Unmarshal(out.Bytes(), &hits); err != nil {
		t.Fatalf("search %q: %v\n%s", args, err, out.String())
	}
	return hits
}

func TestSearch(t *testing.T) {
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db := searchDB(t, seg)

	// Several words, ranked, with section paths and highlighted snippets.
	hits := searchJSON(t, seg, "--db", db, "楼宇经济")
	if len(hits) != 2 {
		t.Fatalf("楼宇经济: %d hits, want 2: %+v", len(hits), hits)
	}
	for i, h := range hits {
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hit %d scores %v above hit %d (%v)", i, h.Score, i-1, hits[i-1].Score)
		}
		if !strings.Contains(h.Snippet, "【楼宇经济】") {
			t.Errorf("snippet %q does not highlight 楼宇经济", h.Snippet)
		}
	}
	var a jsonHit
	for _, h := range hits {
		if h.ProjectName != nil && *h.ProjectName == "现代服务业专项经费" {
			a = h
		}
	}
	if a.Section != "三、综合评价结论 › （一）评价结论" || a.EvaluationYear == nil || *a.EvaluationYear != 2020 {
		t.Errorf("hit in report 1 = %+v, want section 三、综合评价结论 › （一）评价结论 of 2020", a)
	}
	if want := "评价结论 【楼宇经济】发展良好，财园信贷通为企业提供贷款。 预算执行率93.5%。"; a.Snippet != want {
		t.Errorf("snippet = %q, want %q", a.Snippet, want)
	}

	for _, tt := range []struct {
		args     []string
		projects []string
	}{
		{[]string{"--year", "2021", "楼宇经济"}, []string{"电商产业园建设"}},
		{[]string{"财园信贷通", "楼宇经济"}, []string{"现代服务业专项经费"}},               // both words in one section
		{[]string{"电商产业园", "财园信贷通"}, nil},                                // never in one section
		{[]string{`"预算执行率93.5"`}, []string{"现代服务业专项经费"}},                 // phrase
		{[]string{`"93.5预算执行率"`}, nil},                                   // the same words out of order
		{[]string{"西湖服务通"}, []string{"现代服务业专项经费"}},                       // not in the dictionary
		{[]string{"--limit", "1", "绩效"}, []string{"现代服务业专项经费"}},          // a word inside 绩效目标, 绩效评价
		{[]string{"(楼宇经济*", "^", "-"}, []string{"电商产业园建设", "现代服务业专项经费"}}, // FTS5 syntax is just text
		{[]string{`楼宇经济"`}, []string{"电商产业园建设", "现代服务业专项经费"}},
	} {
		hits := searchJSON(t, seg, append([]string{"--db", db}, tt.args...)...)
		var got []string
		for _, h := range hits {
			got = append(got, *h.ProjectName)
		}
		if len(tt.projects) == 2 && len(got) == 2 && got[0] > got[1] != (tt.projects[0] > tt.projects[1]) {
			got[0], got[1] = got[1], got[0] // rank order between these two is not the point
		}
		if !reflect.DeepEqual(got, tt.projects) {
			t.Errorf("search %q = %q, want %q", tt.args, got, tt.projects)
		}
	}
	if hits := searchJSON(t, seg, "--db", db, "--limit", "1", "绩效"); len(hits) == 1 && hits[0].Section != "一、项目基本情况 › （一）绩效目标" {
		t.Errorf("best hit for 绩效 is in %q, want the section titled 绩效目标", hits[0].Section)
	}
}

// TestSearchTextAndCSV runs the whole command, loading the dictionary.
func TestSearchTextAndCSV(t *testing.T) {
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db := searchDB(t, seg)
	code, out, errs := runCmd(t, "search", "--db", db, "--year", "2021", "楼宇经济")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	if len(lines) < 6 || !strings.HasPrefix(lines[0], "1. 电商产业园建设 · 2021 · report 2 · score ") ||
		lines[1] != "   r/电商产业园建设.txt" || lines[2] != "   一、项目概况" ||
		lines[3] != "   项目概况 电商产业园入驻企业30家，带动【楼宇经济】。" || lines[5] != "(1 hit)" {
		t.Errorf("text output:\n%s", out)
	}

	code, out, errs = runCmd(t, "search", "--db", db, "--csv", "楼宇经济")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || !reflect.DeepEqual(recs[0], []string{"report_id", "project_name", "evaluation_year", "section", "kind", "snippet", "score", "table", "path"}) {
		t.Fatalf("CSV = %q", recs)
	}
	for _, r := range recs[1:] {
		if !strings.Contains(r[5], "【楼宇经济】") {
			t.Errorf("CSV row %q lacks the highlighted snippet", r)
		}
	}
}

func TestSearchWarnsOfOtherDictionaries(t *testing.T) {
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := searchDB(t, seg)
	db, err := schema.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var errs bytes.Buffer
	if err := checkDictionary(context.Background(), db, seg.DictHash(), &errs); err != nil || errs.Len() > 0 {
		t.Errorf("same dictionaries: %v, %q; want silence", err, errs.String())
	}
	if err := checkDictionary(context.Background(), db, strings.Repeat("0", 64), &errs); err != nil || !strings.Contains(errs.String(), "2 of 2 documents") {
		t.Errorf("other dictionaries: %v, %q; want a warning about 2 of 2 documents", err, errs.String())
	}
}

func TestSearchUsage(t *testing.T) {
	db := testDB(t) // usage is checked before the index is read
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o, err := parseSearch([]string{"--db", db, "绩效"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	rdb, err := schema.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	var out, errs bytes.Buffer
	if err := o.run(context.Background(), rdb, seg, &out, &errs); err == nil || !strings.Contains(err.Error(), "no full-text index") {
		t.Errorf("search in a database without an index: %v, want 'no full-text index'", err)
	}
	o.query = "，。"
	var ue usageError
	if err := o.run(context.Background(), rdb, seg, &out, &errs); !errors.As(err, &ue) {
		t.Errorf("search for punctuation: %v, want a usage error", err)
	}
	for _, args := range [][]string{
		{"search", "--db", db},
		{"search", "--db", db, "--limit", "0", "绩效"},
		{"search", "--db", db, "--json", "--csv", "绩效"},
		{"search", "--year", "twenty", "绩效"},
	} {
		if code, _, errs := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit %d (%s), want 2", args, code, errs)
		}
	}
	if code, _, errs := runCmd(t, "search", "--db", filepath.Join(t.TempDir(), "none.db"), "绩效"); code != 1 || !strings.Contains(errs, "does not exist") {
		t.Errorf("missing database: exit %d, %q", code, errs)
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("甲", 30) + "楼宇经济" + strings.Repeat("乙", 100)
	at := strings.Index(long, "楼宇经济")
	tests := []struct {
		text    string
		matches [][2]int
		want    string
	}{
		{"短文本\n第二行", nil, "短文本 第二行"},
		{long, [][2]int{{at, at + len("楼宇经济")}},
			"…" + strings.Repeat("甲", 20) + "【楼宇经济】" + strings.Repeat("乙", 56) + "…"},
		{long, nil, strings.Repeat("甲", 30) + "楼宇经济" + strings.Repeat("乙", 46) + "…"},
	}
	for _, tt := range tests {
		if got := snippet(tt.text, tt.matches); got != tt.want {
			t.Errorf("snippet(%q, %v) =\n %q, want\n %q", tt.text, tt.matches, got, tt.want)
		}
	}
}

// A word to leave out, -税收, is a query word where flags are read, not
// shorthand flags.
func TestSearchNotWordIsNoFlag(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		query string
	}{
		{[]string{"楼宇", "-税收", "--limit", "3"}, "楼宇 NOT 税收"},
		{[]string{"-“绩效目标”", "楼宇"}, "NOT “绩效目标” 楼宇"},
		{[]string{"--", "楼宇", "-税收"}, "楼宇 -税收"},
	} {
		o, err := parseSearch(tt.args, io.Discard)
		if err != nil || o.query != tt.query {
			t.Errorf("parseSearch(%q) = %v, %v; want query %q", tt.args, o, err, tt.query)
		}
	}
	if _, err := parseSearch([]string{"-x", "楼宇"}, io.Discard); err == nil {
		t.Error("-x: no error, want an unknown flag")
	}
}

func TestHitCount(t *testing.T) {
	for _, tt := range []struct {
		shown, total, offset int
		want                 string
	}{
		{0, 0, 0, "(0 hits)"},
		{1, 1, 0, "(1 hit)"},
		{2, 2, 0, "(2 hits)"},
		{20, 6824, 0, "(20 of 6,824 hits; --limit N, --offset 20 for more)"},
		{20, 6824, 20, "(hits 21–40 of 6,824; --offset 40 for more)"},
		{4, 6824, 6820, "(hits 6,821–6,824 of 6,824)"},
		{1, 6824, 6823, "(hit 6,824 of 6,824)"},
		{0, 6824, 7000, "(no hits after the first 7,000: 6,824 in all)"},
		{20, maxCount + 1, 0, "(20 of 10,000+ hits; --limit N, --offset 20 for more)"},
		{20, maxCount + 1, 10000, "(hits 10,001–10,020 of 10,000+; --offset 10020 for more)"},
	} {
		if got := hitCount(tt.shown, tt.total, tt.offset); got != tt.want {
			t.Errorf("hitCount(%d, %d, %d) = %s, want %s", tt.shown, tt.total, tt.offset, got, tt.want)
		}
	}
}

// TestSearchUsesTheStoredDictionary (issue 12, trap 5): a database built
// with ingest --dict keeps its words, and search cuts the query with them
// without being told, saying so; --dict none cuts it without them, and
// then the warning of other dictionaries shows.
func TestSearchUsesTheStoredDictionary(t *testing.T) {
	dir := t.TempDir()
	words := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(words, []byte("楼宇画像 500 nz\n西湖服务通\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "reports.db")
	if sum := ingestInto(t, db, testProcessor(t, words), corpus.SamplePath()); sum.Ingested != 1 {
		t.Fatalf("sample not ingested: %+v", sum)
	}
	const other = "indexed with other dictionaries"
	code, out, errs := runCmd(t, "search", "--db", db, "楼宇经济")
	if code != 0 || !strings.Contains(out, "【楼宇经济】") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	if want := "using the dictionary stored in " + db + " (2 words)"; !strings.Contains(errs, want) || strings.Contains(errs, other) {
		t.Errorf("stderr %q: want %q and no warning of other dictionaries", errs, want)
	}
	code, _, errs = runCmd(t, "search", "--db", db, "--dict", "none", "楼宇经济")
	if code != 0 || !strings.Contains(errs, "1 of 1 documents were "+other) || strings.Contains(errs, "stored in") {
		t.Errorf("--dict none: exit %d, stderr %q; want the warning of other dictionaries", code, errs)
	}
	code, _, errs = runCmd(t, "search", "--db", db, "--dict", words, "楼宇经济")
	if code != 0 || errs != "" {
		t.Errorf("--dict with the same words: exit %d, stderr %q; want silence", code, errs)
	}
}

// TestSearchPlan checks how SQLite runs a search by year: each match's
// text looked up once in the index from texts to units, whose report_id
// is then checked against the year's reports. Left to itself, SQLite
// looked each text up once for each report of the year: a minute instead
// of a tenth of a second for a common word on a 20,000-file database.
func TestSearchPlan(t *testing.T) {
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", searchDB(t, seg))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, year := range []int{0, 2021} {
		q, args := hitsQuery(seg.Query("绩效"), year, 10, 0)
		rows, err := db.Query("EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "\n")
		byText := 0
		for _, step := range plan {
			if strings.Contains(step, "search_unit_rows_text") {
				byText++
				if !strings.HasSuffix(step, "search_unit_rows_text (text_id=?)") {
					byText = -len(plan)
				}
			}
		}
		if byText != 1 {
			t.Errorf("year %d: plan\n%s\nwant the units found by text_id alone, in the index search_unit_rows_text", year, all)
		}
		if year != 0 && !strings.Contains(all, "reports_year (evaluation_year=?)") {
			t.Errorf("year %d: plan\n%s\nwant the year's reports found by the index reports_year", year, all)
		}
	}
}
