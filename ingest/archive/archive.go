// Package archive opens .zip archives whose members are documents of their
// own: it lists the members, decodes their names (GBK ones from Chinese
// Windows included) and bounds what they may inflate to. It reads no
// member's format: the pipeline hands each member to the reader of its
// sniffed kind, as it does a file.
package archive

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// Version changes whenever the members listed, their names or their bytes
// change.
const Version = "1"

// Sep joins an archive's path and a member's name into the path the member
// is recorded under, as Java's jar: URLs write it:
// "档案/2020.zip!/评价报告/报告.docx". The file on disk is what comes
// before the first Sep (Split), which is how a path is told to be a
// member's, and its file found, without the database.
const Sep = "!/"

// Join returns the path of the member name of the archive at file.
func Join(file, name string) string { return file + Sep + name }

// Split returns the archive's file and the member's name of a member's
// path, or ok false for the path of a file. A folder on disk whose name
// ends in "!" would be taken for an archive: such names are rare enough
// to leave ambiguous.
func Split(p string) (file, name string, ok bool) {
	i := strings.Index(p, Sep)
	if i <= 0 || i+len(Sep) == len(p) {
		return "", "", false
	}
	return p[:i], p[i+len(Sep):], true
}

// Member is one file of an archive.
type Member struct {
	Name string // decoded, forward slashes, no leading slash or ".."
	Path string // Join(archive, Name)
	Size int64  // the size the archive declares inflated
	f    *zip.File
}

// Zip lists the members of .zip archives. It is registered as the reader
// of sniff.ZIP; its Read refuses, since an archive is not one document.
type Zip struct{}

func (Zip) Name() string        { return "zip" }
func (Zip) Version() string     { return Version }
func (Zip) Kinds() []sniff.Kind { return []sniff.Kind{sniff.ZIP} }

// Read says what the archive holds: its members are documents of their
// own, read one by one by the pipeline, not through Read.
func (z Zip) Read(ctx context.Context, p string, data []byte) (*model.Document, error) {
	ms, err := z.Members(ctx, p, data)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, 3)
	for _, m := range ms[:min(3, len(ms))] {
		names = append(names, m.Path)
	}
	if len(ms) > 3 {
		names = append(names, "…")
	}
	if len(ms) == 1 {
		return nil, fmt.Errorf("%s: a zip archive of 1 member, a document of its own (%s): ingest reads it, name it to inspect it", p, names[0])
	}
	return nil, fmt.Errorf("%s: a zip archive of %d members, each a document of its own (%s): ingest reads them, name one to inspect it",
		p, len(ms), strings.Join(names, ", "))
}

// Members lists the files of the archive data at path p, in the
// archive's order, within the limits ctx carries (model.LimitsFrom):
// more than MaxMembers files, or more than MaxInflated bytes declared in
// all, fail the whole archive before anything is inflated (a zip bomb
// stops here; a member that inflates past what it declares fails when
// read). Folders, hidden files and macOS's __MACOSX forks are passed over,
// as the walk passes over hidden files on disk.
func (Zip) Members(ctx context.Context, p string, data []byte) ([]Member, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable zip archive: %w", p, err)
	}
	lim := model.LimitsFrom(ctx)
	var out []Member
	var total int64
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name := clean(decodeName(f))
		if name == "" || f.FileInfo().IsDir() || hidden(name) {
			continue
		}
		if len(out) == lim.MaxMembers {
			return nil, &model.LimitError{Path: p, What: "members in the archive", Limit: int64(lim.MaxMembers), Flag: "max-members"}
		}
		size := int64(min(f.UncompressedSize64, 1<<62))
		if total += size; total > lim.MaxInflated {
			return nil, &model.LimitError{Path: p, What: "bytes declared by its members in all", Limit: lim.MaxInflated, Flag: "max-inflated"}
		}
		out = append(out, Member{Name: name, Path: Join(p, name), Size: size, f: f})
	}
	return out, nil
}

// Read inflates the member, at most max bytes: one that declares or
// inflates to more fails by its size, like a file on disk.
func (m Member) Read(max int64) ([]byte, error) {
	tooBig := &model.LimitError{Path: m.Path, What: "bytes in the file", Limit: max, Flag: "max-file-bytes"}
	if m.Size > max {
		return nil, tooBig
	}
	if m.f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("%s: encrypted in the archive; not read (unpack it with its password)", m.Path)
	}
	rc, err := m.f.Open()
	if errors.Is(err, zip.ErrAlgorithm) {
		return nil, fmt.Errorf("%s: compressed with a method Go does not read (%d); not read (unpack it with 7-Zip)", m.Path, m.f.Method)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.Path, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(m.Size) + bytes.MinRead)
	// archive/zip fails a member that inflates past its declared size;
	// the limit holds whatever it declares.
	if _, err := buf.ReadFrom(io.LimitReader(rc, max+1)); err != nil {
		return nil, fmt.Errorf("%s: damaged in the archive: %w", m.Path, err)
	}
	if int64(buf.Len()) > max {
		return nil, tooBig
	}
	return buf.Bytes(), nil
}

// decodeName returns a member's name in UTF-8. The Info-ZIP Unicode Path
// field, which WinRAR and 7-Zip add beside a name in a legacy code page,
// is taken first, when it belongs to that name. Archives made on Chinese
// Windows store GBK names without the UTF-8 flag; as for text, a name
// that is valid UTF-8 is taken as such, and any other as GB18030 (of which
// GBK is a part).
func decodeName(f *zip.File) string {
	if name, ok := unicodePath(f); ok {
		return name
	}
	if !f.NonUTF8 || utf8.ValidString(f.Name) {
		return f.Name
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name)
	if err != nil {
		return strings.ToValidUTF8(f.Name, "\uFFFD")
	}
	return s
}

// unicodePath returns the name in the member's Info-ZIP Unicode Path
// extra field (0x7075: version 1, the CRC-32 of the header's name, the
// name in UTF-8), if it has one for the name the header holds.
func unicodePath(f *zip.File) (string, bool) {
	for extra := f.Extra; len(extra) >= 4; {
		id, size := binary.LittleEndian.Uint16(extra), int(binary.LittleEndian.Uint16(extra[2:]))
		if len(extra) < 4+size {
			return "", false
		}
		field := extra[4 : 4+size]
		extra = extra[4+size:]
		if id != 0x7075 || len(field) < 5 || field[0] != 1 {
			continue
		}
		// A tool that renamed the member without updating the field
		// leaves a stale name: the CRC tells.
		if binary.LittleEndian.Uint32(field[1:]) != crc32.ChecksumIEEE([]byte(f.Name)) || !utf8.Valid(field[5:]) {
			return "", false
		}
		return string(field[5:]), true
	}
	return "", false
}

// clean makes a member name a relative slash path: Windows tools write
// backslashes, and a name may climb ("../") or start at the root. The
// members are never written to disk; the name only has to read well in
// a path.
func clean(name string) string {
	name = path.Clean("/" + strings.ReplaceAll(name, `\`, "/"))
	return strings.TrimPrefix(name, "/")
}

// hidden tells a member the walk would pass over on disk: a name with a
// part that starts with a dot, or macOS's resource forks.
func hidden(name string) bool {
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	return false
}
