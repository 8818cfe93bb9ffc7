package office

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
)

// LibreOffice writes a list that restarts its numbering (each report of a
// file restarting at 一、) to .docx as a list of its own for the
// restarting paragraph alone, copied from the list's definition, and
// leaves the paragraphs after it in the original list, where Word — and
// the docx reader, which counts as Word does — number them afresh: the
// report's 二、 comes out as 一、 again. joinRestartedLists puts the
// restarting paragraph back into the list that follows it, where
//
//   - its own list numbers it alone,
//   - the next numbered paragraph starts the other list, deeper than it
//     (a list that begins below its first level continues one; a new list
//     would begin at its top), and
//   - both lists have the same definition,
//
// which numbers the paragraphs as LibreOffice shows them. Anything else,
// or XML not written as LibreOffice writes it, is left as it is.
func joinRestartedLists(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return data
	}
	var document, numbering *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			document = f
		case "word/numbering.xml":
			numbering = f
		}
	}
	if document == nil || numbering == nil {
		return data
	}
	body, err1 := readAll(document)
	nums, err2 := readAll(numbering)
	if err1 != nil || err2 != nil {
		return data
	}
	fixed, changed := joinLists(body, nums)
	if !changed {
		return data
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f != document {
			if err := zw.Copy(f); err != nil {
				return data
			}
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return data
		}
		if _, err := w.Write(fixed); err != nil {
			return data
		}
	}
	if err := zw.Close(); err != nil {
		return data
	}
	return buf.Bytes()
}

func readAll(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, 256<<20))
}

var (
	numPr       = regexp.MustCompile(`<w:numPr><w:ilvl w:val="(\d+)"/><w:numId w:val="(\d+)"/></w:numPr>`)
	numDef      = regexp.MustCompile(`<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"/></w:num>`)
	abstractDef = regexp.MustCompile(`(?s)<w:abstractNum w:abstractNumId="(\d+)"[^>]*>(.*?)</w:abstractNum>`)
	// Parts of a definition that differ between copies of one list.
	listIdentity = regexp.MustCompile(`<w:(nsid|tmpl) [^>]*/>`)
)

// joinLists rewrites the numbering of the paragraphs of document.xml as
// joinRestartedLists says, given numbering.xml.
func joinLists(body, nums []byte) ([]byte, bool) {
	abstracts := map[string]string{}
	for _, m := range abstractDef.FindAllSubmatch(nums, -1) {
		abstracts[string(m[1])] = listIdentity.ReplaceAllString(string(m[2]), "")
	}
	def := map[string]string{} // numId → its abstract definition
	for _, m := range numDef.FindAllSubmatch(nums, -1) {
		if a, ok := abstracts[string(m[2])]; ok {
			def[string(m[1])] = a
		}
	}
	type use struct {
		level      int
		id         string
		start, end int // of the numId's value in body
	}
	var uses []use
	count, first := map[string]int{}, map[string]int{}
	for _, m := range numPr.FindAllSubmatchIndex(body, -1) {
		level, _ := strconv.Atoi(string(body[m[2]:m[3]]))
		id := string(body[m[4]:m[5]])
		if _, seen := first[id]; !seen {
			first[id] = len(uses)
		}
		count[id]++
		uses = append(uses, use{level, id, m[4], m[5]})
	}
	var out []byte
	last := 0
	for i, u := range uses {
		if i+1 == len(uses) || count[u.id] != 1 {
			continue
		}
		next := uses[i+1]
		a, okA := def[u.id]
		b, okB := def[next.id]
		if next.id == u.id || first[next.id] != i+1 || next.level <= u.level || !okA || !okB || a != b {
			continue
		}
		out = append(out, body[last:u.start]...)
		out = append(out, next.id...)
		last = u.end
	}
	if out == nil {
		return body, false
	}
	return append(out, body[last:]...), true
}
