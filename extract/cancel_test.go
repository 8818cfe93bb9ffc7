package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/govreports/govreports/extract/internal/doctest"
	"github.com/govreports/govreports/ingest/model"
)

// bigReport is a generated report of sections paragraphs of figures each.
func bigReport(sections, paras int) *model.Document {
	var b strings.Builder
	b.WriteString("2021年度乡村振兴示范村建设项目绩效评价报告\n")
	for s := range sections {
		fmt.Fprintf(&b, "%s、第%d部分\n", []string{"一", "二", "三", "四", "五"}[s%5], s+1)
		for p := range paras {
			fmt.Fprintf(&b, "第%d项资金预算%d.5万元，执行率百分之%d。\n", p, p+10, p%100)
		}
	}
	return doctest.Parse("big", b.String())
}

// recording runs p and notes its name; after runs once it has.
type recording struct {
	Pass
	ran   *[]string
	after func()
}

func (r recording) Run(s *State) {
	r.Pass.Run(s)
	*r.ran = append(*r.ran, r.Name())
	if r.after != nil {
		r.after()
	}
}

// A document abandoned while it is extracted (its context cancelled, as
// --file-timeout and the memory guard do) runs no further pass and
// returns the context's error, not a partial extraction.
func TestExtractStopsWhenCancelled(t *testing.T) {
	doc := bigReport(5, 1000)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ran, names []string
	var passes []Pass
	for _, p := range DefaultPasses() {
		r := recording{Pass: p, ran: &ran}
		if p.Name() == "tables" {
			r.after = cancel
		}
		passes = append(passes, r)
		names = append(names, p.Name())
	}
	x, err := New(passes...).ExtractContext(ctx, doc)
	if !errors.Is(err, context.Canceled) || x != nil {
		t.Fatalf("got %v and an extraction %v, want context.Canceled and none", err, x != nil)
	}
	want := names[:len(ran)]
	if ran[len(ran)-1] != "tables" || strings.Join(ran, ",") != strings.Join(want, ",") || len(ran) >= len(names) {
		t.Errorf("passes run %q, want those up to tables of %q", ran, names)
	}

	// Not cancelled, the same document is read whole.
	x, err = ExtractContext(context.Background(), doc)
	if err != nil || len(x.Reports) != 1 || len(x.Reports[0].Figures) < 5000 {
		t.Errorf("not cancelled: %v, want one report of 5,000 figures or more", err)
	}
}

// cancellingWords segments nothing and cancels its context at the n-th
// text it is given.
type cancellingWords struct {
	n, calls int
	cancel   func()
}

func (w *cancellingWords) TokensCounting(string, map[string]int) string {
	if w.calls++; w.calls == w.n {
		w.cancel()
	}
	return ""
}

// Indexing, the longest step of a large document, stops at the first
// text after its context is cancelled.
func TestIndexStopsWhenCancelled(t *testing.T) {
	var b strings.Builder
	b.WriteString("2021年度乡村振兴示范村建设项目绩效评价报告\n一、基本情况\n| 名称 | 预算数（万元） | 执行数（万元） |\n")
	for i := range 2000 { // a table of 6,000 cells, a text each, none the same
		fmt.Fprintf(&b, "| 第%d村 | %d.5 | %d.25 |\n", i, i+10, i+9)
	}
	doc := doctest.Parse("cells", b.String())
	x := Extract(doc)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancellingWords{n: 3, cancel: cancel}
	err := IndexContext(ctx, doc, x, w)
	if !errors.Is(err, context.Canceled) || w.calls != 3 || x.Reports[0].Terms != nil {
		t.Errorf("err %v after %d texts segmented (terms %v), want context.Canceled after 3 and no terms", err, w.calls, x.Reports[0].Terms)
	}
	// Not cancelled, every cell is a text.
	all := &cancellingWords{cancel: func() {}}
	if err := IndexContext(context.Background(), doc, x, all); err != nil || all.calls < 6000 {
		t.Errorf("not cancelled: %v after %d texts, want 6,000 or more", err, all.calls)
	}
}
