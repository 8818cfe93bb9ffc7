package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/model"
)

// sampleDocx returns the three .docx renderings of the sample report.
func sampleDocx(t testing.TB) []string {
	var out []string
	for _, p := range corpus.Renderings(t) {
		if strings.HasSuffix(p, ".docx") {
			out = append(out, p)
		}
	}
	if len(out) != 3 {
		t.Fatalf("found %d sample .docx renderings, want 3", len(out))
	}
	return out
}

// squeeze removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// markedText is the body as Word's text export writes it: each paragraph
// behind its numbering marker, table cells row by row, where a vertically
// merged cell is repeated on every row it covers.
func markedText(doc *model.Document) string {
	var b strings.Builder
	para := func(p model.Paragraph) {
		b.WriteString(p.Marker)
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	for _, bl := range doc.Body {
		if bl.Kind == model.KindParagraph {
			para(bl.Para)
			continue
		}
		t := doc.Tables[bl.TableNo-1]
		for r := 0; r < t.Rows; r++ {
			for col := 0; col < t.Cols; col++ {
				if c := t.Cell(r, col); c != nil && c.Col == col {
					for _, p := range c.Paras {
						para(p)
					}
				}
			}
		}
	}
	return b.String()
}

func TestSample(t *testing.T) {
	txt, err := os.ReadFile(corpus.Rendering("2020-xihu-services.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := squeeze(strings.ReplaceAll(string(txt), "[bookmark: _GoBack]", ""))
	for _, path := range sampleDocx(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			doc, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			checkGrid(t, name, doc)
			if len(doc.Tables) != 6 {
				t.Errorf("%d tables, want 6", len(doc.Tables))
			}
			body := markedText(doc)
			var header, footer bool
			for _, p := range doc.Parts {
				switch p.Kind {
				case "header":
					header = header || strings.Contains(p.Text, "附件6")
				case "footer":
					footer = true
					if strings.TrimSpace(p.Text) == "" {
						t.Errorf("footer %s is empty, want its page number", p.Name)
					}
				}
			}
			if !header || !footer {
				t.Errorf("header with 附件6: %v, footer: %v; want both", header, footer)
			}
			if strings.Contains(body, "PAGE") {
				t.Error("the footer's PAGE field leaked into the body")
			}
			if doc.Props["title"] != "现代服务业专项经费项目支出绩效评价报告" || doc.Props["created"] == "" {
				t.Errorf("props %v, want title and created", doc.Props)
			}
			if got := squeeze(body); got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("body differs from the .txt rendering at byte %d:\n got …%s…\nwant …%s…", i, clip(got, i), clip(want, i))
			}
			// Merged cells appear once: the first evaluator table holds the
			// unit in one cell spanning three rows.
			ev := doc.Tables[3]
			if c := ev.Cell(3, 1); c == nil || c.RowSpan != 3 || c.Row != 2 {
				t.Errorf("evaluator table cell (3,1) = %+v, want the vMerge cell from row 2 spanning 3 rows", c)
			}
			if title := findPara(doc, "楼宇办工作经费项目支出绩效评价报告"); title == nil || !title.Centered || !title.Bold || !title.PageBreak {
				t.Errorf("report 2 title = %+v, want centred, bold, on a new page", title)
			}
		})
	}
}

func clip(s string, i int) string {
	lo, hi := max(0, i-30), min(len(s), i+60)
	return strings.ToValidUTF8(s[lo:hi], "")
}

func findPara(doc *model.Document, text string) *model.Paragraph {
	for i := range doc.Body {
		if strings.TrimSpace(doc.Body[i].Para.Text) == text {
			return &doc.Body[i].Para
		}
	}
	return nil
}

func TestSampleNumbering(t *testing.T) {
	doc, err := Read(corpus.Rendering("2020-xihu-services.docx"))
	if err != nil {
		t.Fatal(err)
	}
	var markers []string
	var headings int
	for _, b := range doc.Body {
		p := b.Para
		if b.Kind != model.KindParagraph || p.Marker == "" {
			continue
		}
		markers = append(markers, p.Marker)
		if p.Style == "heading 1" {
			headings++
			if p.OutlineLevel != 1 || p.NumLevel != 0 {
				t.Errorf("heading %q: outline %d level %d, want 1 and 0", p.Text, p.OutlineLevel, p.NumLevel)
			}
		}
	}
	if headings != 15 {
		t.Errorf("%d numbered paragraphs in style heading 1, want 15 (five per report)", headings)
	}
	got := strings.Join(markers, " ")
	for _, want := range []string{
		"一、 （一） （二） 1. 2. 二、 三、 四、 五、 一、", // report 2 restarts at 一、
		"五、 一、 （一） （二） 1. 2. 二、 三、 四、 五、", // and report 3 too
	} {
		if !strings.Contains(got, want) {
			t.Errorf("markers lack %q:\n%s", want, got)
		}
	}
}
