package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	libdocx "github.com/nguyenthenguyen/docx"
)

// Limits against zip bombs: no part is read beyond maxPartSize and no
// package beyond maxTotalSize, whatever sizes the zip directory claims
// (archive/zip also refuses to inflate past the size a member declares).
const (
	maxPartSize  = 256 << 20
	maxTotalSize = 512 << 20
)

// Relationship types, matched by their last path element so that the
// transitional (schemas.openxmlformats.org) and Strict (purl.oclc.org)
// spellings read alike.
const (
	relOfficeDocument = "officeDocument"
	relStyles         = "styles"
	relNumbering      = "numbering"
	relHeader         = "header"
	relFooter         = "footer"
	relFootnotes      = "footnotes"
	relEndnotes       = "endnotes"
	relComments       = "comments"
	relAltChunk       = "aFChunk"
	relCoreProps      = "core-properties"
)

// pkg is an opened OOXML package.
type pkg struct {
	zr    *zip.Reader
	files map[string]*zip.File // by lower-cased name
	read  int64                // bytes inflated so far
}

type relationship struct {
	id, typ, target string
	external        bool
}

func openPackage(r io.ReaderAt, size int64) (*pkg, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a zip archive (%v)", err)
	}
	p := &pkg{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

func (p *pkg) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// readPart inflates one member, within the size limits. A missing member is
// reported with ok false and no error.
func (p *pkg) readPart(name string) (data []byte, ok bool, err error) {
	f, found := p.files[strings.ToLower(name)]
	if !found {
		return nil, false, nil
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, true, fmt.Errorf("%s: part declares %d bytes, over the %d limit", name, f.UncompressedSize64, maxPartSize)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(f.UncompressedSize64) + bytes.MinRead) // within the limit, checked above
	if _, err := buf.ReadFrom(io.LimitReader(rc, maxPartSize+1)); err != nil {
		return nil, true, fmt.Errorf("%s: %v", name, err)
	}
	data = buf.Bytes()
	if len(data) > maxPartSize {
		return nil, true, fmt.Errorf("%s: part larger than the %d limit", name, maxPartSize)
	}
	p.read += int64(len(data))
	if p.read > maxTotalSize {
		return nil, true, fmt.Errorf("%s: package inflates beyond the %d limit", name, maxTotalSize)
	}
	return data, true, nil
}

// rels reads the relationships of part ("" for the package itself). A
// missing or unreadable relationships part is no relationships.
func (p *pkg) rels(part string) []relationship {
	dir, base := path.Split(part)
	data, ok, err := p.readPart(dir + "_rels/" + base + ".rels")
	if !ok || err != nil {
		return nil
	}
	root, err := parseXML(data)
	if err != nil {
		return nil
	}
	var out []relationship
	for _, c := range root.children {
		if c.local != "Relationship" {
			continue
		}
		r := relationship{}
		for _, a := range c.attrs {
			switch a.local {
			case "Id":
				r.id = a.value
			case "Type":
				r.typ = a.value[strings.LastIndex(a.value, "/")+1:]
			case "Target":
				r.target = a.value
			case "TargetMode":
				r.external = strings.EqualFold(a.value, "External")
			}
		}
		if !r.external {
			r.target = resolveTarget(dir, r.target)
		}
		out = append(out, r)
	}
	return out
}

// resolveTarget turns a relationship target into a package member name.
func resolveTarget(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// mainPart names the main document part: the officeDocument relation of
// _rels/.rels, else word/document.xml.
func (p *pkg) mainPart() string {
	for _, r := range p.rels("") {
		if r.typ == relOfficeDocument && !r.external && p.has(r.target) {
			return r.target
		}
	}
	return "word/document.xml"
}

// mainXML returns the main part's XML. Where the main part sits where
// github.com/nguyenthenguyen/docx expects it, that library reads it; the
// package is read directly when the part is elsewhere or the library fails
// (it insists on word/_rels/document.xml.rels, for one).
func (p *pkg) mainXML(ra io.ReaderAt, size int64, main string) ([]byte, error) {
	if main == "word/document.xml" && p.withinLimits() {
		if lib, err := libdocx.ReadDocxFromMemory(ra, size); err == nil {
			content := lib.Editable().GetContent()
			lib.Close()
			if content != "" {
				p.read += int64(len(content))
				return []byte(content), nil
			}
		}
	}
	data, ok, err := p.readPart(main)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errors.New("no main document part (word/document.xml or an officeDocument relationship)")
	}
	return data, nil
}

// withinLimits reports whether every member the library would inflate
// (it reads the main part, its relationships, headers and footers whole)
// declares a size within the part limit.
func (p *pkg) withinLimits() bool {
	var total uint64
	for _, f := range p.zr.File {
		if !strings.HasPrefix(f.Name, "word/") || !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		if f.UncompressedSize64 > maxPartSize {
			return false
		}
		total += f.UncompressedSize64
	}
	return total <= maxTotalSize
}

// readerAtSize lets ReadBytes and Read share the opening code.
func bytesReader(data []byte) (io.ReaderAt, int64) {
	return bytes.NewReader(data), int64(len(data))
}
