package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreports/govreports/cmd/internal/cli"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/schema"

	"github.com/govreports/govreports/extract/segment"
)

const searchUsage = `usage: reports search [--db reports.db] [--year 2020] [--limit 20] [--offset 0] [--json|--csv] [--dict FILE|none] [--timeout 1m] QUERY

Full-text search in Chinese. The words of the query must all occur (they
are ANDed); a "quoted phrase" must occur as written; A OR B (or A 或 B)
wants either; -word or NOT word wants units without it:
  reports search 楼宇经济 OR 电商 -税收 "绩效目标完成"
Hits are ranked best first (BM25) and shown with their report, file,
section path (a table cell: its table, 表N and caption) and a snippet with
the matches in 【】. The first 20 are shown (--limit) with the total;
--offset N skips the first N, for the next page.
The query is cut into words with the user dictionary the database was
built with (ingest --dict), which it keeps; --dict FILE names another,
--dict none none. A query of more than 64 words is cut to its
first 64, with a warning: every word must occur, and each costs time.
`

// hit is one search result.
type hit struct {
	ReportID       *int64  `json:"report_id"`
	ProjectName    *string `json:"project_name"`
	EvaluationYear *int64  `json:"evaluation_year"`
	Section        string  `json:"section"`
	Table          string  `json:"table"` // a cell's table: "表4 caption"
	Path           string  `json:"path"`
	Kind           string  `json:"kind"`
	Snippet        string  `json:"snippet"`
	Score          float64 `json:"score"`

	sectionID *int64
	text      string
}

// searchOptions is a parsed search command line.
type searchOptions struct {
	db          string
	year, limit int
	offset      int
	json, csv   bool
	dict        string
	timeout     time.Duration
	query       string
}

// parseSearch reads a search command line; help, when asked for, is
// printed to stdout (and the error is cli.ErrHelp).
func parseSearch(args []string, stdout io.Writer) (*searchOptions, error) {
	o := &searchOptions{}
	fs := cli.NewFlagSet("search", searchUsage)
	fs.StringVar(&o.db, "db", "reports.db", "SQLite database built by ingest")
	fs.IntVar(&o.year, "year", 0, "only reports of this evaluation `year`")
	fs.IntVar(&o.limit, "limit", 20, "at most `N` hits")
	fs.IntVar(&o.offset, "offset", 0, "skip the best `N` hits: the next page")
	fs.BoolVar(&o.json, "json", false, "print a JSON array, best first")
	fs.BoolVar(&o.csv, "csv", false, "print CSV, best first")
	fs.StringVar(&o.dict, "dict", "", "user dictionary `FILE` to cut the query with (default: the one the database keeps; none for none)")
	fs.DurationVar(&o.timeout, "timeout", defaultTimeout, "stop a search that runs longer (0: never)")
	if err := parseFlags(fs, notWords(args), stdout); err != nil {
		return nil, err
	}
	switch {
	case fs.NArg() == 0:
		return nil, usageError{"want a QUERY"}
	case o.json && o.csv:
		return nil, usageError{"--csv and --json exclude each other"}
	case o.limit < 1:
		return nil, usageError{fmt.Sprintf("--limit %d: want at least 1", o.limit)}
	case o.offset < 0:
		return nil, usageError{fmt.Sprintf("--offset %d: want 0 or more", o.offset)}
	}
	o.query = strings.Join(fs.Args(), " ")
	return o, nil
}

// notWords returns args with each word to leave out (-税收, an argument
// that starts with - and a Chinese character) written as NOT 税收, which
// means the same to the query but is no flag: the flag parser would read
// -税收 as shorthand flags.
func notWords(args []string) []string {
	out := slices.Clone(args)
	for i, a := range out {
		if a == "--" {
			break
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(a, "-")); strings.HasPrefix(a, "-") && r >= utf8.RuneSelf {
			out[i] = "NOT " + a[1:]
		}
	}
	return out
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseSearch(args, stdout)
	if err != nil {
		return err
	}
	db, err := schema.OpenReadOnly(o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	opts := segment.Options{}
	switch o.dict {
	case "none":
	case "":
		if opts.UserWords, err = ingest.StoredWords(ctx, db); err != nil {
			return fmt.Errorf("%s: %w", o.db, err)
		}
		if n := len(opts.UserWords); n > 0 {
			fmt.Fprintf(stderr, "reports search: using the dictionary stored in %s (%d words); --dict FILE for another, --dict none for none\n", o.db, n)
		}
	default:
		opts.UserDicts = []string{o.dict}
	}
	seg, err := segment.New(opts)
	if err != nil {
		return err
	}
	ctx, cancel := withTimeout(ctx, o.timeout)
	defer cancel()
	return timeoutError(ctx, o.timeout, o.run(ctx, db, seg, stdout, stderr))
}

// Bounds on a query: every word of it must occur, and each costs the
// full-text index a lookup and the snippets a pattern, so a pasted page
// (3,200 characters took minutes) is cut to its beginning.
const (
	maxQueryWords = 64
	maxQueryRunes = 4096 // read no further before cutting into words
)

// capQuery returns the beginning of q that holds at most maxQueryWords
// words, warning on stderr when it cut.
func capQuery(seg *segment.Segmenter, q string, stderr io.Writer) string {
	words := func(s string) int {
		n := 0
		for _, t := range seg.QueryTerms(s) {
			n += len(t)
		}
		return n
	}
	r := []rune(q)
	if len(r) > maxQueryRunes {
		r = r[:maxQueryRunes]
	}
	total := words(string(r))
	if total <= maxQueryWords && len(r) == len([]rune(q)) {
		return q
	}
	// The longest prefix within the bound: the words of a prefix never
	// outnumber those of a longer one.
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if words(string(r[:mid])) <= maxQueryWords {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cut := string(r[:lo])
	fmt.Fprintf(stderr, "reports search: warning: the query is long (%d characters); searching for its first %d words: %s\n",
		utf8.RuneCountInString(q), words(cut), cut)
	return cut
}

// run searches db; seg must hold the dictionaries o names.
func (o *searchOptions) run(ctx context.Context, db *sql.DB, seg *segment.Segmenter, stdout, stderr io.Writer) error {
	o.query = capQuery(seg, o.query, stderr)
	terms := seg.QueryTerms(o.query)
	match := seg.Query(o.query)
	if match == "" {
		return usageError{fmt.Sprintf("query %q holds no words that must occur", o.query)}
	}
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master
		WHERE name IN ('documents', 'search_units', 'unit_texts_fts', 'v_reports', 'v_sections')`).Scan(&tables); err != nil {
		return err
	}
	if tables != 5 {
		return fmt.Errorf("%s has no full-text index: it was not built by ingest", o.db)
	}
	if err := checkDictionary(ctx, db, seg.DictHash(), stderr); err != nil {
		return err
	}
	hits, err := search(ctx, db, match, o.year, o.limit, o.offset)
	if err != nil {
		return schema.ReadOnlyError(o.db, err)
	}
	total, err := countHits(ctx, db, match, o.year)
	if err != nil {
		return schema.ReadOnlyError(o.db, err)
	}
	paths := make(map[int64]string)
	var pathStmt *sql.Stmt
	defer func() {
		if pathStmt != nil {
			pathStmt.Close()
		}
	}()
	for i := range hits {
		h := &hits[i]
		h.Snippet = snippet(h.text, segment.Locate(h.text, terms))
		if h.sectionID != nil {
			p, ok := paths[*h.sectionID]
			if !ok {
				if pathStmt == nil {
					if pathStmt, err = db.PrepareContext(ctx, sectionPathQuery); err != nil {
						return err
					}
				}
				if p, err = sectionPath(ctx, pathStmt, *h.sectionID); err != nil {
					return err
				}
				paths[*h.sectionID] = p
			}
			h.Section = p
		}
	}
	switch {
	case o.json:
		return writeHitsJSON(stdout, hits)
	case o.csv:
		return writeHitsCSV(stdout, hits)
	}
	return writeHits(stdout, hits, total, o.offset)
}

// checkDictionary warns when the database was segmented with other
// dictionaries than the query is: words may then be cut differently and
// hits missed. Ingest records ingest.DictKey in each document's extractor
// key.
func checkDictionary(ctx context.Context, db *sql.DB, hash string, stderr io.Writer) error {
	var total, same int
	err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(instr(extractor, ?) > 0), 0)
		FROM documents WHERE status = 'ok'`, ingest.DictKey(hash)).Scan(&total, &same)
	if err != nil {
		return err
	}
	if same < total {
		fmt.Fprintf(stderr, "reports search: warning: %d of %d documents were indexed with other dictionaries (ingest --dict); some words may not be found\n", total-same, total)
	}
	return nil
}

// hitsQuery is the query of search and its arguments.
//
// The matches are ranked by their ids alone: a common word matches
// hundreds of thousands of units, and sorting them with their texts took
// 1.6 s where this takes 0.15 s (20,000 files). The text, the report, the
// file and a cell's table are looked up for the page only. A year keeps
// the matches whose report is of it, told by the index from a text to its
// units (text_id, report_id): the + keeps SQLite from looking a text up
// once for each report of the year instead (TestSearchPlan).
func hitsQuery(match string, year, limit, offset int) (string, []any) {
	q := `SELECT u.unit_id, bm25(unit_texts_fts) AS bm25
		FROM unit_texts_fts
		JOIN search_unit_rows u ON u.text_id = unit_texts_fts.rowid
		WHERE unit_texts_fts MATCH ?`
	args := []any{match}
	if year != 0 {
		q += ` AND +u.report_id IN (SELECT report_id FROM reports WHERE evaluation_year = ?)`
		args = append(args, year)
	}
	q += ` ORDER BY bm25, u.unit_id LIMIT ? OFFSET ?`
	args = append(args, limit, offset)
	q = `SELECT u.report_id, r.project_name, r.evaluation_year, u.section_id, u.kind, u.text, h.bm25,
			coalesce((SELECT min(path) FROM paths p WHERE p.document_id = u.document_id), ''),
			coalesce((SELECT '表' || t.table_no || coalesce(' ' || nullif(t.caption, ''), '')
				FROM report_tables t
				WHERE u.kind = 'cell' AND t.report_id = u.report_id AND t.block_no = u.block_no
				ORDER BY t.table_no LIMIT 1), '')
		FROM (` + q + `) h
		JOIN search_units u ON u.unit_id = h.unit_id
		LEFT JOIN v_reports r ON r.report_id = u.report_id
		ORDER BY h.bm25, h.unit_id`
	return q, args
}

// search returns a page of the hits for an FTS5 match, best first.
func search(ctx context.Context, db *sql.DB, match string, year, limit, offset int) ([]hit, error) {
	q, args := hitsQuery(match, year, limit, offset)
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", match, err)
	}
	defer rows.Close()
	var hits []hit
	for rows.Next() {
		var h hit
		var bm25 float64
		if err := rows.Scan(&h.ReportID, &h.ProjectName, &h.EvaluationYear, &h.sectionID, &h.Kind, &h.text, &bm25, &h.Path, &h.Table); err != nil {
			return nil, err
		}
		// bm25() is lower for better hits; the score shown is higher.
		h.Score = math.Round(-bm25*1e4) / 1e4
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// maxCount bounds the count of hits: counting costs about as much as
// finding them all, and "10,000+" says enough.
const maxCount = 10000

// countHits returns how many units match, at most maxCount+1.
func countHits(ctx context.Context, db *sql.DB, match string, year int) (int, error) {
	q := `SELECT u.unit_id FROM unit_texts_fts JOIN search_unit_rows u ON u.text_id = unit_texts_fts.rowid
		WHERE unit_texts_fts MATCH ?`
	args := []any{match}
	if year != 0 {
		q += ` AND +u.report_id IN (SELECT report_id FROM reports WHERE evaluation_year = ?)`
		args = append(args, year)
	}
	args = append(args, maxCount+1)
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM (`+q+` LIMIT ?)`, args...).Scan(&n)
	return n, err
}

// sectionPath returns the headings from the top of the report down to the
// section, e.g. "三、综合评价结论 › （一）评价结论".
// It is run as stmt, prepared from sectionPathQuery: preparing the query
// took 70 µs, most of the time a long list of hits took.
func sectionPath(ctx context.Context, stmt *sql.Stmt, id int64) (string, error) {
	rows, err := stmt.QueryContext(ctx, id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var marker, title string
		if err := rows.Scan(&marker, &title); err != nil {
			return "", err
		}
		parts = append(parts, oneLine(marker+title))
	}
	return strings.Join(parts, " › "), rows.Err()
}

const sectionPathQuery = `WITH RECURSIVE chain(section_id, parent_id, marker, title, depth) AS (
			SELECT section_id, parent_id, marker, title, 0 FROM v_sections WHERE section_id = ?
			UNION ALL
			SELECT s.section_id, s.parent_id, s.marker, s.title, c.depth + 1
			FROM v_sections s JOIN chain c ON s.section_id = c.parent_id
			WHERE c.depth < 32
		)
		SELECT coalesce(marker, ''), coalesce(title, '') FROM chain ORDER BY depth DESC`

// Snippet geometry, in characters.
const (
	snippetLen    = 80
	snippetBefore = 20
)

// snippet cuts a window of text around the first match and puts every
// match inside it in 【】.
func snippet(text string, matches [][2]int) string {
	start, end := 0, len(text)
	if len(matches) > 0 {
		start = matches[0][0]
		for i := 0; i < snippetBefore && start > 0; i++ {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
	}
	end = start
	for i := 0; i < snippetLen && end < len(text); i++ {
		_, n := utf8.DecodeRuneInString(text[end:])
		end += n
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, m := range matches {
		if m[1] <= start || m[0] < at {
			continue
		}
		if m[0] >= end {
			break
		}
		b.WriteString(text[at:m[0]])
		b.WriteString("【")
		b.WriteString(text[m[0]:min(m[1], end)])
		b.WriteString("】")
		at = min(m[1], end)
	}
	b.WriteString(text[at:end])
	if end < len(text) {
		b.WriteString("…")
	}
	return oneLine(b.String())
}

// oneLine folds line breaks and runs of spaces into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func writeHits(w io.Writer, hits []hit, total, offset int) error {
	var b strings.Builder
	for i, h := range hits {
		title := "（无报告）"
		if h.ProjectName != nil && *h.ProjectName != "" {
			title = *h.ProjectName
		}
		fmt.Fprintf(&b, "%d. %s", offset+i+1, title)
		if h.EvaluationYear != nil {
			fmt.Fprintf(&b, " · %d", *h.EvaluationYear)
		}
		if h.ReportID != nil {
			fmt.Fprintf(&b, " · report %d", *h.ReportID)
		}
		fmt.Fprintf(&b, " · score %.2f\n", h.Score)
		if h.Path != "" {
			fmt.Fprintf(&b, "   %s\n", h.Path)
		}
		if where := strings.Join(nonEmpty(h.Section, h.Table), " › "); where != "" {
			fmt.Fprintf(&b, "   %s\n", where)
		}
		fmt.Fprintf(&b, "   %s\n\n", h.Snippet)
	}
	b.WriteString(hitCount(len(hits), total, offset))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// hitCount says how many hits there are and which of them are shown:
// "(2 hits)" when all are, "(20 of 6,824 hits; --limit N, --offset 20 for
// more)" on the first of several pages, "(hits 21–40 of 6,824; …)" after.
func hitCount(shown, total, offset int) string {
	all := thousands(total)
	if total > maxCount {
		all = thousands(maxCount) + "+"
	}
	switch {
	case offset == 0 && shown == total:
		if total == 1 {
			return "(1 hit)"
		}
		return fmt.Sprintf("(%d hits)", total)
	case shown == 0:
		return fmt.Sprintf("(no hits after the first %s: %s in all)", thousands(offset), all)
	}
	more := ""
	if offset+shown < total || total > maxCount {
		more = fmt.Sprintf("; --offset %d for more", offset+shown)
		if offset == 0 {
			more = fmt.Sprintf("; --limit N, --offset %d for more", offset+shown)
		}
	}
	switch {
	case offset == 0:
		return fmt.Sprintf("(%s of %s hits%s)", thousands(shown), all, more)
	case shown == 1:
		return fmt.Sprintf("(hit %s of %s%s)", thousands(offset+1), all, more)
	}
	return fmt.Sprintf("(hits %s–%s of %s%s)", thousands(offset+1), thousands(offset+shown), all, more)
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func writeHitsJSON(w io.Writer, hits []hit) error {
	if hits == nil {
		hits = []hit{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(hits)
}

func writeHitsCSV(w io.Writer, hits []hit) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"report_id", "project_name", "evaluation_year", "section", "kind", "snippet", "score", "table", "path"})
	for _, h := range hits {
		cw.Write([]string{intText(h.ReportID), strText(h.ProjectName), intText(h.EvaluationYear),
			h.Section, h.Kind, h.Snippet, strconv.FormatFloat(h.Score, 'f', -1, 64), h.Table, h.Path})
	}
	cw.Flush()
	return cw.Error()
}

func intText(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

func strText(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
