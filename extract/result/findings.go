package result

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/ingest/model"
)

// Finding kinds (model.Finding.Kind).
const (
	FindingProblem        = "problem"
	FindingRecommendation = "recommendation"
)

// recommendationStarts are the words an item that says what to do starts
// with, in a section that holds problems and recommendations both.
var recommendationStarts = []string{"建议", "加强", "进一步", "完善", "强化", "健全", "提高", "提升", "推进", "做好",
	"优化", "规范", "抓好", "落实", "建立", "加快", "加大", "严格", "注重", "下一步", "今后", "应", "要", "需", "切实"}

// Locate returns the body block where text stands in section sec, or the
// section's heading block when it cannot tell.
type Locate func(sec int, text string) int

// Findings lists the problems and recommendations of a report's sections:
// under each section whose role is problems or recommendations (and whose
// parents have neither), its subsections, else the items of its body (1.
// 一是 ①), else its whole body. A subsection with a role of its own
// ("（二）改进建议" under "存在问题及建议") is read the same way; in a
// section that holds both, an item is a recommendation when its wording
// says what to do, else a problem.
func Findings(ss []model.Section, locate Locate) []model.Finding {
	var out []model.Finding
	for i, s := range ss {
		if !findingRole(s.Role) || s.Parent >= 0 && underFindings(ss, s.Parent) {
			continue
		}
		out = collect(out, ss, i, locate)
	}
	return out
}

var findingKind = map[string]string{RoleProblems: FindingProblem, RoleRecommendations: FindingRecommendation}

func findingRole(role string) bool { return role == RoleProblems || role == RoleRecommendations }

func underFindings(ss []model.Section, i int) bool {
	for ; i >= 0; i = ss[i].Parent {
		if findingRole(ss[i].Role) {
			return true
		}
	}
	return false
}

// collect adds the items of section i.
func collect(out []model.Finding, ss []model.Section, i int, locate Locate) []model.Finding {
	s := ss[i]
	kind := func(text string) string {
		if s.Role == RoleRecommendations || holdsBoth(s.Title) && says(text) {
			return FindingRecommendation
		}
		return FindingProblem
	}
	n := 0
	for j := i + 1; j < len(ss) && ss[j].Level > s.Level; j++ {
		c := ss[j]
		if c.Parent != i {
			continue
		}
		own := Role(c.Title)
		if findingRole(own) && (hasChildren(ss, j) || len(Items(c.Body)) > 0) {
			// "（二）改进建议" over items of its own
			out = collect(out, ss, j, locate)
			continue
		}
		n++
		text := c.Title
		if body := subtreeBody(ss, j); body != "" {
			text += "\n" + body
		}
		k := kind(c.Title)
		if findingRole(own) {
			k = findingKind[own] // "（二）建议按人口配备保洁员" says what it is
		}
		out = append(out, model.Finding{Kind: k, Section: j, No: n, Marker: c.Marker,
			Title: c.Title, Text: text, Block: c.Block})
	}
	if n > 0 || hasChildren(ss, i) {
		return out
	}
	items := Items(s.Body)
	if len(items) == 0 && strings.TrimSpace(s.Body) != "" {
		items = []Item{{Text: strings.TrimSpace(s.Body)}}
	}
	for k, it := range items {
		out = append(out, model.Finding{Kind: kind(it.Text), Section: i, No: k + 1, Marker: it.Marker,
			Title: it.Title, Text: it.Text, Block: locate(i, it.Text)})
	}
	return out
}

func hasChildren(ss []model.Section, i int) bool {
	return i+1 < len(ss) && ss[i+1].Parent == i
}

// subtreeBody is the body of section i and of the sections under it.
func subtreeBody(ss []model.Section, i int) string {
	parts := []string{}
	if ss[i].Body != "" {
		parts = append(parts, ss[i].Body)
	}
	for j := i + 1; j < len(ss) && ss[j].Level > ss[i].Level; j++ {
		parts = append(parts, strings.TrimSpace(ss[j].Marker+ss[j].Title))
		if ss[j].Body != "" {
			parts = append(parts, ss[j].Body)
		}
	}
	return strings.Join(parts, "\n")
}

// says reports whether an item's wording says what to do.
func says(text string) bool {
	t := grammar.NewText(text).Squashed
	for _, w := range recommendationStarts {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// An Item is one item of a section body.
type Item struct {
	Marker string // "1.", "一是", "①"
	Title  string // its lead phrase, "" when none
	Text   string // what it says after its marker
}

// ordinalIs is "一是", "二是" … inside a paragraph.
var ordinalIs = regexp.MustCompile(`(?:^|[，,。；;：:\s])([一二三四五六七八九十]{1,3})是`)

// Items splits a section body into the items it lists: lines that start
// with markers of one family numbered from 1, else 一是 … 二是 … in its
// text, else ① ② in its text. Text before the first item (a lead-in)
// is no item. None when the body lists no two items.
func Items(body string) []Item {
	if its := lineItems(body); len(its) >= 2 {
		return its
	}
	if its := ordinalItems(body); len(its) >= 2 {
		return its
	}
	return circledItems(body)
}

// lineItems reads items from lines that start with a marker.
func lineItems(body string) []Item {
	var out []Item
	family, next := "", 1
	for line := range strings.SplitSeq(body, "\n") {
		line = strings.TrimFunc(line, grammar.IsSpace)
		m, ok := grammar.ParseMarker(line)
		if ok && (family == "" && m.Number == 1 || m.Family == family && m.Number == next) {
			family, next = m.Family, m.Number+1
			text := strings.TrimFunc(strings.TrimLeft(line[m.Len:], "、，,：: "), grammar.IsSpace)
			out = append(out, Item{Marker: strings.TrimSpace(line[:m.Len]), Title: lead(text), Text: text})
			continue
		}
		if n := len(out); n > 0 && line != "" {
			out[n-1].Text += "\n" + line
		}
	}
	return out
}

// ordinalItems reads 一是 … 二是 … items, in sequence from 一是.
func ordinalItems(body string) []Item {
	var starts [][2]int // byte offset of the marker, of the text after it
	var markers []string
	for _, m := range ordinalIs.FindAllStringSubmatchIndex(body, -1) {
		n, ok := grammar.Number(body[m[2]:m[3]])
		if !ok || n != len(starts)+1 {
			continue
		}
		starts = append(starts, [2]int{m[2], m[1]})
		markers = append(markers, body[m[2]:m[1]])
	}
	return split(body, starts, markers)
}

var circled = regexp.MustCompile(`[①-⑳]`)

// circledItems reads ① ② items, in sequence from ①.
func circledItems(body string) []Item {
	var starts [][2]int
	var markers []string
	for _, m := range circled.FindAllStringIndex(body, -1) {
		r, _ := utf8.DecodeRuneInString(body[m[0]:])
		if int(r-'①') != len(starts) {
			continue
		}
		starts = append(starts, [2]int{m[0], m[1]})
		markers = append(markers, body[m[0]:m[1]])
	}
	return split(body, starts, markers)
}

// split cuts body at the items' starts.
func split(body string, starts [][2]int, markers []string) []Item {
	if len(starts) < 2 {
		return nil
	}
	var out []Item
	for k, st := range starts {
		end := len(body)
		if k+1 < len(starts) {
			end = starts[k+1][0]
		}
		text := strings.TrimFunc(strings.TrimLeft(body[st[1]:end], "、，,：: "), grammar.IsSpace)
		text = strings.TrimRight(text, "，,；;")
		out = append(out, Item{Marker: markers[k], Title: lead(text), Text: text})
	}
	return out
}

// lead is an item's lead phrase: the words before its first stop, when
// short enough to be a title ("资金拨付不及时。截至12月底…").
func lead(text string) string {
	i := strings.IndexAny(text, "。；;！？!?：:，,\n")
	if i < 0 {
		return ""
	}
	t := strings.TrimSpace(text[:i])
	if n := utf8.RuneCountInString(t); n < 2 || n > 30 {
		return ""
	}
	return t
}
