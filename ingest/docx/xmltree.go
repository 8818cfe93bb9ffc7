package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/govreports/govreports/ingest/model"
)

// Namespace keys. The reader compares element names by a short key so that
// transitional and Strict OOXML (and any prefix a producer chose) read alike.
const (
	nsW    = "w"  // wordprocessingml
	nsR    = "r"  // officeDocument relationships
	nsMC   = "mc" // markup compatibility
	nsMath = "m"
)

// namespaces maps namespace URLs to their short keys.
var namespaces = map[string]string{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main":           nsW,
	"http://purl.oclc.org/ooxml/wordprocessingml/main":                       nsW,
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships":    nsR,
	"http://purl.oclc.org/ooxml/officeDocument/relationships":                nsR,
	"http://schemas.openxmlformats.org/markup-compatibility/2006":            nsMC,
	"http://schemas.openxmlformats.org/officeDocument/2006/math":             nsMath,
	"http://purl.oclc.org/ooxml/officeDocument/math":                         nsMath,
	"http://schemas.microsoft.com/office/word/2010/wordprocessingShape":      "wps",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup":      "wpg",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas":     "wpc",
	"http://schemas.microsoft.com/office/word/2010/wordml":                   "w14",
	"http://schemas.microsoft.com/office/word/2012/wordml":                   "w15",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing":    "wp14",
	"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
	"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":             "wp",
	"urn:schemas-microsoft-com:vml":                                          "v",
	"urn:schemas-microsoft-com:office:office":                                "o",
	"http://schemas.microsoft.com/office/drawing/2010/main":                  "a14",
}

// node is one XML element with its children; character data is kept only
// where the reader needs it (text-bearing elements), as node.text.
type node struct {
	ns, local string
	attrs     []attr
	children  []*node
	text      string
}

type attr struct {
	ns, local, value string
}

func (n *node) is(ns, local string) bool { return n != nil && n.ns == ns && n.local == local }

// attr returns the value of the attribute ns:local. Attributes of the w
// namespace are also matched without a prefix, which some producers write.
func (n *node) attr(ns, local string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.attrs {
		if a.local == local && (a.ns == ns || (a.ns == "" && ns == nsW)) {
			return a.value, true
		}
	}
	return "", false
}

func (n *node) val() string {
	v, _ := n.attr(nsW, "val")
	return v
}

// child returns the first child ns:local, or nil.
func (n *node) child(ns, local string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.ns == ns && c.local == local {
			return c
		}
	}
	return nil
}

// path follows a chain of w children, e.g. path("pPr", "numPr", "numId").
func (n *node) path(locals ...string) *node {
	for _, l := range locals {
		n = n.child(nsW, l)
	}
	return n
}

// onOff reads an ST_OnOff toggle such as <w:b/> or <w:b w:val="0"/>:
// set reports whether the element is present.
func (n *node) onOff() (on, set bool) {
	if n == nil {
		return false, false
	}
	switch strings.ToLower(n.val()) {
	case "0", "false", "off":
		return false, true
	}
	return true, true
}

// textElements are the elements whose character data is text the reader
// may use. Everything else drops its character data while parsing.
var textElements = map[string]bool{
	"t": true, "delText": true, "instrText": true, "delInstrText": true,
	// core properties and relationship-free parts
	"title": true, "creator": true, "created": true, "modified": true, "subject": true,
	"description": true, "keywords": true, "lastModifiedBy": true, "category": true,
}

// parseXML reads a whole part into a tree with encoding/xml's token stream.
// encoding/xml neither fetches external entities nor expands DTD entities,
// so entity tricks fail as syntax errors; depth and element count are capped.
// It reads raw tokens and resolves namespace prefixes itself, which is
// markedly faster than Decoder.Token on parts with many namespaces.
//
// Elements and their nesting are counted against budget, the file's: XML
// that deep or that large is not a report, and refusing it keeps the
// walkers' recursion and memory bounded.
func parseXML(data []byte, budget *model.Budget) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// Character sets other than UTF-8 are declared by very old producers
	// only; read them as UTF-8 rather than refuse the part.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var ns nsStack
	root := &node{}
	stack := []*node{root}
	var names []xml.Name // raw names of the open elements, to match end tags
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := budget.Elements(1); err != nil {
				return nil, err
			}
			if err := budget.Depth(len(stack)); err != nil {
				return nil, err
			}
			ns.open(t.Attr)
			n := &node{ns: ns.key(t.Name.Space, true), local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") || unused(a.Name.Local) {
					continue
				}
				n.attrs = append(n.attrs, attr{ns: ns.key(a.Name.Space, false), local: a.Name.Local, value: a.Value})
			}
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, n)
			stack = append(stack, n)
			names = append(names, t.Name)
		case xml.EndElement:
			if len(names) == 0 || names[len(names)-1] != t.Name {
				return nil, fmt.Errorf("line %d: unexpected end element </%s>", line(d), rawName(t.Name))
			}
			names = names[:len(names)-1]
			stack = stack[:len(stack)-1]
			ns.close()
		case xml.CharData:
			top := stack[len(stack)-1]
			if textElements[top.local] {
				top.text += string(t)
			}
		}
	}
	if len(names) > 0 {
		return nil, fmt.Errorf("unexpected end of XML inside <%s>", rawName(names[len(names)-1]))
	}
	if len(root.children) == 0 {
		return nil, errors.New("no XML root element")
	}
	return root.children[0], nil
}

// unused tells the revision and paragraph identifiers Word puts on most
// elements, which the reader never looks at, so that they are not kept.
func unused(attrLocal string) bool {
	return strings.HasPrefix(attrLocal, "rsid") || attrLocal == "paraId" || attrLocal == "textId"
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// nsStack resolves namespace prefixes to the reader's namespace keys.
type nsStack struct {
	decls []nsDecl // in scope, innermost last
	marks []int    // len(decls) when each open element started
	cache map[string]string
}

type nsDecl struct{ prefix, url string }

func (s *nsStack) open(attrs []xml.Attr) {
	s.marks = append(s.marks, len(s.decls))
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			s.decls = append(s.decls, nsDecl{a.Name.Local, a.Value})
			s.cache = nil
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.decls = append(s.decls, nsDecl{"", a.Value})
			s.cache = nil
		}
	}
}

func (s *nsStack) close() {
	m := s.marks[len(s.marks)-1]
	s.marks = s.marks[:len(s.marks)-1]
	if m != len(s.decls) {
		s.decls = s.decls[:m]
		s.cache = nil
	}
}

// key returns the namespace key of a prefix. An unprefixed attribute has
// no namespace; an unprefixed element takes the default namespace.
func (s *nsStack) key(prefix string, element bool) string {
	if prefix == "" && !element {
		return ""
	}
	if k, ok := s.cache[prefix]; ok {
		return k
	}
	k := prefix // an undeclared prefix stands for itself, as in encoding/xml
	if prefix == "xml" {
		k = "http://www.w3.org/XML/1998/namespace"
	} else {
		found := false
		for i := len(s.decls) - 1; i >= 0; i-- {
			if s.decls[i].prefix == prefix {
				k, found = nsKey(s.decls[i].url), true
				break
			}
		}
		if !found && prefix == "" {
			k = ""
		}
	}
	if s.cache == nil {
		s.cache = map[string]string{}
	}
	s.cache[prefix] = k
	return k
}

func nsKey(space string) string {
	if k, ok := namespaces[space]; ok {
		return k
	}
	return space
}

func line(d *xml.Decoder) int {
	l, _ := d.InputPos()
	return l
}
