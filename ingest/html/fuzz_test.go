package html

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadBytes checks that no page or web archive makes the reader
// panic, and that the grids it builds hold their cells; the seeds are the
// test pages, so plain go test runs them too.
func FuzzReadBytes(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<table><tr><td rowspan=3 colspan=2>a</td><td>b</td></tr><tr><td rowspan=0>c</td></tr><tr></tr><tr><td colspan=-1>d<table><tr><td>e</td></tr><tr><td>f</td></tr></table></td></tr></table>`))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n\r\nPGh0bWw+\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadBytes("fuzz.html", data)
		if errors.Is(err, errPanic) {
			t.Fatal(err)
		}
		if err != nil {
			return
		}
		if doc == nil {
			t.Fatal("no document and no error")
		}
		for _, tb := range doc.Tables {
			for _, c := range tb.Cells {
				if c.Row < 0 || c.Col < 0 || c.Row+c.RowSpan > tb.Rows || c.Col+c.ColSpan > tb.Cols || c.RowSpan < 1 || c.ColSpan < 1 {
					t.Fatalf("table %d %dx%d: cell %d,%d spans %dx%d", tb.No, tb.Rows, tb.Cols, c.Row, c.Col, c.RowSpan, c.ColSpan)
				}
			}
		}
		for _, b := range doc.Body {
			if b.TableNo > len(doc.Tables) {
				t.Fatalf("block names table %d of %d", b.TableNo, len(doc.Tables))
			}
		}
	})
}
