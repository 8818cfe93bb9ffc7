package structure

import (
	"strings"

	"github.com/govreports/govreports/extract/internal/textnorm"
	"github.com/govreports/govreports/ingest/model"
)

// markRunningHeads makes artefacts of the running heads and feet of a
// PDF's copy: a short line printed again at each page break beside the
// page number, whatever it says (the firm's name, the report's title, the
// two with spaces between). A line counts where it recurs beside page
// numbers at least twice; its copies elsewhere (the title that is also the
// running head, the firm's name in the signature) stay. A head of two
// lines is found a line at a time, the first line found making the
// second one's page edge.
func (l *Layout) markRunningHeads() {
	if !l.hasPageNumbers() {
		return
	}
	for round := 0; round < 3; round++ {
		edges := make(map[string][]int)
		for i := range l.Roles {
			if k := l.headKey(i); k != "" && (l.pageEdge(i, -1) || l.pageEdge(i, 1)) {
				edges[k] = append(edges[k], i)
			}
		}
		marked := false
		for _, at := range edges {
			if len(at) < 2 {
				continue
			}
			for _, i := range at {
				l.Roles[i] = RoleArtefact
			}
			marked = true
		}
		if !marked {
			return
		}
	}
}

// hasPageNumbers is a quick no for the documents without page numbers,
// nearly all but PDFs' copies.
func (l *Layout) hasPageNumbers() bool {
	n := 0
	for i, r := range l.Roles {
		if r == RoleArtefact && l.isPageNumber(i) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// headKey is what a running head's copies share, "" for a block that can
// be none: a short line of text or a title, unnumbered, without a
// sentence's punctuation; spaces and digits (a page number inside it)
// left out.
func (l *Layout) headKey(i int) string {
	if r := l.Roles[i]; r != RoleText && r != RoleTitle || l.Doc.Body[i].Kind != model.KindParagraph || l.Doc.Body[i].Para.Marker != "" {
		return ""
	}
	s := l.Norm[i].Squashed
	if s == "" || textnorm.Len(s) > 40 || strings.ContainsAny(s, "。，,；;！？!?") {
		return ""
	}
	if _, numbered := parseMarker(s); numbered {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

// pageEdge reports whether block i stands at a page break: the first
// visible block from it in direction dir (−1 up, 1 down) is a page
// number, blank lines and running heads found before it between.
func (l *Layout) pageEdge(i, dir int) bool {
	for j := i + dir; j >= 0 && j < len(l.Roles); j += dir {
		switch l.Roles[j] {
		case RoleBlank:
			continue
		case RoleArtefact:
			if l.isPageNumber(j) {
				return true
			}
			continue // a running head found in an earlier round, a rule
		}
		return false
	}
	return false
}

// isPageNumber tells a block that is a page number.
func (l *Layout) isPageNumber(i int) bool {
	return l.Doc.Body[i].Kind == model.KindParagraph && pageNumber.MatchString(strings.TrimFunc(textnorm.OneLine(l.Norm[i].Folded), textnorm.IsSpace))
}

// PageBreak reports whether blocks (from, to) hold only a page break: blank
// lines and page furniture, a page number among them. A sentence broken
// there goes on in block to.
func (l *Layout) PageBreak(from, to int) bool {
	page := false
	for j := from + 1; j < to; j++ {
		switch l.Roles[j] {
		case RoleBlank:
		case RoleArtefact:
			page = page || l.isPageNumber(j)
		default:
			return false
		}
	}
	return page
}
