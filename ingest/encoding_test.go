package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/schema"
)

// sampleReports is how many reports the sample holds.
const sampleReports = 3

// processFile reads the file at path as Run does, without a database.
func processFile(t *testing.T, path string) *schema.Entry {
	t.Helper()
	p, err := New(Config{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	e, err := p.Entry(context.Background(), filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestUTF16WithoutBOM: the sample in UTF-16 without its byte order mark
// was read as GB18030, one report of mojibake instead of three. Both byte
// orders are read as the sample is.
func TestUTF16WithoutBOM(t *testing.T) {
	data, err := os.ReadFile(corpus.Rendering("2020-xihu-services.utf16.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		t.Fatal("the rendering lost its UTF-16LE byte order mark")
	}
	le := data[2:]
	be := make([]byte, len(le))
	for i := 0; i+1 < len(le); i += 2 {
		be[i], be[i+1] = le[i+1], le[i]
	}
	for name, body := range map[string][]byte{"le": le, "be": be} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sample-utf16"+name+".txt")
			if err := os.WriteFile(path, body, 0o644); err != nil {
				t.Fatal(err)
			}
			e := processFile(t, path)
			if e.Status != schema.StatusOK {
				t.Fatalf("status %s: %v", e.Status, e.Err)
			}
			if want := "utf-16" + name; e.Doc.Encoding != want {
				t.Errorf("encoding %q, want %q", e.Doc.Encoding, want)
			}
			if n := len(e.Ext.Reports); n != sampleReports {
				t.Errorf("%d reports, want the sample's %d", n, sampleReports)
			}
		})
	}
}

// TestUTF16OfChineseAlone: UTF-16 of Chinese text with few ASCII
// characters (so few NUL bytes to tell it by) is read in either byte
// order; it was taken for an unrecognised binary file.
func TestUTF16OfChineseAlone(t *testing.T) {
	text := strings.Repeat("一、项目基本情况：西湖区公共服务绩效评价报告。", 200)
	units := utf16.Encode([]rune(text))
	for _, order := range []string{"le", "be"} {
		var b bytes.Buffer
		for _, u := range units {
			if order == "le" {
				b.Write([]byte{byte(u), byte(u >> 8)})
			} else {
				b.Write([]byte{byte(u >> 8), byte(u)})
			}
		}
		path := filepath.Join(t.TempDir(), "chinese.txt")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		e := processFile(t, path)
		if e.Status != schema.StatusOK || e.Doc.Encoding != "utf-16"+order || !strings.Contains(e.Doc.Body[0].Para.Text, "项目基本情况") {
			t.Errorf("%s: status %s, format %s (%v)", order, e.Status, e.Format, e.Err)
			if e.Doc != nil {
				t.Errorf("%s: read in %s as %.40q", order, e.Doc.Encoding, e.Doc.Body[0].Para.Text)
			}
		}
	}
}

// TestTextStartBinaryBody: a .txt whose first 8 KiB are the sample and
// whose body is binary fails, naming the file and the offset where the
// binary begins, rather than being stored as ok with the junk as text.
func TestTextStartBinaryBody(t *testing.T) {
	sample, err := os.ReadFile(corpus.SamplePath())
	if err != nil {
		t.Fatal(err)
	}
	text := sample[:8<<10]
	for len(text) > 0 && !utf8.RuneStart(text[len(text)-1]) {
		text = text[:len(text)-1]
	}
	text = text[:len(text)-1]
	body := make([]byte, 64<<10)
	for i := range body {
		body[i] = byte(i*7919>>3) ^ byte(i>>11) // bytes of every value, no text
	}
	path := filepath.Join(t.TempDir(), "half.txt")
	if err := os.WriteFile(path, append(append([]byte(nil), text...), body...), 0o644); err != nil {
		t.Fatal(err)
	}
	e := processFile(t, path)
	if e.Status != schema.StatusFailed || e.Err == nil {
		t.Fatalf("status %s (%v), want failed", e.Status, e.Err)
	}
	msg := e.Err.Error()
	m := regexp.MustCompile(`from byte (\d+) on`).FindStringSubmatch(msg)
	if !strings.Contains(msg, filepath.ToSlash(path)) || m == nil {
		t.Fatalf("error %q names not the file and an offset", msg)
	}
	// The first bytes of the body may pass for text.
	if at, _ := strconv.Atoi(m[1]); at < len(text) || at > len(text)+16 {
		t.Errorf("binary from byte %d, want %d", at, len(text))
	}
}
