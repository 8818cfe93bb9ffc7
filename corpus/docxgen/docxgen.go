// Package docxgen writes small .docx packages from XML snippets, so that
// tests can build the exact construct they check instead of committing
// binary fixtures.
package docxgen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Doc describes a package. Snippets are the inner XML of each part's root
// element, written with the usual prefixes (w, r, mc, wp, wps, v, m …),
// which the root declares.
type Doc struct {
	Body      string // inside w:body
	Styles    string // inside w:styles; no styles part when empty
	Numbering string // inside w:numbering; no numbering part when empty
	Headers   []string
	Footers   []string
	Footnotes string // inside w:footnotes
	Endnotes  string // inside w:endnotes
	Comments  string // inside w:comments
	Core      string // inside cp:coreProperties; no core part when empty

	MainPart  string // default word/document.xml
	Strict    bool   // Strict OOXML namespaces and relationship types
	NoDocRels bool   // leave out the main part's relationships part
	Rels      []Rel  // more relationships of the main part
	Files     map[string][]byte
}

// Rel is a relationship of the main part. Type is the last element of the
// relationship type URL ("aFChunk", "hyperlink" …).
type Rel struct {
	ID, Type, Target string
	External         bool
}

const (
	wTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wStrict       = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	rTransitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	rStrict       = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

func (d Doc) namespaces() string {
	w, r := wTransitional, rTransitional
	if d.Strict {
		w, r = wStrict, rStrict
	}
	return fmt.Sprintf(`xmlns:w=%q xmlns:r=%q`, w, r) +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
		` xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"` +
		` xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:v="urn:schemas-microsoft-com:vml"` +
		` xmlns:o="urn:schemas-microsoft-com:office:office"` +
		` xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"` +
		` xmlns:x="urn:example:unknown"` +
		` mc:Ignorable="w14"`
}

func (d Doc) relType(t string) string {
	if d.Strict {
		return rStrict + "/" + t
	}
	return rTransitional + "/" + t
}

// Bytes returns the package.
func (d Doc) Bytes() ([]byte, error) {
	main := d.MainPart
	if main == "" {
		main = "word/document.xml"
	}
	dir := path.Dir(main)
	files := map[string]string{}
	xmlHead := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	part := func(name, root, inner string) {
		files[name] = xmlHead + "<" + root + " " + d.namespaces() + ">" + inner + "</" + root + ">"
	}

	part(main, "w:document", "<w:body>"+d.Body+"</w:body>")
	rels := append([]Rel(nil), d.Rels...)
	add := func(typ, name, root, inner string) {
		if inner == "" {
			return
		}
		part(dir+"/"+name, root, inner)
		rels = append(rels, Rel{ID: fmt.Sprintf("rIdGen%d", len(rels)+1), Type: typ, Target: name})
	}
	add("styles", "styles.xml", "w:styles", d.Styles)
	add("numbering", "numbering.xml", "w:numbering", d.Numbering)
	for i, h := range d.Headers {
		add("header", fmt.Sprintf("header%d.xml", i+1), "w:hdr", h)
	}
	for i, f := range d.Footers {
		add("footer", fmt.Sprintf("footer%d.xml", i+1), "w:ftr", f)
	}
	add("footnotes", "footnotes.xml", "w:footnotes", d.Footnotes)
	add("endnotes", "endnotes.xml", "w:endnotes", d.Endnotes)
	add("comments", "comments.xml", "w:comments", d.Comments)

	pkgRels := []Rel{{ID: "rId1", Type: "officeDocument", Target: main}}
	if d.Core != "" {
		files["docProps/core.xml"] = xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` + d.Core + `</cp:coreProperties>`
	}
	files["_rels/.rels"] = d.relsXML(pkgRels, true)
	if !d.NoDocRels {
		files[dir+"/_rels/"+path.Base(main)+".rels"] = d.relsXML(rels, false)
	}
	files["[Content_Types].xml"] = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/` + main + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := write(zw, n, []byte(files[n])); err != nil {
			return nil, err
		}
	}
	extra := make([]string, 0, len(d.Files))
	for n := range d.Files {
		extra = append(extra, n)
	}
	sort.Strings(extra)
	for _, n := range extra {
		if err := write(zw, n, d.Files[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (d Doc) relsXML(rels []Rel, pkg bool) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		typ := d.relType(r.Type)
		target := r.Target
		if pkg {
			target = "/" + target
		}
		mode := ""
		if r.External {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&b, `<Relationship Id=%q Type=%q Target=%q%s/>`, r.ID, typ, target, mode)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func write(zw *zip.Writer, name string, data []byte) error {
	w, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// P is a paragraph with one plain run per text given.
func P(texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, t := range texts {
		b.WriteString(R(t))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// R is a run holding text, spaces kept.
func R(text string) string {
	var b bytes.Buffer
	b.WriteString(`<w:r><w:t xml:space="preserve">`)
	escape(&b, text)
	b.WriteString(`</w:t></w:r>`)
	return b.String()
}

func escape(b *bytes.Buffer, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	b.WriteString(r.Replace(s))
}
