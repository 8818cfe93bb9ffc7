package segment

import (
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/go-ego/gse"

	"github.com/govreports/govreports/corpus"
)

// defaultHash is DictHash with no user dictionaries, as ingest wrote it
// into every document's key before dictionaries were looked up word by
// word: the same dictionaries must keep their hash.
const defaultHash = "e56838198857320a"

func TestDictHashUnchanged(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.DictHash()[:16]; got != defaultHash {
		t.Errorf("DictHash = %s…, want %s…", got, defaultHash)
	}
}

// TestZhDict checks zh_s.dict against gse's own load of zh_s: rerun
// `go generate ./extract/segment` when gse changes.
func TestZhDict(t *testing.T) {
	header, _, _ := strings.Cut(zhDictText, "\n")
	if !strings.HasSuffix(header, " gse "+gse.Version) {
		t.Fatalf("zh_s.dict is of %q, gse is %s: run go generate ./extract/segment", header, gse.Version)
	}
	zh, err := newZhDict(zhDictText)
	if err != nil {
		t.Fatal(err)
	}
	g := gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	if len(zh.lines) != len(g.Dict.Tokens) || zh.total != g.Dict.TotalFreq() {
		t.Fatalf("zh_s.dict: %d words, total %v; gse: %d, %v", len(zh.lines), zh.total, len(g.Dict.Tokens), g.Dict.TotalFreq())
	}
	for i := range g.Dict.Tokens {
		tok := &g.Dict.Tokens[i]
		k, ok := zh.find(tok.Text())
		if !ok {
			t.Fatalf("zh_s.dict lacks %q", tok.Text())
		}
		if w, f, p := zh.entry(k); w != tok.Text() || f != tok.Freq() || p != tok.Pos() {
			t.Fatalf("zh_s.dict: %q %v %q; gse: %q %v %q", w, f, p, tok.Text(), tok.Freq(), tok.Pos())
		}
	}
	// prefixes finds every word at the start of a text, the first and
	// the last of the list included.
	for _, i := range []int{0, 1, len(zh.lines) / 2, len(zh.lines) - 1} {
		w := zh.word(i)
		found := false
		zh.prefixes(w+"的", func(k int) { found = found || k == i })
		if !found {
			t.Errorf("prefixes(%q) misses %q", w+"的", w)
		}
	}
}

// TestGrownCutsAsWhole cuts the sample and other texts with grown
// dictionaries and with the whole dictionary loaded into gse, and wants
// the same tokens, counts, words and queries. The texts go through one
// Segmenter in order, then through a new one in the opposite order, so
// that the dictionaries grow from different words.
func TestGrownCutsAsWhole(t *testing.T) {
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	sample := string(data)
	texts := []string{
		"牵头规划和引导全区商务楼宇经济发展和招商工作。绩效目标:完成省、市直管部门下达工作任务，预算执行率93.5%。",
		"现代服务业发展局 服务业发展 Ａ１楼宇经济〇〇七 卡拉OK 的 了",
		"",
	}
	texts = append(texts, strings.Split(sample, "\n")...)
	texts = append(texts, sample)

	dir := t.TempDir()
	user := filepath.Join(dir, "user.txt")
	// Words zh_s also holds (shadowed), new ones, one-character words.
	if err := os.WriteFile(user, []byte("服务业 5\n楼宇 7 v\n西湖区商务局\n经 9 n\nkaraoke 4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	odd := filepath.Join(dir, "odd.txt")
	if err := os.WriteFile(odd, []byte("服务业 5.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A frequency that is not a whole number: the total can only be gse's
	// own, and New loads the whole dictionary.
	if s, err := New(Options{UserDicts: []string{odd, user}}); err != nil {
		t.Fatal(err)
	} else if s.full == nil {
		t.Errorf("%s: the whole dictionary is not loaded", odd)
	}
	for _, opts := range []Options{{}, {UserDicts: []string{user}}} {
		whole, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		g, err := loadFull(whole.words)
		if err != nil {
			t.Fatal(err)
		}
		// The total frequency the grown dictionaries work with is the
		// whole one's.
		if _, total := whole.zhDict(); total != g.Dict.TotalFreq() {
			t.Errorf("%v: total %v, whole dictionary %v", opts.UserDicts, total, g.Dict.TotalFreq())
		}
		whole.full = g
		for _, reverse := range []bool{false, true} {
			grown, err := New(opts)
			if err != nil {
				t.Fatal(err)
			}
			if grown.full != nil {
				t.Fatalf("%v: whole dictionary loaded", opts.UserDicts)
			}
			order := slices.Clone(texts)
			if reverse {
				slices.Reverse(order)
			}
			for _, text := range order {
				c1, c2 := map[string]int{}, map[string]int{}
				if a, b := grown.TokensCounting(text, c1), whole.TokensCounting(text, c2); a != b {
					t.Fatalf("%v: Tokens(%.40q…):\ngrown %.300q\nwhole %.300q", opts.UserDicts, text, a, b)
				}
				if !maps.Equal(c1, c2) {
					t.Fatalf("%v: counts of %.40q differ: %v, %v", opts.UserDicts, text, c1, c2)
				}
				if a, b := grown.Words(text), whole.Words(text); !slices.Equal(a, b) {
					t.Fatalf("%v: Words(%.40q…):\ngrown %q\nwhole %q", opts.UserDicts, text, a, b)
				}
			}
			for _, q := range []string{"楼宇经济", "“绩效目标” 预算执行率", "现代服务业发展局", "服务业发展"} {
				if a, b := grown.Query(q), whole.Query(q); a != b {
					t.Errorf("%v: Query(%q) = %q, whole dictionary %q", opts.UserDicts, q, a, b)
				}
			}
		}
	}
}

// TestGrownGrows: a grown dictionary holds the dictionary words of the
// texts it cut and no others, goes back to the idle ones for the next
// caller, and is let go once it holds more than maxGrown words.
func TestGrownGrows(t *testing.T) {
	s, err := New(Options{UserWords: []Word{{Text: "楼宇经济"}}})
	if err != nil {
		t.Fatal(err)
	}
	s.Tokens("楼宇经济发展")
	gd := s.getGrown()
	var words []string
	for i := range gd.g.Dict.Tokens {
		words = append(words, gd.g.Dict.Tokens[i].Text())
	}
	slices.Sort(words)
	// zh_s holds each character and 楼宇, 经济, 发展, but not 楼宇经济 (the
	// user word), 经济发展, 宇经 or 济发.
	if want := []string{"发", "发展", "宇", "展", "楼", "楼宇", "楼宇经济", "济", "经", "经济"}; !slices.Equal(words, want) {
		t.Errorf("after 楼宇经济发展 the dictionary holds %q, want %q", words, want)
	}
	s.putGrown(gd)
	if again := s.getGrown(); again != gd {
		t.Error("an idle grown dictionary is not used again")
	} else {
		// Past maxGrown words it is let go.
		gd.g.Dict.Tokens = append(gd.g.Dict.Tokens, make([]gse.Token, maxGrown)...)
		s.putGrown(gd)
		if again := s.getGrown(); again == gd {
			t.Error("a grown dictionary of more than maxGrown words is kept")
		}
	}
}

// BenchmarkGrown cuts the sample a line at a time, as indexing does, with
// a new Segmenter each time: dictionaries grown from nothing.
func BenchmarkGrown(b *testing.B) {
	data, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range lines {
			s.Tokens(l)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKnownWords: the words cut are worked out once
// and kept; cutting the same text again, from what was kept, gives the
// same words, sub-words and counts.
func TestKnownWords(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	const text = "绩效目标完成情况良好"
	for i := range 2 {
		counts := map[string]int{}
		if got, want := s.TokensCounting(text, counts), "绩效目标 完成 情况 良好 绩效 目标"; got != want {
			t.Errorf("cut %d: Tokens = %q, want %q", i+1, got, want)
		}
		// 情况 is a stop word, 完成 a verb, 良好 an adjective.
		if len(counts) != 1 || counts["绩效目标"] != 1 {
			t.Errorf("cut %d: counts = %v, want 绩效目标:1", i+1, counts)
		}
	}
	k, ok := s.known.Load("绩效目标")
	if !ok {
		t.Fatal("绩效目标 is not kept")
	}
	if w := k.(*word); !w.content || !slices.Equal(w.subs, []string{"绩效", "目标"}) {
		t.Errorf("kept 绩效目标 = %+v, want a content word with sub-words 绩效, 目标", *w)
	}
}

// TestFoldSparesIdeographs: fold passes CJK ideographs by without asking
// unicode.ToLower, which must agree that they have no lower case.
func TestFoldSparesIdeographs(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if unicode.ToLower(r) != r {
			t.Fatalf("unicode.ToLower(%U) = %U: fold would not lower it", r, unicode.ToLower(r))
		}
	}
	if got, want := fold("ＡＢ绩效　Ｇｏ１"), "ab绩效 go1"; got != want {
		t.Errorf("fold = %q, want %q", got, want)
	}
}

// variedTexts are n texts of about size bytes each, made of words drawn
// at random from all of zh_s: far more varied than any archive, so that
// grown dictionaries keep growing (and are let go at maxGrown).
func variedTexts(n, size int) []string {
	zh, err := newZhDict(zhDictText)
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(zh.word(rng.IntN(len(zh.lines))))
			if rng.IntN(8) == 0 {
				b.WriteString("，")
			}
		}
		texts[i] = b.String()
	}
	return texts
}

// BenchmarkTokensVaried cuts varied texts (see variedTexts) with grown
// dictionaries and with the whole dictionary loaded into gse (its load
// not counted).
func BenchmarkTokensVaried(b *testing.B) {
	texts := variedTexts(200, 20<<10)
	bytes := 0
	for _, t := range texts {
		bytes += len(t)
	}
	for _, whole := range []bool{false, true} {
		name := "grown"
		if whole {
			name = "whole"
		}
		b.Run(name, func(b *testing.B) {
			s, err := New(Options{})
			if err != nil {
				b.Fatal(err)
			}
			if whole {
				if s.full, err = loadFull(s.words); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(bytes))
			for b.Loop() {
				for _, t := range texts {
					s.Tokens(t)
				}
			}
		})
	}
}
