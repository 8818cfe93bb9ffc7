package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreports/govreports/corpus"
	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest/archive"
	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/txt"
)

// zipMember is one file of a zip made by a test.
type zipMember struct {
	name  string
	data  []byte
	gbk   bool // the name in GBK without the UTF-8 flag, as Chinese Windows writes it
	store bool // stored, not deflated
	flags uint16
}

func makeZip(t *testing.T, members ...zipMember) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate, Flags: m.flags}
		if m.store {
			h.Method = zip.Store
		}
		if m.gbk {
			name, err := simplifiedchinese.GBK.NewEncoder().String(m.name)
			if err != nil {
				t.Fatal(err)
			}
			h.Name, h.NonUTF8 = name, true
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func rendering(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(corpus.Rendering(name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// countingReader counts the files a reader reads.
type countingReader struct {
	Reader
	n *atomic.Int32
}

func (r countingReader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	r.n.Add(1)
	return r.Reader.Read(ctx, path, data)
}

// TestZipMembersAreDocuments: each member of a .zip — the sample as .docx,
// as UTF-8 .txt, and as GBK .txt under a GBK name without the UTF-8 flag —
// is a document of its own with the sample's facts; folders and macOS forks
// are passed over; an unchanged zip is not opened again, and a changed one
// reads only its new member.
func TestZipMembersAreDocuments(t *testing.T) {
	dir := t.TempDir()
	members := []zipMember{
		{name: "报告/"},
		{name: "报告/2020-xihu-services.docx", data: rendering(t, "2020-xihu-services.docx")},
		{name: "2020-xihu-services.txt", data: rendering(t, "2020-xihu-services.txt")},
		{name: "评价报告/西湖区.txt", data: rendering(t, "2020-xihu-services.gbk.txt"), gbk: true},
		{name: "__MACOSX/报告/._2020-xihu-services.docx", data: []byte("\x00\x05\x16\x07 resource fork")},
	}
	zipPath := filepath.Join(dir, "档案.zip")
	if err := os.WriteFile(zipPath, makeZip(t, members...), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "r.db")
	var reads atomic.Int32
	run := func() Summary {
		t.Helper()
		reg := NewRegistry(countingReader{txt.Reader{}, &reads}, countingReader{docx.Reader{}, &reads}, archive.Zip{})
		p := newProcessor(Config{Workers: 2, BusyTimeout: time.Second, Readers: reg}, extract.ExtractContext, "test-zip")
		sum, err := p.Run(context.Background(), dbPath, dir)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	sum := run()
	if sum.Seen != 4 || sum.Ingested != 4 || sum.Failed != 0 || sum.Skipped != 0 {
		t.Errorf("first run: %+v", sum)
	}
	for f, w := range map[string]FormatCount{"zip": {Read: 1}, "docx": {Read: 1}, "txt": {Read: 2}} {
		if got := sum.Formats[f]; got == nil || *got != w {
			t.Errorf("%s: %+v, want %+v", f, got, w)
		}
	}
	if reads.Load() != 3 {
		t.Errorf("first run: %d members read, want 3", reads.Load())
	}

	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	z := filepath.ToSlash(zipPath)
	wantDocs := []string{
		z + " zip ok ",
		z + "!/2020-xihu-services.txt txt ok utf-8",
		z + "!/报告/2020-xihu-services.docx docx ok ",
		z + "!/评价报告/西湖区.txt txt ok gb18030",
	}
	if got := query(t, db, `SELECT path || ' ' || format || ' ' || status || ' ' || coalesce(encoding, '') FROM v_documents ORDER BY path`); strings.Join(got, "\n") != strings.Join(wantDocs, "\n") {
		t.Errorf("documents:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantDocs, "\n"))
	}
	// The sample's three reports, with its years and funds, from each member.
	var wantReports []string
	for _, m := range []string{"2020-xihu-services.txt", "报告/2020-xihu-services.docx", "评价报告/西湖区.txt"} {
		wantReports = append(wantReports,
			z+"!/"+m+" 1 现代服务业专项经费 2020 724000 724000",
			z+"!/"+m+" 2 楼宇办工作经费 2020 180000 180000",
			z+"!/"+m+" 3 “梦想小街”电商产业园工作经费 2020 270000 265800",
		)
	}
	got := query(t, db, `SELECT path || ' ' || report_no || ' ' || project_name || ' ' || evaluation_year || ' ' ||
		coalesce(CAST(budget_yuan AS INTEGER), '-') || ' ' || coalesce(CAST(actual_yuan AS INTEGER), '-')
		FROM v_reports ORDER BY path, report_no`)
	if strings.Join(got, "\n") != strings.Join(wantReports, "\n") {
		t.Errorf("reports:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantReports, "\n"))
	}

	// Unchanged: the zip and its members, and nothing read.
	reads.Store(0)
	if sum := run(); sum.Seen != 4 || sum.Unchanged != 4 || sum.Ingested != 0 || reads.Load() != 0 {
		t.Errorf("second run: %+v, %d members read", sum, reads.Load())
	}

	// A member added: the zip is read again, only the new member parsed.
	members = append(members, zipMember{name: "说明.txt", data: []byte("本压缩包收录 2020 年评价报告。")})
	if err := os.WriteFile(zipPath, makeZip(t, members...), 0o644); err != nil {
		t.Fatal(err)
	}
	reads.Store(0)
	if sum := run(); sum.Seen != 5 || sum.Unchanged != 3 || sum.Ingested != 2 || reads.Load() != 1 {
		t.Errorf("third run: %+v, %d members read", sum, reads.Load())
	}
}

func query(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestZipLimits: a zip of too many members, or whose members declare too
// many bytes in all, fails alone with a sentence naming the limit; a member
// too large, inflating past what it declares, or encrypted, fails alone in
// its archive; a zip inside a zip is skipped, named.
func TestZipLimits(t *testing.T) {
	dir := t.TempDir()
	zeros := make([]byte, 2<<20) // 2 MiB that deflate to a few KB
	files := map[string][]byte{
		"many.zip": makeZip(t, zipMember{name: "1.txt", data: []byte("一")}, zipMember{name: "2.txt", data: []byte("二")},
			zipMember{name: "3.txt", data: []byte("三")}, zipMember{name: "4.txt", data: []byte("四")}, zipMember{name: "5.txt", data: []byte("五")}),
		"bomb.zip": makeZip(t, zipMember{name: "a.txt", data: zeros}, zipMember{name: "b.txt", data: zeros},
			zipMember{name: "c.txt", data: zeros}),
		"mixed.zip": makeZip(t, zipMember{name: "big.txt", data: append(zeros, zeros...)}, zipMember{name: "ok.txt", data: []byte("一、项目概况")},
			zipMember{name: "inner.zip", data: makeZip(t, zipMember{name: "x.txt", data: []byte("x")}), store: true},
			zipMember{name: "secret.txt", data: []byte("密"), flags: 0x1}), // flagged encrypted
		"liar.zip":  lyingZip(t, "liar.txt", zeros, 100),
		"plain.txt": []byte("二、评价结论"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lim := model.Limits{MaxMembers: 4, MaxInflated: 5 << 20, MaxFileBytes: 3 << 20}
	reg := NewRegistry(lineReader{"1"}, archive.Zip{})
	p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second, Readers: reg, Limits: lim})
	dbPath := filepath.Join(t.TempDir(), "r.db")
	if _, err := p.Run(context.Background(), dbPath, dir); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := filepath.ToSlash(dir) + "/"
	want := []string{
		d + "bomb.zip failed " + d + "bomb.zip: more than 5242880 bytes declared by its members in all (limit --max-inflated): not read",
		d + "liar.zip ok ",
		d + "liar.zip!/liar.txt failed " + d + "liar.zip!/liar.txt: damaged in the archive: zip: not a valid zip file",
		d + "many.zip failed " + d + "many.zip: more than 4 members in the archive (limit --max-members): not read",
		d + "mixed.zip ok ",
		d + "mixed.zip!/big.txt failed " + d + "mixed.zip!/big.txt: more than 3145728 bytes in the file (limit --max-file-bytes): not read",
		d + "mixed.zip!/inner.zip skipped " + d + "mixed.zip!/inner.zip: skipped: a zip archive inside an archive is not opened (one level only); unpack the outer archive to read it",
		d + "mixed.zip!/ok.txt ok ",
		d + "mixed.zip!/secret.txt failed " + d + "mixed.zip!/secret.txt: encrypted in the archive; not read (unpack it with its password)",
		d + "plain.txt ok ",
	}
	got := query(t, db, `SELECT path || ' ' || status || ' ' || coalesce(error, '') FROM v_documents ORDER BY path`)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// lyingZip makes a zip whose one member declares size bytes but inflates to
// all of data: a bomb that hides behind its header.
func lyingZip(t *testing.T, name string, data []byte, size uint64) []byte {
	t.Helper()
	raw := deflate(t, data)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: uint64(len(raw)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func deflate(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestProcessMember: a member's path, which is no file on disk, reads the
// member (what `reports inspect 档案.zip!/报告.txt` shows); the archive's
// own path says what it holds.
func TestProcessMember(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "档案.zip")
	data := makeZip(t, zipMember{name: "评价报告/西湖区.txt", data: rendering(t, "2020-xihu-services.gbk.txt"), gbk: true},
		zipMember{name: "说明.txt", data: []byte("说明")})
	if err := os.WriteFile(zipPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p := newProcessor(Config{Readers: NewRegistry(txt.Reader{}, archive.Zip{})}, extract.ExtractContext, "test-zip")
	ctx := context.Background()
	doc, x, err := p.Process(ctx, zipPath+"!/评价报告/西湖区.txt")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "gb18030" || len(x.Reports) != 3 || x.Reports[1].ProjectName != "楼宇办工作经费" {
		t.Errorf("member: encoding %q, %d reports", doc.Encoding, len(x.Reports))
	}
	z := filepath.ToSlash(zipPath)
	if _, _, err := p.Process(ctx, zipPath+"!/无此文件.txt"); err == nil || err.Error() != z+"!/无此文件.txt: "+z+" holds no member 无此文件.txt" {
		t.Errorf("missing member: %v", err)
	}
	_, _, err = p.Process(ctx, zipPath)
	if err == nil || err.Error() != z+": a zip archive of 2 members, each a document of its own ("+z+"!/评价报告/西湖区.txt, "+z+"!/说明.txt): ingest reads them, name one to inspect it" {
		t.Errorf("archive: %v", err)
	}
}

// pairReader reads lines, each read waiting (a while at most) until
// another is under way: it records whether two ever ran at once.
type pairReader struct {
	lineReader
	mu       sync.Mutex
	inFlight int
	met      chan struct{} // closed once two reads ran at once
}

func (r *pairReader) Read(ctx context.Context, path string, data []byte) (*model.Document, error) {
	r.mu.Lock()
	r.inFlight++
	if r.inFlight == 2 && !r.together() {
		close(r.met)
	}
	r.mu.Unlock()
	select {
	case <-r.met:
	case <-time.After(2 * time.Second):
	}
	r.mu.Lock()
	r.inFlight--
	r.mu.Unlock()
	return r.lineReader.Read(ctx, path, data)
}

func (r *pairReader) together() bool {
	select {
	case <-r.met:
		return true
	default:
		return false
	}
}

// TestZipMembersReadInParallel: the members of a lone .zip are read by
// more than the one worker that opened it.
func TestZipMembersReadInParallel(t *testing.T) {
	dir := t.TempDir()
	var members []zipMember
	for i := range 8 {
		members = append(members, zipMember{name: fmt.Sprintf("%d.txt", i), data: fmt.Appendf(nil, "第%d份", i)})
	}
	zipPath := filepath.Join(dir, "档案.zip")
	if err := os.WriteFile(zipPath, makeZip(t, members...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &pairReader{lineReader: lineReader{"1"}, met: make(chan struct{})}
	p := testProcessor(Config{Workers: 2, BusyTimeout: time.Second, Readers: NewRegistry(r, archive.Zip{})})
	sum, err := p.Run(context.Background(), filepath.Join(t.TempDir(), "r.db"), zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 9 {
		t.Errorf("%+v", sum)
	}
	if !r.together() {
		t.Error("the members were read one at a time")
	}
}

// TestZipMembersPruneAndMove: a member's path is its archive's joined with
// its name, under the archive's root, so --prune keeps the members of an
// archive on disk, the archive moved with its folder takes its members
// along, and an archive deleted takes them out with --prune.
func TestZipMembersPruneAndMove(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "档案")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(dir, "a.zip")
	data := makeZip(t,
		zipMember{name: "一.txt", data: rendering(t, "2020-xihu-services.txt")},
		zipMember{name: "二.docx", data: rendering(t, "2020-xihu-services.docx")})
	if err := os.WriteFile(zipPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(base, "r.db")
	run := func(root string, prune bool) Summary {
		t.Helper()
		reg := NewRegistry(txt.Reader{}, docx.Reader{}, archive.Zip{})
		p := newProcessor(Config{Workers: 2, BusyTimeout: time.Second, Readers: reg, Prune: prune}, extract.ExtractContext, "test-zip")
		sum, err := p.Run(context.Background(), dbPath, root)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	paths := func() []string {
		t.Helper()
		db, err := sql.Open("sqlite3", dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.Query(`SELECT rel FROM v_paths ORDER BY rel`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
		}
		return out
	}
	want := "a.zip a.zip!/一.txt a.zip!/二.docx"
	if sum := run(dir, false); sum.Ingested != 3 {
		t.Fatalf("first run: %+v", sum)
	}
	if sum := run(dir, true); sum.GonePruned != 0 || sum.Gone != 0 || sum.Unchanged != 3 {
		t.Errorf("again with --prune: %+v, want the 3 unchanged and nothing gone", sum)
	}
	if got := strings.Join(paths(), " "); got != want {
		t.Errorf("paths after --prune: %s, want %s", got, want)
	}
	moved := filepath.Join(base, "档案2020")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if sum := run(moved, true); sum.Ingested != 0 || sum.Duplicates != 0 {
		t.Errorf("moved: %+v, want nothing read and no copies", sum)
	}
	if got := strings.Join(paths(), " "); got != want {
		t.Errorf("paths after the move: %s, want %s", got, want)
	}
	if err := os.Remove(filepath.Join(moved, "a.zip")); err != nil {
		t.Fatal(err)
	}
	// Another file keeps the root from looking unmounted.
	if err := os.WriteFile(filepath.Join(moved, "b.txt"), []byte("报告\n正文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := run(moved, true); sum.GonePruned != 3 {
		t.Errorf("archive deleted, --prune: %+v, want its 3 documents pruned", sum)
	}
	if got := strings.Join(paths(), " "); got != "b.txt" {
		t.Errorf("paths after the archive went: %s, want b.txt", got)
	}
}
