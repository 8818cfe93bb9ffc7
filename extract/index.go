package extract

import (
	"context"
	"slices"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// Words is what indexing needs of a segmenter: TokensCounting segments
// text into space-separated words for the full-text index and adds its
// content words to counts, for keywords.
type Words interface {
	TokensCounting(text string, counts map[string]int) string
}

// Index fills x.Index with what full-text search covers (report titles,
// the text before the first section, sections with their title and body,
// table cells) and each report's Terms.
func Index(doc *model.Document, x *model.Extraction, w Words) {
	IndexContext(context.Background(), doc, x, w)
}

// checkEvery is how many blocks, cells or index units the long loops of
// a document go through between looks at its context.
const checkEvery = 1024

// IndexContext is Index for a file that may be abandoned: it stops,
// returning ctx.Err(), once ctx is done; segmenting a large document is
// the longest step of its extraction.
func IndexContext(ctx context.Context, doc *model.Document, x *model.Extraction, w Words) error {
	x.Index = x.Index[:0]
	for i := range x.Reports {
		r := &x.Reports[i]
		x.Index = slices.Grow(x.Index, maxUnits(doc, r))
		// The units first, then their tokens: a text that recurs in the
		// report (是, 否 and 完成 in every row of a table, a name in each
		// table) is cut once, and its words counted once for each time.
		// Real-shaped files repeat 15% of their unit text and half their
		// units within a report.
		start := len(x.Index)
		times := make(map[string]int)
		add := func(kind string, section, block int, text string) {
			text = strings.TrimSpace(text)
			if text == "" {
				return
			}
			x.Index = append(x.Index, model.IndexUnit{Report: i, Section: section, Kind: kind, Block: block, Text: text})
			times[text]++
		}
		if r.Title != "" {
			add("title", -1, r.FirstBlock, r.Title)
		}
		if r.Preamble != "" {
			add("paragraph", -1, r.FirstBlock, r.Preamble)
		}
		for j, s := range r.Sections {
			add("section", j, s.Block, strings.TrimSpace(s.Title+"\n"+s.Body))
		}
		for _, t := range r.Tables {
			if t.TableNo < 1 || t.TableNo > len(doc.Tables) {
				continue
			}
			sec := tableSection(doc, r, t.Block)
			for _, c := range doc.Tables[t.TableNo-1].Cells {
				add("cell", sec, t.Block, c.Text)
			}
		}
		counts := make(map[string]int)
		cut := make(map[string]string) // the tokens of a text that recurs
		for k := range x.Index[start:] {
			if err := ctx.Err(); err != nil {
				return err
			}
			u := &x.Index[start+k]
			n := times[u.Text]
			if n == 1 {
				u.Tokens = w.TokensCounting(u.Text, counts)
				continue
			}
			tokens, ok := cut[u.Text]
			if !ok {
				once := make(map[string]int)
				tokens = w.TokensCounting(u.Text, once)
				for word, c := range once {
					counts[word] += c * n
				}
				cut[u.Text] = tokens
			}
			u.Tokens = tokens
		}
		r.Terms = counts
	}
	return ctx.Err()
}

// maxUnits is how many search units r may have: its title, its preamble,
// its sections and its tables' cells, some of which may be empty.
func maxUnits(doc *model.Document, r *model.Report) int {
	n := 2 + len(r.Sections)
	for _, t := range r.Tables {
		if t.TableNo >= 1 && t.TableNo <= len(doc.Tables) {
			n += len(doc.Tables[t.TableNo-1].Cells)
		}
	}
	return n
}

// tableSection returns the section a table at body block b stands in:
// the section whose heading precedes it, but only when the table lies
// inside that section's body, before the next heading or followed by more
// of the section's text. A table after the last section's text (the
// evaluators, a form attached to the report) belongs to no section, -1:
// crediting it to that section would show an evaluator's name under
// 五、偏离绩效目标的原因和改进措施.
func tableSection(doc *model.Document, r *model.Report, b int) int {
	j := SectionAt(r, b)
	if j < 0 || j+1 < len(r.Sections) {
		return j
	}
	body := r.Sections[j].Body
	for i := b + 1; i < min(r.EndBlock, len(doc.Body)); i++ {
		blk := doc.Body[i]
		if blk.Kind != model.KindParagraph {
			continue
		}
		if t := strings.TrimSpace(blk.Para.Text); t != "" && strings.Contains(body, t) {
			return j
		}
	}
	return -1
}

// SectionAt returns the index of the section of r that body block block
// falls in (the last whose heading is at or before it), or -1.
func SectionAt(r *model.Report, block int) int {
	at := -1
	for j, s := range r.Sections {
		if s.Block > block {
			break
		}
		at = j
	}
	return at
}
