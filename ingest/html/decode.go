package html

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/govreports/govreports/ingest/model"
)

// prescanSize is how far into a page its charset declaration is looked
// for. The HTML standard says 1024 bytes, but saved pages often carry
// long scripts and comments before their <meta>.
const prescanSize = 16 << 10

// decoded is a page's text in UTF-8 and the encoding it was read in.
type decoded struct {
	text     []byte
	encoding string
	warnings []string
}

// decodePage converts a page to UTF-8. A byte order mark decides first;
// then the charset declared by the container (an MHT part's header,
// hint) or by the page itself; then validity: UTF-8 when it decodes, else
// GB18030. GB2312 and GBK are read as GB18030, their superset, since
// pages that declare them often hold characters beyond them. A
// declaration that the bytes contradict is common in saved pages (a
// browser re-encodes the page as UTF-8 and keeps its <meta>): valid UTF-8
// holding non-ASCII text is read as UTF-8 whatever is declared, with a
// warning.
func decodePage(data []byte, hint string) decoded {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return convert(data[3:], model.EncodingUTF8BOM, encoding.Nop)
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return convert(data, model.EncodingUTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM))
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return convert(data, model.EncodingUTF16BE, unicode.UTF16(unicode.BigEndian, unicode.UseBOM))
	}
	label := hint
	if label == "" {
		label = declaredCharset(data[:min(len(data), prescanSize)])
	}
	name, enc := lookup(label)
	utf8OK := utf8.Valid(data)
	var warn string
	switch {
	case label == "":
		name, enc = model.EncodingUTF8, encoding.Nop
		if !utf8OK {
			name, enc = model.EncodingGB18030, simplifiedchinese.GB18030
		}
	case enc == nil:
		warn = fmt.Sprintf("unknown charset %q declared", label)
		name, enc = model.EncodingUTF8, encoding.Nop
		if !utf8OK {
			name, enc = model.EncodingGB18030, simplifiedchinese.GB18030
		}
		warn += "; read as " + name
	case name == model.EncodingUTF8 && !utf8OK:
		name, enc = model.EncodingGB18030, simplifiedchinese.GB18030
		warn = fmt.Sprintf("charset %q declared, but the page is not valid UTF-8; read as gb18030", label)
	case name != model.EncodingUTF8 && utf8OK && hasHighBit(data):
		warn = fmt.Sprintf("charset %q declared, but the page is valid UTF-8; read as utf-8", label)
		name, enc = model.EncodingUTF8, encoding.Nop
	case name == "windows-1252" && !utf8OK && chineseGB(data):
		// iso-8859-1, us-ascii and windows-1252 (one encoding to browsers)
		// are declared by servers and templates that never knew the
		// page was Chinese.
		warn = fmt.Sprintf("charset %q declared, but the page is Chinese in GB18030; read as gb18030", label)
		name, enc = model.EncodingGB18030, simplifiedchinese.GB18030
	}
	d := convert(data, name, enc)
	if warn != "" {
		d.warnings = append([]string{warn}, d.warnings...)
	}
	return d
}

// lookup names the decoder of a charset label, nil when unknown.
func lookup(label string) (string, encoding.Encoding) {
	if label == "" {
		return "", nil
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return "", nil
	}
	name, _ := htmlindex.Name(e)
	switch name {
	case "utf-8":
		return model.EncodingUTF8, encoding.Nop
	case "gbk", "gb18030":
		return model.EncodingGB18030, simplifiedchinese.GB18030
	case "utf-16le":
		return model.EncodingUTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16be":
		return model.EncodingUTF16BE, unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	}
	return name, e
}

// chineseGB tells whether data decodes as GB18030 into mostly Chinese
// text: no more than one undecodable character in 200, and at least
// half of the non-ASCII characters CJK ideographs or punctuation.
func chineseGB(data []byte) bool {
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return false
	}
	var other, cjk, bad int
	for _, r := range string(text) {
		switch {
		case r < utf8.RuneSelf:
		case r == utf8.RuneError:
			bad++
		case r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
			cjk++
		default:
			other++
		}
	}
	return cjk > 0 && bad*200 <= cjk+other && cjk >= other
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// convert decodes data with enc and counts the characters that did not
// decode.
func convert(data []byte, name string, enc encoding.Encoding) decoded {
	d := decoded{encoding: name}
	if enc == encoding.Nop {
		d.text = data
	} else {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			// The decoders of x/text replace what they cannot read; an
			// error here is not expected, but the bytes are still text.
			d.warnings = append(d.warnings, fmt.Sprintf("decoding as %s: %v", name, err))
			out = data
		}
		d.text = out
	}
	if !utf8.Valid(d.text) {
		d.text = bytes.ToValidUTF8(d.text, []byte("\ufffd"))
	}
	if n := bytes.Count(d.text, []byte("\ufffd")) - bytes.Count(data, []byte("\xef\xbf\xbd")); n > 0 {
		d.warnings = append(d.warnings, fmt.Sprintf("%d characters do not decode as %s and were replaced", n, name))
	}
	return d
}

// declaredCharset returns the charset a page's <meta> (or XML
// declaration) names, or "".
func declaredCharset(head []byte) string {
	if bytes.HasPrefix(head, []byte("<?xml")) {
		if end := bytes.Index(head, []byte("?>")); end > 0 {
			if v := attrValue(string(head[:end]), "encoding"); v != "" {
				return v
			}
		}
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var httpEquiv, content string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					if s := strings.TrimSpace(string(v)); s != "" {
						return s
					}
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if httpEquiv == "content-type" {
				if cs := attrValue(content, "charset"); cs != "" {
					return cs
				}
			}
		}
	}
}

// attrValue finds key=value (quoted or not) in s, key in lower case
// matched without regard to ASCII case.
func attrValue(s, key string) string {
	i := indexASCIIFold(s, key)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(s[i+len(key):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			return rest[:j]
		}
		return rest
	}
	end := strings.IndexAny(rest, " \t;\"'>")
	if end < 0 {
		end = len(rest)
	}
	return rest[:end]
}

// indexASCIIFold is strings.Index ignoring the case of ASCII letters; the
// offsets are those of s (strings.ToLower would change the length of
// invalid UTF-8 in it).
func indexASCIIFold(s, lower string) int {
	for i := 0; i+len(lower) <= len(s); i++ {
		match := true
		for j := 0; j < len(lower); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
