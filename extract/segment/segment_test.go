package segment_test

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract/segment"
)

// The tests share one Segmenter, as a process does.
var (
	sharedOnce sync.Once
	shared     *segment.Segmenter
	sharedErr  error
)

func defaultSegmenter(t testing.TB) *segment.Segmenter {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = segment.New(segment.Options{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func tokenSet(tokens string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Split(tokens, " ") {
		set[w] = true
	}
	return set
}

func TestTokensKeepDomainTermsWhole(t *testing.T) {
	seg := defaultSegmenter(t)
	text := "牵头规划和引导全区商务楼宇经济发展和招商工作。绩效目标:完成省、市直管部门下达工作任务，预算执行率93.5%。"
	tokens := seg.Tokens(text)
	set := tokenSet(tokens)
	for _, w := range []string{"楼宇经济", "绩效目标", "预算执行率", "绩效", "目标", "楼宇", "93.5"} {
		if !set[w] {
			t.Errorf("Tokens(%q) lacks %q; got %q", text, w, tokens)
		}
	}
	for _, w := range []string{"", "。", "，", "%", ":"} {
		if set[w] {
			t.Errorf("Tokens(%q) holds %q; got %q", text, w, tokens)
		}
	}
	// The words of the text come first and in order, so that phrases match.
	words := seg.Words(text)
	if !strings.HasPrefix(tokens, strings.Join(words, " ")+" ") {
		t.Errorf("Tokens does not start with Words:\n tokens %q\n words  %q", tokens, words)
	}
	if i, j := slices.Index(words, "绩效目标"), slices.Index(words, "完成"); i < 0 || j != i+1 {
		t.Errorf("Words(%q) = %q, want 绩效目标 followed by 完成", text, words)
	}
}

func TestTokensFoldAndKeepNumbers(t *testing.T) {
	seg := defaultSegmenter(t)
	got := seg.Tokens("ＡＰＰ建设 App，2020年06月25日，共3.5万元。")
	want := "app 建设 app 2020 年 06 月 25 日 共 3.5 万元"
	if got != want {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	if got := seg.Tokens("，。！？……——"); got != "" {
		t.Errorf("Tokens of punctuation = %q, want empty", got)
	}
}

func TestUserDictionary(t *testing.T) {
	const word = "西湖服务通" // not a word of any built-in dictionary
	dir := t.TempDir()
	path := filepath.Join(dir, "user.txt")
	if err := os.WriteFile(path, []byte("# 本地词\n"+word+"\n楼宇画像 500 n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	def := defaultSegmenter(t)
	if w := def.Words(word); len(w) < 2 {
		t.Fatalf("without the user dictionary %q is %q; pick a word gse does not know", word, w)
	}
	user, err := segment.New(segment.Options{UserDicts: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	text := "推广" + word + "和楼宇画像平台"
	words := user.Words(text)
	for _, w := range []string{word, "楼宇画像"} {
		if !slices.Contains(words, w) {
			t.Errorf("with the user dictionary, Words(%q) = %q, lacks %q", text, words, w)
		}
	}
	if user.DictHash() == def.DictHash() {
		t.Error("DictHash is the same with and without a user dictionary")
	}
	if again, err := segment.New(segment.Options{UserDicts: []string{path}}); err != nil {
		t.Fatal(err)
	} else if again.DictHash() != user.DictHash() {
		t.Error("DictHash differs for the same dictionaries")
	}
}

// TestUserWordsFromElsewhere: the words of a dictionary file, given as
// words (as ingest keeps them in the database), make the same segmenter:
// the same hash, so that nothing is read again, and the same cuts. A
// comment changed in the file changes nothing either.
func TestUserWordsFromElsewhere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "user.txt")
	if err := os.WriteFile(path, []byte("\uFEFF西湖服务通\n楼宇画像 500 nz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, err := segment.New(segment.Options{UserDicts: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	want := []segment.Word{{Text: "西湖服务通"}, {Text: "楼宇画像", Freq: 500, Pos: "nz"}}
	if got := fromFile.UserWords(); !slices.Equal(got, want) {
		t.Fatalf("UserWords = %+v, want %+v", got, want)
	}
	fromWords, err := segment.New(segment.Options{UserWords: want})
	if err != nil {
		t.Fatal(err)
	}
	if fromWords.DictHash() != fromFile.DictHash() {
		t.Error("the same words from a file and as words hash differently")
	}
	text := "推广西湖服务通和楼宇画像平台"
	if a, b := fromWords.Words(text), fromFile.Words(text); !slices.Equal(a, b) || !slices.Contains(a, "西湖服务通") {
		t.Errorf("Words(%q): as words %q, from the file %q", text, a, b)
	}
	if err := os.WriteFile(path, []byte("# 本地词\n西湖服务通\n\n楼宇画像 500 nz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if again, err := segment.New(segment.Options{UserDicts: []string{path}}); err != nil {
		t.Fatal(err)
	} else if again.DictHash() != fromFile.DictHash() {
		t.Error("a comment and a blank line changed DictHash")
	}
	if other, err := segment.New(segment.Options{UserWords: want[:1]}); err != nil {
		t.Fatal(err)
	} else if other.DictHash() == fromFile.DictHash() {
		t.Error("fewer words, same DictHash")
	}
	for _, bad := range []segment.Word{{Text: "两个 词"}, {Text: ""}, {Text: "词", Freq: -1}, {Text: "词", Pos: "n x"}} {
		if _, err := segment.New(segment.Options{UserWords: []segment.Word{bad}}); err == nil {
			t.Errorf("New with user word %+v: no error", bad)
		}
	}
}

func TestUserDictionaryErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("楼宇画像 500\n西湖服务通 many\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := segment.New(segment.Options{UserDicts: []string{bad}})
	var de *segment.DictError
	if !errors.As(err, &de) || de.File != bad || de.Line != 2 {
		t.Errorf("New with a bad frequency: err = %v, want a DictError at %s:2", err, bad)
	}
	_, err = segment.New(segment.Options{UserDicts: []string{filepath.Join(dir, "missing.txt")}})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("New with a missing dictionary: err = %v, want ErrNotExist", err)
	}
}

func TestQuery(t *testing.T) {
	seg := defaultSegmenter(t)
	tests := []struct{ in, want string }{
		{"绩效", `"绩效"`},
		{"楼宇经济  绩效目标", `"楼宇经济" AND "绩效目标"`},
		{`"楼宇经济发展"`, `"楼宇经济 发展"`},
		{"“绩效目标 完成”", `"绩效目标 完成"`},
		{"财园信贷通", `"财园信贷通"`},
		{"西湖服务通", `"西湖" AND "服务" AND "通"`}, // out of the dictionary: all of its pieces
		{"ＡＰＰ", `"app"`},
		{`a"b`, `"a" AND "b"`},
		{"NEAR(绩效 AND) OR *", `"near" AND "绩效" AND "and"`}, // OR before no term: dropped
		{"楼宇经济 OR 绩效目标", `("楼宇经济" OR "绩效目标")`},
		{"楼宇经济 或 西湖服务通 完成", `("楼宇经济" OR ("西湖" AND "服务" AND "通")) AND "完成"`},
		{"楼宇 -税收", `("楼宇") NOT ("税收")`},
		{"楼宇 NOT 税收 -“绩效目标 完成”", `("楼宇") NOT ("税收" OR "绩效目标 完成")`},
		{"2020-2021", `"2020" AND "2021"`},
		{"or 或者", `"or" AND "或者"`},
		{"-税收", ``}, // nothing that must occur
		{"NOT OR", ``},
		{"绩效目标，楼宇经济", `"绩效目标" AND "楼宇经济"`},
		{"93.5%", `"93.5"`},
		{`"unclosed 绩效`, `"unclosed 绩效"`},
		{`""`, ``},
		{"，。*", ``},
	}
	for _, tt := range tests {
		if got := seg.Query(tt.in); got != tt.want {
			t.Errorf("Query(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestQueryInFTS5 indexes Tokens in a real FTS5 table and runs Query over
// it: what users type must find the right rows and never be a syntax error.
func TestQueryInFTS5(t *testing.T) {
	seg := defaultSegmenter(t)
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE fts USING fts5(tokens)`); err != nil {
		t.Fatal(err)
	}
	rows := []string{
		1: "牵头规划和引导全区商务楼宇经济发展和招商工作。",
		2: "绩效目标:完成省、市直管部门下达工作任务。",
		3: "完成绩效目标的项目有3个，预算执行率93.5%。",
		4: "财园信贷通为企业提供贷款，APP建设已完成。",
	}
	for id, text := range rows[1:] {
		if _, err := db.Exec(`INSERT INTO fts(rowid, tokens) VALUES (?, ?)`, id+1, seg.Tokens(text)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		q    string
		want []int
	}{
		{"绩效", []int{2, 3}},
		{"绩效目标", []int{2, 3}},
		{`"绩效目标完成"`, []int{2}},
		{`"完成绩效目标"`, []int{3}},
		{"完成 绩效目标", []int{2, 3}},
		{"楼宇", []int{1}},
		{"经济", []int{1}},
		{"楼宇经济发展", []int{1}},
		{"93.5", []int{3}},
		{"app", []int{4}},
		{"信贷", []int{4}},
		{"财园信贷通 完成", []int{4}},
		{"绩效 楼宇", nil},
		{"楼宇 OR 信贷", []int{1, 4}},
		{"绩效目标 或 app", []int{2, 3, 4}},
		{"绩效目标 -预算", []int{2}},
		{"绩效目标 NOT \"完成绩效目标\"", []int{2}},
		{"完成 OR 楼宇 -\"绩效目标完成\"", []int{1, 3, 4}},
	}
	for _, tt := range tests {
		if got := match(t, db, seg.Query(tt.q)); !slices.Equal(got, tt.want) {
			t.Errorf("search %q (MATCH %s) = %v, want %v", tt.q, seg.Query(tt.q), got, tt.want)
		}
	}
	for _, q := range []string{`"`, `""""`, `*`, `a*`, `^绩效`, `(`, `)`, `tokens:绩效`, `-绩效`, `+`, `NOT`, `AND OR`, `NEAR(a b, 3)`, `'`, `\`, "a\x00b"} {
		m := seg.Query(q)
		if m == "" {
			continue
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM fts WHERE fts MATCH ?`, m).Scan(&n); err != nil {
			t.Errorf("Query(%q) = %s: %v", q, m, err)
		}
	}
}

func match(t *testing.T, db *sql.DB, expr string) []int {
	t.Helper()
	rs, err := db.Query(`SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid`, expr)
	if err != nil {
		t.Fatalf("MATCH %s: %v", expr, err)
	}
	defer rs.Close()
	var ids []int
	for rs.Next() {
		var id int
		if err := rs.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

func sampleLines(t testing.TB) []string {
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestConcurrentUse runs a new Segmenter from many goroutines at once, so
// that its dictionaries grow concurrently (go test -race checks that each
// is used by one goroutine at a time), and expects what a single goroutine
// gets.
func TestConcurrentUse(t *testing.T) {
	lines := sampleLines(t)
	want := make([]string, len(lines))
	for i, l := range lines {
		want[i] = defaultSegmenter(t).Tokens(l)
	}
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for g := range 8 {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			for i := range lines {
				i := (i + g*17) % len(lines)
				if got := seg.Tokens(lines[i]); got != want[i] {
					t.Errorf("line %d: concurrent Tokens = %q, want %q", i, got, want[i])
				}
				seg.Query(lines[i])
			}
			seg.Keywords(lines[g%len(lines)], 5)
		})
	}
}

func TestKeywords(t *testing.T) {
	seg := defaultSegmenter(t)
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	kw := seg.Keywords(string(data), 20)
	if len(kw) != 20 {
		t.Fatalf("Keywords(sample, 20) gave %d", len(kw))
	}
	var words []string
	for i, k := range kw {
		words = append(words, k.Word)
		if i > 0 && k.Weight > kw[i-1].Weight {
			t.Errorf("keyword %d (%v) outweighs %d (%v)", i, k, i-1, kw[i-1])
		}
		if len([]rune(k.Word)) < 2 || strings.ContainsAny(k.Word, "0123456789") && !strings.ContainsFunc(k.Word, isHan) {
			t.Errorf("keyword %q is a single character or a number", k.Word)
		}
	}
	for _, w := range []string{"现代服务业", "楼宇经济"} {
		if !slices.Contains(words, w) {
			t.Errorf("Keywords(sample) = %q, lacks %q", words, w)
		}
	}
	counts := seg.Counts("的的的楼宇经济和楼宇经济，2020年")
	if len(counts) != 1 || counts["楼宇经济"] != 2 {
		t.Errorf("Counts = %v, want only 楼宇经济:2", counts)
	}
}

// TestCountsNouns checks that only nouns count towards keywords: the
// verbs of a sentence of the sample (负责, 指导 as a verb aside, 开展,
// 进行) and its verbal nouns (工作, 考核) are no keywords.
func TestCountsNouns(t *testing.T) {
	counts := defaultSegmenter(t).Counts("负责指导全区商务楼宇的规划布局，开展楼宇经济工作，进行考核")
	for _, w := range []string{"楼宇", "楼宇经济", "商务"} {
		if counts[w] != 1 {
			t.Errorf("Counts = %v, want %s once", counts, w)
		}
	}
	for _, w := range []string{"负责", "开展", "进行", "工作", "考核"} {
		if counts[w] != 0 {
			t.Errorf("Counts = %v, counts %s", counts, w)
		}
	}
	if counts := defaultSegmenter(t).Counts("智慧楼宇APP建设"); counts["app"] != 1 {
		t.Errorf("Counts = %v, want app once", counts)
	}
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func BenchmarkTokens(b *testing.B) {
	seg := defaultSegmenter(b)
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		seg.Tokens(text)
	}
}

func TestLocate(t *testing.T) {
	seg := defaultSegmenter(t)
	text := "完成ＡＰＰ建设；绩效目标：楼宇经济、发展。绩效"
	terms := seg.QueryTerms(`app "楼宇经济发展" 绩效`)
	var got []string
	for _, r := range segment.Locate(text, terms) {
		got = append(got, text[r[0]:r[1]])
	}
	want := []string{"ＡＰＰ", "绩效", "楼宇经济、发展", "绩效"}
	if !slices.Equal(got, want) {
		t.Errorf("Locate = %q, want %q", got, want)
	}
	if r := segment.Locate(text, nil); r != nil {
		t.Errorf("Locate without terms = %v, want nil", r)
	}
}

// BenchmarkTokensParallel shares one Segmenter between goroutines, as the
// ingest workers do.
func BenchmarkTokensParallel(b *testing.B) {
	seg := defaultSegmenter(b)
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			seg.Tokens(text)
		}
	})
}
