package soffice_test

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/soffice"
	"github.com/govreports/govreports/ingest/soffice/sofficetest"
)

func TestMissingLibreOfficeSkips(t *testing.T) {
	conv := soffice.New(soffice.Options{Path: filepath.Join(t.TempDir(), "no-such-soffice")})
	defer conv.Close()
	if v := conv.Version(); v != "no LibreOffice" {
		t.Errorf("version %q, want no LibreOffice", v)
	}
	for _, c := range []struct{ ext, to, pkg string }{
		{"doc", soffice.DOCX, "libreoffice-writer-nogui"},
		{"xls", soffice.XLSX, "libreoffice-calc-nogui"},
	} {
		_, err := conv.Convert(context.Background(), "old/report."+c.ext, []byte("x"), c.ext, c.to)
		if !errors.Is(err, model.ErrUnsupported) {
			t.Errorf(".%s: %v, want an error matching ErrUnsupported", c.ext, err)
			continue
		}
		want := "old/report." + c.ext + ": skipped: reading ." + c.ext + " needs LibreOffice: apt-get install " + c.pkg
		if err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
		if f, ok := err.(interface{ Format() string }); !ok || f.Format() != c.ext {
			t.Errorf("error %v names no format %q", err, c.ext)
		}
	}
}

// result is what one Convert call returned.
type result struct {
	data []byte
	err  error
}

// convertAll converts the files at once, as workers do, and returns the
// results by name.
func convertAll(conv *soffice.Converter, files map[string][]byte, ext, to string) map[string]result {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[string]result{}
	for name, data := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := conv.Convert(context.Background(), name, data, ext, to)
			mu.Lock()
			out[name] = result{got, err}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

// TestHungFileFailsAlone runs a stand-in soffice that hangs on one file of
// a batch: that file fails once the timeout passes, the files before it
// are converted, and those after it are converted by the next call.
func TestHungFileFailsAlone(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	output := filepath.Join(t.TempDir(), "out.docx")
	os.WriteFile(output, []byte("converted"), 0o644)
	conv := soffice.New(soffice.Options{Path: sofficetest.Fake(t, output), Timeout: 3 * time.Second, Gather: 300 * time.Millisecond})
	if v := conv.Version(); v != "LibreOffice 0.0.0.0" {
		t.Errorf("version %q", v)
	}
	files := map[string][]byte{
		"a.doc": []byte("fine"), "b.doc": []byte("HANG"), "c.doc": []byte("fine too"),
		"d.doc": []byte("BROKEN"), "e.doc": []byte("fine as well"),
	}
	start := time.Now()
	got := convertAll(conv, files, "doc", soffice.DOCX)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v: the hung file was not stopped in time", d)
	}
	for name, r := range got {
		switch name {
		case "b.doc":
			if r.err == nil || !strings.HasPrefix(r.err.Error(), "b.doc: LibreOffice spent more than 3s") {
				t.Errorf("%s: %v, want a time-out naming it", name, r.err)
			}
		case "d.doc":
			if r.err == nil || !strings.HasPrefix(r.err.Error(), "d.doc: LibreOffice could not convert it") || !strings.Contains(r.err.Error(), "Error: source file could not be loaded") {
				t.Errorf("%s: %v, want a failure naming it", name, r.err)
			}
		default:
			if r.err != nil || string(r.data) != "converted" {
				t.Errorf("%s: %q, %v; want it converted", name, r.data, r.err)
			}
		}
	}
	conv.Close()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left after Close: %v", left)
	}
	if _, err := conv.Convert(context.Background(), "late.doc", []byte("x"), "doc", soffice.DOCX); !errors.Is(err, soffice.ErrClosed) {
		t.Errorf("after Close: %v, want ErrClosed", err)
	}
}

// TestCrashFailsAlone runs a stand-in soffice that dies on one file: that
// file fails, and the files after it are converted by the next call.
func TestCrashFailsAlone(t *testing.T) {
	output := filepath.Join(t.TempDir(), "out.docx")
	os.WriteFile(output, []byte("converted"), 0o644)
	conv := soffice.New(soffice.Options{Path: sofficetest.Fake(t, output), Gather: 300 * time.Millisecond})
	defer conv.Close()
	files := map[string][]byte{"a.doc": []byte("fine"), "b.doc": []byte("CRASH"), "c.doc": []byte("fine too"), "d.doc": []byte("fine as well")}
	for name, r := range convertAll(conv, files, "doc", soffice.DOCX) {
		if name == "b.doc" {
			if r.err == nil || !strings.HasPrefix(r.err.Error(), "b.doc: LibreOffice failed") {
				t.Errorf("%s: %v, want a failure naming it", name, r.err)
			}
		} else if r.err != nil || string(r.data) != "converted" {
			t.Errorf("%s: %q, %v; want it converted", name, r.data, r.err)
		}
	}
}

// TestHostileDoc hands LibreOffice random bytes behind an OLE header next
// to the sample: the hostile file fails alone, naming itself, and in time.
func TestHostileDoc(t *testing.T) {
	sofficetest.New(t, soffice.DOCX) // skips without LibreOffice
	conv := soffice.New(soffice.Options{Timeout: 30 * time.Second})
	defer conv.Close()
	sample, err := os.ReadFile(corpus.Rendering("2020-xihu-services.doc"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	hostile := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	for range 64 << 10 {
		hostile = append(hostile, byte(rng.UintN(256)))
	}
	start := time.Now()
	got := convertAll(conv, map[string][]byte{"sample.doc": sample, "hostile.doc": hostile}, "doc", soffice.DOCX)
	if d := time.Since(start); d > 40*time.Second {
		t.Errorf("took %v", d)
	}
	if r := got["sample.doc"]; r.err != nil || !bytes.HasPrefix(r.data, []byte("PK")) {
		t.Errorf("sample.doc: %v, want a .docx", r.err)
	}
	if r := got["hostile.doc"]; r.err == nil || !strings.HasPrefix(r.err.Error(), "hostile.doc: ") {
		t.Errorf("hostile.doc: %v, want an error naming it", r.err)
	} else {
		t.Logf("hostile.doc: %v (%v)", r.err, time.Since(start))
	}
}

// TestMemoryLimit runs a stand-in soffice under a limit too small for it
// to start: every file fails, naming itself, and nothing hangs.
func TestMemoryLimit(t *testing.T) {
	output := filepath.Join(t.TempDir(), "out.docx")
	os.WriteFile(output, []byte("converted"), 0o644)
	conv := soffice.New(soffice.Options{Path: sofficetest.Fake(t, output), MemoryLimit: 64 << 10})
	defer conv.Close()
	if _, err := conv.Convert(context.Background(), "big.doc", []byte("fine"), "doc", soffice.DOCX); err == nil || !strings.HasPrefix(err.Error(), "big.doc: LibreOffice") {
		t.Errorf("with 64 kB: %v, want a failure naming the file", err)
	}
	conv2 := soffice.New(soffice.Options{Path: sofficetest.Fake(t, output), MemoryLimit: 1 << 30})
	defer conv2.Close()
	if data, err := conv2.Convert(context.Background(), "a.doc", []byte("fine"), "doc", soffice.DOCX); err != nil || string(data) != "converted" {
		t.Errorf("with 1 GiB: %q, %v", data, err)
	}
}
