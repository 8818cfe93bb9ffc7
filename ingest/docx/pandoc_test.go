package docx

import (
	"archive/zip"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/model"
)

// maxPandocDiff is the share of words that may differ from pandoc's plain
// rendering (missing plus extra, over pandoc's word count).
const maxPandocDiff = 0.05

// leaks are strings of the pandoc fixtures that a reader must never
// output: deleted text, moved-from copies, field instructions.
var leaks = map[string][]string{
	"track_changes_deletion.docx":          {"excessively modified"},
	"track_changes_scrubbed_metadata.docx": {"dummy"},
	"nested_instrText.docx":                {"HYPERLINK", "CREATEDATE", "MERGEFORMAT", "books.google"},
	"instrText_hyperlink.docx":             {"HYPERLINK", "books.google"},
	"pageref.docx":                         {"PAGEREF", "_Toc"},
	"cross_reference.docx":                 {"REF ", "_Ref"},
	"table_captions_with_field.docx":       {"SEQ "},
	"empty_field.docx":                     {"ADDIN", "CSL_CITATION"},
	"mendeley_citations.docx":              {"ADDIN", "CSL_CITATION", "mendeley"},
	"zotero_citations.docx":                {"ADDIN", "ZOTERO_ITEM", "CSL_CITATION"},
}

// once are strings that must appear exactly once in the body: moved text,
// text boxes and drawings that come in two mc:AlternateContent branches.
var once = map[string][]string{
	"track_changes_move.docx":      {"Here is the text to be moved."},
	"track_changes_insertion.docx": {"This is a text with two exciting insertions."},
}

// pandocDiffers lists the files where pandoc 2.17's rendering is not what
// Word shows; they are checked against the text Word shows instead, each
// string exactly once in the body.
var pandocDiffers = map[string]struct {
	why  string
	want []string
}{
	"image_with_textbox_caption.docx": {"pandoc 2.17 drops text boxes (wps:txbx)",
		[]string{"Daniel Schliebner: Cantor'sches Diagonalverfahren. Von Mengen, Unendlichkeiten und Wahnsinn"}},
	"text_in_shape_format.docx": {"pandoc 2.17 drops text boxes (wps:txbx)",
		[]string{"Last update: May 1, 2017", "Using Microsoft Word 2007/2010\nfor Writing Technical Documents", "Valter Kiisk"}},
	"paragraph_insertion_deletion.docx": {"pandoc joins paragraphs at a deleted paragraph mark with a space; Word joins them without one",
		[]string{"This is a\n splitParagraph."}},
}

func TestPandocCorpus(t *testing.T) {
	dir := filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx")
	files, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	if len(files) < 85 {
		t.Fatalf("found %d files in %s, want 85", len(files), dir)
	}
	var report []string
	for _, path := range files {
		name := filepath.Base(path)
		doc, err := Read(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		ref, err := os.ReadFile(filepath.Join("testdata", "pandoc", strings.TrimSuffix(name, ".docx")+".txt"))
		if err != nil {
			t.Errorf("%s: no reference: %v", name, err)
			continue
		}
		body := bodyText(doc)
		for _, s := range leaks[name] {
			if strings.Contains(body, s) {
				t.Errorf("%s: body holds %q", name, s)
			}
		}
		for _, s := range once[name] {
			if n := strings.Count(body, s); n != 1 {
				t.Errorf("%s: %q appears %d times, want once", name, s, n)
			}
		}
		checkGrid(t, name, doc)
		if strings.Contains(body, "instrText") || strings.Contains(body, " MERGEFORMAT") {
			t.Errorf("%s: field code in body", name)
		}

		if d, ok := pandocDiffers[name]; ok {
			for _, s := range d.want {
				if n := strings.Count(body, s); n != 1 {
					t.Errorf("%s: %q appears %d times, want once (%s):\n%s", name, s, n, d.why, body)
				}
			}
			report = append(report, fmt.Sprintf("%-45s checked apart: %s", name, d.why))
			continue
		}
		want := wordBag(pandocComparable(string(ref), imageDescriptions(t, path)))
		got := wordBag(readerComparable(doc))
		missing, extra, total := bagDiff(want, got)
		ratio := 0.0
		if total > 0 {
			ratio = float64(missing+extra) / float64(total)
		} else if extra > 0 {
			ratio = 1
		}
		line := fmt.Sprintf("%-45s words %5d missing %4d extra %4d diff %5.1f%%", name, total, missing, extra, 100*ratio)
		report = append(report, line)
		if ratio > maxPandocDiff {
			t.Errorf("%s\n  missing: %s\n  extra:   %s", line, bagSample(want, got), bagSample(got, want))
		}
	}
	t.Log("word differences against pandoc -t plain:\n" + strings.Join(report, "\n"))
}

// TestPandocMergedCells checks the files with vertically merged cells:
// each merged cell once, at its top-left, spanning its rows.
func TestPandocMergedCells(t *testing.T) {
	dir := filepath.Join(corpus.SharedDir(t), "corpus", "external", "pandoc-docx")
	for _, name := range []string{"table_header_rowspan.docx", "table_gridbefore.docx"} {
		doc, err := Read(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		spans := 0
		for _, tb := range doc.Tables {
			for _, c := range tb.Cells {
				if c.RowSpan > 1 || c.ColSpan > 1 {
					spans++
				}
			}
		}
		if spans == 0 {
			t.Errorf("%s: no merged cell found", name)
		}
	}
}

// readerComparable is what pandoc prints of a document: the body, minus
// paragraphs pandoc turns into metadata (Title, Subtitle, Author, Date,
// Abstract styles at the top), plus footnotes and endnotes, which pandoc appends.
func readerComparable(doc *model.Document) string {
	var b strings.Builder
	meta := map[string]bool{"Title": true, "Subtitle": true, "Author": true, "Date": true, "Abstract": true}
	leading := true
	for _, bl := range doc.Body {
		if bl.Kind == model.KindParagraph {
			if leading && (meta[bl.Para.Style] || strings.TrimSpace(bl.Para.Text) == "") {
				continue
			}
			leading = false
			b.WriteString(bl.Para.Text + "\n")
			continue
		}
		leading = false
		for _, c := range doc.Tables[bl.TableNo-1].Cells {
			b.WriteString(c.Text + "\n")
		}
	}
	for _, p := range doc.Parts {
		if p.Kind == "footnote" || p.Kind == "endnote" {
			b.WriteString(p.Text + "\n")
		}
	}
	return b.String()
}

var (
	listMarker  = regexp.MustCompile(`(?m)(^|\|)(\s*)(\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|#)[.)](\s)`)
	noteMarker  = regexp.MustCompile(`\[\d+\]`)
	descrAttr   = regexp.MustCompile(`<wp:docPr [^>]*descr="([^"]*)"`)
	tableBorder = regexp.MustCompile(`(?m)^[\s\-=+:|]+$`)
)

// pandocComparable removes from pandoc's output what it adds: list markers
// (the reader keeps numbering apart from the text), note references, image
// descriptions and table borders.
func pandocComparable(s string, descrs []string) string {
	for _, d := range descrs {
		s = strings.ReplaceAll(s, "["+d+"]", " ")
	}
	s = tableBorder.ReplaceAllString(s, "")
	s = listMarker.ReplaceAllString(s, "$1$2$4")
	return noteMarker.ReplaceAllString(s, " ")
}

// imageDescriptions reads the alt texts (wp:docPr descr) pandoc prints.
func imageDescriptions(t *testing.T, path string) []string {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "word/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		for _, m := range descrAttr.FindAllStringSubmatch(string(data), -1) {
			if m[1] != "" {
				out = append(out, html.UnescapeString(m[1]))
			}
		}
	}
	// Longest first, so a description containing another goes first.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// wordBag counts the words of s: runs of letters and digits, each Han
// character a word of its own; punctuation is ignored. Superscript and
// subscript digits, which pandoc prints for w:vertAlign, count as digits.
func wordBag(s string) map[string]int {
	bag := map[string]int{}
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			bag[strings.ToLower(string(cur))]++
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if d, ok := scriptDigits[r]; ok {
			r = d
		}
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			bag[string(r)]++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return bag
}

var scriptDigits = map[rune]rune{
	'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
	'₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
}

func bagDiff(want, got map[string]int) (missing, extra, total int) {
	for w, n := range want {
		total += n
		if g := got[w]; g < n {
			missing += n - g
		}
	}
	for w, n := range got {
		if h := want[w]; h < n {
			extra += n - h
		}
	}
	return missing, extra, total
}

// bagSample lists up to 20 words a holds more often than b.
func bagSample(a, b map[string]int) string {
	var out []string
	for w, n := range a {
		if d := n - b[w]; d > 0 {
			out = append(out, fmt.Sprintf("%s×%d", w, d))
		}
	}
	sort.Strings(out)
	if len(out) > 20 {
		out = append(out[:20], "…")
	}
	return strings.Join(out, " ")
}
