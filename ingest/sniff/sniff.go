// Package sniff tells the real format of a file from its first bytes, and
// from its name only when the content does not say: archives hold .docx
// files saved as .txt and text saved as .doc.
package sniff

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Kind is a file format.
type Kind string

// Formats told apart. Which of them can be read is for the registry of
// readers in ingest to say; the others are named so that the pipeline can
// say what it skipped.
const (
	TXT     Kind = "txt"
	DOCX    Kind = "docx"
	DOC     Kind = "doc" // Word 97-2003, OLE2 compound file
	WPS     Kind = "wps" // Kingsoft WPS Writer (OLE2 like .doc)
	PDF     Kind = "pdf"
	XLSX    Kind = "xlsx"
	XLS     Kind = "xls"
	PPTX    Kind = "pptx"
	PPT     Kind = "ppt"
	ODT     Kind = "odt"
	ZIP     Kind = "zip" // any other zip archive
	RAR     Kind = "rar"
	SevenZ  Kind = "7z"
	HTML    Kind = "html"
	MHT     Kind = "mht" // web archive, what Word writes as "single file web page"
	XML     Kind = "xml"
	RTF     Kind = "rtf"
	Image   Kind = "image"
	Binary  Kind = "binary" // none of the above
	Unknown Kind = ""       // ByName for a name it does not know
)

// HeadSize is how many leading bytes Detect wants to see.
const HeadSize = 512

// Describe returns a label for messages such as "skipped: legacy Word .doc
// (not supported yet)".
func (k Kind) Describe() string {
	switch k {
	case TXT:
		return "plain text"
	case DOCX:
		return "Word .docx"
	case DOC:
		return "legacy Word .doc"
	case WPS:
		return "WPS Writer .wps"
	case PDF:
		return "PDF"
	case XLSX:
		return "Excel .xlsx"
	case XLS:
		return "legacy Excel .xls"
	case PPTX:
		return "PowerPoint .pptx"
	case PPT:
		return "legacy PowerPoint .ppt"
	case ODT:
		return "OpenDocument text .odt"
	case ZIP:
		return "zip archive"
	case RAR:
		return "RAR archive"
	case SevenZ:
		return "7-Zip archive"
	case HTML:
		return "HTML page"
	case MHT:
		return "web archive .mht"
	case XML:
		return "XML document"
	case RTF:
		return "RTF document"
	case Image:
		return "image"
	case Binary:
		return "unrecognised binary file"
	}
	return "unknown format"
}

func (k Kind) String() string { return string(k) }

// byExt maps a lower-case extension to the format it promises.
var byExt = map[string]Kind{
	".txt": TXT, ".text": TXT, ".csv": TXT,
	".docx": DOCX, ".docm": DOCX, ".dotx": DOCX,
	".doc": DOC, ".dot": DOC,
	".wps": WPS, ".wpt": WPS,
	".pdf":  PDF,
	".xlsx": XLSX, ".xlsm": XLSX, ".et": XLS, ".xls": XLS,
	".pptx": PPTX, ".ppt": PPT, ".dps": PPT,
	".odt": ODT,
	".zip": ZIP, ".rar": RAR, ".7z": SevenZ,
	".html": HTML, ".htm": HTML, ".shtml": HTML, ".xhtml": HTML, ".mht": MHT, ".mhtml": MHT,
	".xml": XML, ".rtf": RTF,
	".jpg": Image, ".jpeg": Image, ".png": Image, ".gif": Image, ".bmp": Image,
	".tif": Image, ".tiff": Image, ".webp": Image,
}

// ByName returns the format a file's extension promises, Unknown when the
// extension means nothing here.
func ByName(name string) Kind {
	return byExt[strings.ToLower(filepath.Ext(name))]
}

// Detect returns the format of a file named name whose first bytes are
// head (HeadSize bytes are enough; fewer when the file is shorter). The
// content decides; the name breaks ties within a family (a zip is a .docx or
// .xlsx by its members; an OLE2 file is .doc, .xls or .wps) and names the
// format of binary content Detect does not know. A zip whose members head
// does not show is ZIP unless the name says otherwise: DetectBytes looks
// at the members.
//
// An empty file is TXT: an empty document, for the reader to judge.
func Detect(name string, head []byte) Kind {
	ext := ByName(name)
	if len(head) == 0 {
		return TXT
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		k, ooxml := zipByLocalNames(head)
		switch {
		case k != ZIP:
			return k
		case ext.isZip():
			return ext
		case ooxml:
			// An Office package whose part names lie beyond head: most
			// likely Word here. DetectBytes reads the members to be sure.
			return DOCX
		}
		return ZIP
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		switch ext {
		case XLS, PPT, WPS:
			return ext
		}
		return DOC
	case bytes.HasPrefix(head, []byte("Rar!\x1a\x07")):
		return RAR
	case bytes.HasPrefix(head, []byte("7z\xbc\xaf\x27\x1c")):
		return SevenZ
	case isImage(head):
		return Image
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return PDF
	}
	if k := textFormat(head); k != "" {
		return k
	}
	if isText(head) {
		if ext == MHT && mimeHeader(bytes.ToLower(head)) {
			// A web archive whose multipart header lies beyond head
			// (Chrome writes a long Snapshot-Content-Location first).
			return MHT
		}
		return TXT
	}
	switch ext {
	case Unknown, TXT, HTML, MHT, XML, RTF:
		// Text formats whose content is not text are just binary.
		return Binary
	}
	return ext
}

func (k Kind) isZip() bool {
	switch k {
	case DOCX, XLSX, PPTX, ODT, ZIP:
		return true
	}
	return false
}

// zipByLocalNames reads the member names in the local headers that head
// holds. Word writes [Content_Types].xml first and word/ soon after, but not
// always within the first bytes; ooxml tells that the names seen so far
// are those of an Office Open XML package.
func zipByLocalNames(head []byte) (k Kind, ooxml bool) {
	for p := head; len(p) >= 30 && bytes.HasPrefix(p, []byte("PK\x03\x04")); {
		nameLen := int(p[26]) | int(p[27])<<8
		extraLen := int(p[28]) | int(p[29])<<8
		if 30+nameLen > len(p) {
			break
		}
		name := string(p[30 : 30+nameLen])
		if k := zipMember(name, p[30+nameLen:]); k != ZIP {
			return k, true
		}
		ooxml = ooxml || name == "[Content_Types].xml" || name == "_rels/.rels" || strings.HasPrefix(name, "docProps/")
		// The data follows; its size is in the header unless a data
		// descriptor carries it (flag bit 3), and then we stop.
		if p[6]&8 != 0 {
			break
		}
		size := int(p[18]) | int(p[19])<<8 | int(p[20])<<16 | int(p[21])<<24
		next := 30 + nameLen + extraLen + size
		if size < 0 || next > len(p) || next < 0 {
			break
		}
		p = p[next:]
	}
	return ZIP, ooxml
}

// zipMember tells the format a member name reveals; data is what follows
// the name (for the uncompressed OpenDocument mimetype).
func zipMember(name string, data []byte) Kind {
	switch {
	case strings.HasPrefix(name, "word/"):
		return DOCX
	case strings.HasPrefix(name, "xl/"):
		return XLSX
	case strings.HasPrefix(name, "ppt/"):
		return PPTX
	case name == "mimetype" && bytes.Contains(data[:min(len(data), 80)], []byte("application/vnd.oasis.opendocument.text")):
		return ODT
	}
	return ZIP
}

// DetectBytes detects the format of a whole file held in memory: for a
// zip it reads the central directory to tell a .docx from other packages
// (an .xlsx renamed .txt is no Word document). A zip too broken to list
// keeps the kind its first bytes and name give, so that the reader of that
// format can say what is wrong with it.
func DetectBytes(name string, data []byte) Kind {
	k := Detect(name, data[:min(len(data), HeadSize)])
	if !bytes.HasPrefix(data, []byte("PK")) || !k.isZip() {
		return k
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return k
	}
	return zipByMembers(zr)
}

// zipByMembers tells the kind of a zip archive by the main content type its
// [Content_Types].xml declares, the authority for Office packages, else by
// member names.
func zipByMembers(zr *zip.Reader) Kind {
	for _, m := range zr.File {
		switch m.Name {
		case "[Content_Types].xml":
			if ct, err := readMember(m, 64<<10); err == nil {
				switch {
				case bytes.Contains(ct, []byte("wordprocessingml.document.main+xml")),
					bytes.Contains(ct, []byte("wordprocessingml.template.main+xml")),
					bytes.Contains(ct, []byte("ms-word.document.macroEnabled.main+xml")):
					return DOCX
				case bytes.Contains(ct, []byte("spreadsheetml")):
					return XLSX
				case bytes.Contains(ct, []byte("presentationml")):
					return PPTX
				}
			}
		case "mimetype":
			if mt, err := readMember(m, 100); err == nil {
				if k := zipMember(m.Name, mt); k != ZIP {
					return k
				}
			}
		}
	}
	for _, m := range zr.File {
		if k := zipMember(m.Name, nil); k != ZIP {
			return k
		}
	}
	return ZIP
}

func readMember(m *zip.File, limit int64) ([]byte, error) {
	r, err := m.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.Name, err)
	}
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, limit))
}

func isImage(head []byte) bool {
	for _, magic := range []string{"\xff\xd8\xff", "\x89PNG\r\n\x1a\n", "GIF87a", "GIF89a", "II*\x00", "MM\x00*"} {
		if bytes.HasPrefix(head, []byte(magic)) {
			return true
		}
	}
	return len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP"
}

// textFormat recognises the text-based formats by their opening, after a
// byte order mark and white space: RTF, HTML, web archives and XML.
func textFormat(head []byte) Kind {
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return "" // UTF-16: only plain text is looked for there
	}
	s := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(s[:min(len(s), HeadSize)])
	switch {
	case bytes.HasPrefix(s, []byte(`{\rtf`)):
		return RTF
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")), htmlTag(lower):
		return HTML
	case mimeHeader(lower) && bytes.Contains(lower, []byte("mime-version:")) && bytes.Contains(lower, []byte("multipart/related")):
		return MHT
	case bytes.HasPrefix(lower, []byte("<?xml")):
		if bytes.Contains(lower, []byte("<html")) {
			return HTML
		}
		return XML
	}
	return ""
}

// htmlTags open a page that has neither doctype nor <html>, as the
// WHATWG sniffing algorithm lists them (a saved page often starts with a
// "<!-- saved from url=… -->" comment or its <head>).
var htmlTags = []string{"<!--", "<head", "<body", "<meta", "<title", "<script", "<style", "<iframe",
	"<table", "<div", "<font", "<h1", "<p", "<br", "<a", "<b"}

// htmlTag tells whether s starts with one of htmlTags, ended by a space
// or >.
func htmlTag(s []byte) bool {
	for _, t := range htmlTags {
		if bytes.HasPrefix(s, []byte(t)) && len(s) > len(t) && bytes.IndexByte([]byte(" \t\r\n>"), s[len(t)]) >= 0 {
			return true
		}
	}
	return false
}

// mimeHeader tells whether s starts with a MIME header field: web archives
// start with MIME-Version, or with the From, Subject and Date fields
// Internet Explorer writes first.
func mimeHeader(s []byte) bool {
	for _, f := range []string{"mime-version:", "from:", "subject:", "date:", "content-type:", "content-location:", "x-mimeole:"} {
		if bytes.HasPrefix(s, []byte(f)) {
			return true
		}
	}
	return false
}

func isUTF16(head []byte) bool { _, ok := GuessUTF16(head); return ok }

// isText tells whether head decodes as text in one of the encodings the
// txt reader knows, with few control characters. The last character may be
// cut by the end of head.
func isText(head []byte) bool {
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		return true
	case isUTF16(head):
		return true
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			controls++
		}
	}
	if controls*100 > len(head) {
		return false
	}
	body := head
	// A character cut at the end of head is not an error.
	for i := 0; i < 3 && len(body) > 0 && !utf8.Valid(body); i++ {
		body = body[:len(body)-1]
	}
	if utf8.Valid(body) {
		return true
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(head)
	if err != nil {
		return false
	}
	bad := bytes.Count(dec, []byte("\ufffd"))
	return bad <= 1+len(head)/200
}

// GuessUTF16 recognises UTF-16 without a byte order mark in the first
// 4 KiB of data: NULs on one side of most byte pairs (the high bytes of
// ASCII) and almost none on the other; or, in Chinese text with too little
// ASCII for that, code units that are nearly all Chinese characters,
// punctuation or ASCII in one byte order and not in the other. With a BOM,
// nothing needs guessing.
func GuessUTF16(data []byte) (littleEndian, ok bool) {
	if le, ok := guessUTF16ByNULs(data); ok {
		return le, true
	}
	return guessUTF16ByUnits(data)
}

func guessUTF16ByNULs(data []byte) (littleEndian, ok bool) {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*5 >= units && even*20 <= odd:
		return true, true
	case even*5 >= units && odd*20 <= even:
		return false, true
	}
	return false, false
}

// guessUTF16ByUnits recognises UTF-16 of mostly Chinese text. UTF-8 and
// GB18030 bytes taken in pairs seldom make CJK ideographs (their lead
// bytes are 0xA1 and up, above the ideographs' 0x4E-0x9F), and text that
// is valid UTF-8 (ASCII pairs would) is left to the UTF-8 rule.
func guessUTF16ByUnits(data []byte) (littleEndian, ok bool) {
	n := min(len(data), 4096) &^ 1
	if n < 64 {
		return false, false
	}
	head := data[:n]
	for i := 0; i < 3 && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1] // a character cut by the end of head
	}
	if utf8.Valid(head) {
		return false, false
	}
	var le, be int
	for i := 0; i < n; i += 2 {
		if textUnit(uint16(data[i]) | uint16(data[i+1])<<8) {
			le++
		}
		if textUnit(uint16(data[i])<<8 | uint16(data[i+1])) {
			be++
		}
	}
	units := n / 2
	switch {
	case le*10 >= units*9 && be*2 < units:
		return true, true
	case be*10 >= units*9 && le*2 < units:
		return false, true
	}
	return false, false
}

// textUnit tells whether a UTF-16 code unit is one Chinese text is made of.
func textUnit(u uint16) bool {
	switch {
	case u >= 0x4e00 && u <= 0x9fff: // CJK unified ideographs
	case u >= 0x3000 && u <= 0x303f: // CJK punctuation
	case u >= 0xff00 && u <= 0xffef: // full-width forms
	case u >= 0x2000 && u <= 0x206f: // general punctuation: quotes, dashes
	case u >= 0x20 && u < 0x7f, u == '\t', u == '\n', u == '\r':
	default:
		return false
	}
	return true
}
