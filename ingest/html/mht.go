package html

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// maxMIMEDepth bounds how deep multipart bodies may nest in a web archive
// (Word writes one level; a hostile file could write thousands).
const maxMIMEDepth = 8

// mhtPage is the HTML page of a web archive (.mht, RFC 2557) and the
// charset its MIME header declares ("" when none).
type mhtPage struct {
	html    []byte
	charset string
}

// readMHT takes the page out of a web archive: the part the multipart's
// start parameter names, else its first text/html part. Quoted-printable
// and base64 bodies are decoded.
func readMHT(data []byte) (mhtPage, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	// Some writers put a line such as "From: <Saved by Windows Internet
	// Explorer 8>" first; textproto reads it as one more header.
	h, err := tp.ReadMIMEHeader()
	if err != nil && !errors.Is(err, io.EOF) {
		return mhtPage{}, fmt.Errorf("web archive header: %w", err)
	}
	body := tp.R
	page, ok, err := mimeHTML(h, body, 0)
	if err != nil {
		return mhtPage{}, err
	}
	if !ok {
		return mhtPage{}, errors.New("web archive holds no text/html part")
	}
	return page, nil
}

// mimeHTML finds the HTML page in the entity with header h and body r.
func mimeHTML(h textproto.MIMEHeader, r io.Reader, depth int) (mhtPage, bool, error) {
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mt = "text/plain"
	}
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		if depth >= maxMIMEDepth {
			return mhtPage{}, false, fmt.Errorf("web archive: multipart nested deeper than %d", maxMIMEDepth)
		}
		boundary := params["boundary"]
		if boundary == "" {
			return mhtPage{}, false, errors.New("web archive: multipart without a boundary")
		}
		start := strings.Trim(params["start"], "<>")
		mr := multipart.NewReader(r, boundary)
		var first mhtPage
		found := false
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				if found {
					break // a truncated archive: keep the page already read
				}
				return mhtPage{}, false, fmt.Errorf("web archive: %w", err)
			}
			page, ok, err := mimeHTML(p.Header, p, depth+1)
			if err != nil {
				return mhtPage{}, false, err
			}
			isStart := start != "" && strings.Trim(p.Header.Get("Content-ID"), "<>") == start
			if ok && (isStart || start == "") {
				return page, true, nil
			}
			if ok && !found {
				first, found = page, true
			}
		}
		return first, found, nil
	case mt == "text/html" || mt == "application/xhtml+xml":
		b, err := io.ReadAll(transferDecoder(h.Get("Content-Transfer-Encoding"), r))
		if err != nil {
			return mhtPage{}, false, fmt.Errorf("web archive: HTML part: %w", err)
		}
		return mhtPage{html: b, charset: params["charset"]}, true, nil
	}
	return mhtPage{}, false, nil
}

// transferDecoder undoes a part's Content-Transfer-Encoding.
func transferDecoder(cte string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &base64Lines{r: r})
	}
	return r
}

// base64Lines drops the line breaks and blanks a base64 body is written
// with, which encoding/base64 skips only as \r and \n.
type base64Lines struct{ r io.Reader }

func (b *base64Lines) Read(p []byte) (int, error) {
	for {
		n, err := b.r.Read(p)
		k := 0
		for _, c := range p[:n] {
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				p[k] = c
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}
