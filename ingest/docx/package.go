package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/govreports/govreports/ingest/model"
	libdocx "github.com/nguyenthenguyen/docx"
)

// Against zip bombs no part is read beyond the budget's MaxPartBytes and
// no file, imported packages included, beyond its MaxInflated, whatever
// sizes the zip directory claims (archive/zip also refuses to inflate
// past the size a member declares).

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
	zr       *zip.Reader
	files    map[string]*zip.File      // by lower-cased name
	budget   *model.Budget             // the file's, shared with the packages it imports
	relCache map[string][]relationship // by source part, "" for the package
}

type relationship struct {
	id, typ, target string
	external        bool
}

func openPackage(r io.ReaderAt, size int64, budget *model.Budget) (*pkg, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a zip archive (%v)", err)
	}
	p := &pkg{zr: zr, files: make(map[string]*zip.File, len(zr.File)), budget: budget}
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
	if f.UncompressedSize64 > uint64(p.budget.MaxPartBytes) {
		return nil, true, fmt.Errorf("%s: part declares %d bytes, over the %d limit", name, f.UncompressedSize64, p.budget.MaxPartBytes)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	// The declared size sizes the buffer, but only up to a point: a lying
	// zip directory must not make the reader allocate for nothing.
	var buf bytes.Buffer
	buf.Grow(int(min(f.UncompressedSize64, 8<<20)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(rc, p.budget.MaxPartBytes+1)); err != nil {
		return nil, true, fmt.Errorf("%s: %v", name, err)
	}
	data = buf.Bytes()
	if int64(len(data)) > p.budget.MaxPartBytes {
		return nil, true, fmt.Errorf("%s: part larger than the %d limit", name, p.budget.MaxPartBytes)
	}
	if err := p.budget.Inflated(int64(len(data))); err != nil {
		return nil, true, err
	}
	return data, true, nil
}

// rels returns the relationships of part ("" for the package itself),
// read once. A missing or unreadable relationships part is no
// relationships.
func (p *pkg) rels(part string) []relationship {
	if r, ok := p.relCache[part]; ok {
		return r
	}
	r := p.readRels(part)
	if p.relCache == nil {
		p.relCache = map[string][]relationship{}
	}
	p.relCache[part] = r
	return r
}

func (p *pkg) readRels(part string) []relationship {
	dir, base := path.Split(part)
	data, ok, err := p.readPart(dir + "_rels/" + base + ".rels")
	if !ok || err != nil {
		return nil
	}
	root, err := parseXML(data, p.budget)
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
				if err := p.budget.Inflated(int64(len(content))); err != nil {
					return nil, err
				}
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
		if f.UncompressedSize64 > uint64(p.budget.MaxPartBytes) {
			return false
		}
		total += f.UncompressedSize64
	}
	return total <= uint64(p.budget.MaxInflated)
}

// bytesReader serves a package held in memory to the code that reads
// packages from files.
func bytesReader(data []byte) (io.ReaderAt, int64) {
	return bytes.NewReader(data), int64(len(data))
}
