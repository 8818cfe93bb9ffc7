package txt

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// decoded is a file's text in UTF-8, split into lines (LF, CRLF and CR
// end one; NULs are dropped), and what was lost on the way.
type decoded struct {
	lines    []string  // without terminators; a cut line stands as "" here
	cuts     []cutLine // the lines longer than the line limit, in order
	encoding string
	warnings []string

	binaryAt   int   // offset where the text turns binary; -1 when it does not
	bad, badAt int   // undecodable bytes, offset of the first
	total      int   // all bytes
	err        error // the text limit passed, or the context's error
}

// cutLine is a line longer than the line limit, in pieces of at most the
// limit cut at character boundaries: it is never held whole.
type cutLine struct {
	at     int // index in decoded.lines
	pieces []string
}

// bounds are what decoding may yield: lines of at most maxLine bytes
// (longer ones are cut) and maxText bytes of text in all.
type bounds struct {
	maxLine int
	maxText int64
}

// decode detects the encoding of data and converts it a character at a
// time into lines, so that the text is held once, in lines of bounded
// size, and decoding stops once it yields more than b.maxText bytes (with
// a *model.LimitError naming path) or ctx is done. A byte order mark
// decides first; then UTF-16 without a mark (many NULs on one side of
// each byte pair); then validity: UTF-8 when it decodes, else GB18030,
// the usual encoding of old Chinese Windows files (GBK and GB2312 are
// subsets).
func decode(ctx context.Context, path string, data []byte, b bounds) decoded {
	s := sink{ctx: ctx, path: path, bounds: b}
	// Room for the lines at once rather than by doubling (bounded: a
	// binary file may hold many LF bytes).
	s.lines = make([]string, 0, min(bytes.Count(data, []byte{'\n'})+1, 1<<20))
	// And room for the chunk the lines gather in (see keep), as much as
	// the text may take in UTF-8 (half as much again as GB18030 or
	// UTF-16), up to a chunk.
	s.chunk = make([]byte, 0, min(len(data)+len(data)/2, chunkSize))
	var enc string
	switch {
	case hasPrefix(data, "\xef\xbb\xbf"):
		enc = model.EncodingUTF8BOM
		decodeUTF8(&s, data, 3)
	case hasPrefix(data, "\xff\xfe"):
		enc = model.EncodingUTF16LE
		decodeUTF16(&s, data, 2, false)
	case hasPrefix(data, "\xfe\xff"):
		enc = model.EncodingUTF16BE
		decodeUTF16(&s, data, 2, true)
	default:
		if le, ok := sniff.GuessUTF16(data); ok {
			enc = model.EncodingUTF16LE
			if !le {
				enc = model.EncodingUTF16BE
			}
			decodeUTF16(&s, data, 0, !le)
			break
		}
		enc = model.EncodingUTF8
		if utf8.Valid(data) {
			decodeUTF8(&s, data, 0)
		} else if likelyUTF8(encodingSample(data)) {
			decodeUTF8(&s, data, 0)
		} else {
			enc = model.EncodingGB18030
			decodeGB18030(&s, data)
		}
	}
	s.endText()
	d := decoded{lines: s.lines, cuts: s.cuts, encoding: enc, warnings: s.warnings(enc), binaryAt: -1, bad: s.bad, badAt: s.badAt, total: len(data), err: s.err}
	if s.binary {
		d.binaryAt = s.binaryAt
	}
	return d
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// sink collects decoded runes into lines, turning CRLF and CR into LF and
// dropping NULs, and counts what it could not keep. Once stop is set
// (binary found, a limit passed, ctx done) nothing more matters and the
// decoders return.
type sink struct {
	ctx    context.Context
	path   string
	bounds bounds

	line   []byte    // the line being decoded
	pieces []string  // what was cut off the front of line
	lines  []string  // the lines done
	chunk  []byte    // lines done, not yet in lines: see keep
	ends   []int     // where each line of chunk ends
	nlines int       // lines ended
	cuts   []cutLine // lines that were cut
	text   int64     // bytes of text yielded
	prevCR bool
	stop   bool
	err    error
	tally  bool // only count: do not stop where the text turns binary

	bad, badAt int // undecodable bytes, offset of the first
	nul, nulAt int // NULs removed, offset of the first

	// Bytes that are no text (undecodable, NUL, control characters) are
	// counted in windows of binaryWindow bytes: text has next to none, so
	// a window with binaryJunk of them is where the file turns binary.
	win, winJunk, winFirst int
	binary                 bool
	binaryAt               int
}

const (
	binaryWindow = 1024
	binaryJunk   = 64
)

// checkEvery is how many lines pass between looks at the context.
const checkEvery = 4096

func (s *sink) junk(off int) {
	if w := off / binaryWindow; w != s.win || s.winJunk == 0 {
		s.win, s.winJunk, s.winFirst = w, 0, off
	}
	s.winJunk++
	if s.winJunk == binaryJunk && !s.binary {
		s.binary, s.binaryAt = true, s.winFirst
		// The rest of the file cannot make it text again.
		s.stop = !s.tally
	}
}

// write appends p, text without line ends, to the line being decoded,
// cutting the line when it grows past the line limit.
func (s *sink) write(p []byte) {
	if s.text += int64(len(p)); s.text > s.bounds.maxText {
		s.fail(&model.LimitError{Path: s.path, What: "bytes of text", Limit: s.bounds.maxText, Flag: "max-text-bytes"})
		return
	}
	for len(s.line)+len(p) > s.bounds.maxLine {
		n := s.bounds.maxLine - len(s.line)
		for n > 0 && n < len(p) && !utf8.RuneStart(p[n]) {
			n--
		}
		if n == 0 && len(s.line) == 0 {
			n = len(p) // a limit smaller than one character
		}
		s.line = append(s.line, p[:n]...)
		s.pieces = append(s.pieces, string(s.line))
		s.line = s.line[:0]
		p = p[n:]
		if err := s.ctx.Err(); err != nil {
			s.fail(err)
			return
		}
	}
	s.line = append(s.line, p...)
}

func (s *sink) fail(err error) {
	if s.err == nil {
		s.err = err
	}
	s.stop = true
}

// endLine ends the line being decoded.
func (s *sink) endLine() {
	s.nlines++
	if len(s.pieces) > 0 {
		if len(s.line) > 0 {
			s.pieces = append(s.pieces, string(s.line))
		}
		for i, p := range s.pieces {
			s.pieces[i] = noBookmarks(p)
		}
		s.flushChunk()
		s.cuts = append(s.cuts, cutLine{at: len(s.lines), pieces: s.pieces})
		s.lines = append(s.lines, "")
		s.pieces = nil
	} else {
		s.keep(s.line)
	}
	s.line = s.line[:0]
	if s.nlines%checkEvery == 0 {
		if err := s.ctx.Err(); err != nil {
			s.fail(err)
		}
	}
}

// chunkSize is the size of the strings lines are kept in: a string per
// line would be an allocation (and its overhead) per line.
const chunkSize = 64 << 10

// keep keeps a line that was not cut: in the chunk of lines under way,
// or, a long one, in a string of its own.
func (s *sink) keep(line []byte) {
	if len(line) > chunkSize/4 {
		s.flushChunk()
		s.lines = append(s.lines, noBookmarks(string(line)))
		return
	}
	if len(s.chunk)+len(line) > chunkSize {
		s.flushChunk()
	}
	s.chunk = append(s.chunk, line...)
	s.ends = append(s.ends, len(s.chunk))
}

// flushChunk makes the chunk under way one string, and its lines
// substrings of it.
func (s *sink) flushChunk() {
	if len(s.ends) == 0 {
		return
	}
	text, start := string(s.chunk), 0
	for _, end := range s.ends {
		s.lines = append(s.lines, noBookmarks(text[start:end]))
		start = end
	}
	s.chunk, s.ends = s.chunk[:0], s.ends[:0]
}

// endText ends the last line, when it has no line end (text ending in a
// line end has no empty line after it), and keeps the lines under way.
func (s *sink) endText() {
	if len(s.line) > 0 || len(s.pieces) > 0 {
		s.endLine()
	}
	s.flushChunk()
}

func (s *sink) rune(r rune, off int) {
	if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b {
		s.junk(off)
	}
	switch r {
	case 0:
		if s.nul == 0 {
			s.nulAt = off
		}
		s.nul++
		return
	case '\r':
		s.endLine()
		s.prevCR = true
		return
	case '\n':
		if s.prevCR {
			s.prevCR = false
			return
		}
		s.endLine()
		return
	}
	s.prevCR = false
	var buf [utf8.UTFMax]byte
	s.write(buf[:utf8.EncodeRune(buf[:], r)])
}

// invalid records n undecodable bytes at off and stands U+FFFD in for them.
func (s *sink) invalid(n, off int) {
	if s.bad == 0 {
		s.badAt = off
	}
	s.bad += n
	s.junk(off)
	s.prevCR = false
	s.write([]byte(string(utf8.RuneError)))
}

func (s *sink) warnings(enc string) []string {
	var w []string
	if s.bad > 0 {
		w = append(w, fmt.Sprintf("%s undecodable as %s, first at byte %d", plural(s.bad, "byte"), encodingName(enc), s.badAt))
	}
	if s.nul > 0 {
		w = append(w, fmt.Sprintf("%s removed, first at byte %d", plural(s.nul, "NUL character"), s.nulAt))
	}
	return w
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func encodingName(enc string) string {
	switch enc {
	case model.EncodingUTF8, model.EncodingUTF8BOM:
		return "UTF-8"
	case model.EncodingUTF16LE:
		return "UTF-16LE"
	case model.EncodingUTF16BE:
		return "UTF-16BE"
	}
	return "GB18030"
}

func decodeUTF8(s *sink, data []byte, start int) {
	if rest := data[start:]; bytes.IndexByte(rest, '\r') < 0 && bytes.IndexByte(rest, 0) < 0 && utf8.Valid(rest) {
		// The common case: nothing to change but the splitting.
		for len(rest) > 0 && !s.stop {
			i := bytes.IndexByte(rest, '\n')
			if i < 0 {
				s.write(rest)
				return
			}
			s.write(rest[:i])
			if !s.stop {
				s.endLine()
			}
			rest = rest[i+1:]
		}
		return
	}
	for i := start; i < len(data) && !s.stop; {
		c := data[i]
		if c < utf8.RuneSelf {
			s.rune(rune(c), i)
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			s.invalid(1, i)
		} else {
			s.rune(r, i)
		}
		i += n
	}
}

// decodeUTF16 uses unicode/utf16 rather than x/text so that unpaired
// surrogates and an odd trailing byte can be counted and located.
func decodeUTF16(s *sink, data []byte, start int, bigEndian bool) {
	unit := func(i int) rune {
		if bigEndian {
			return rune(data[i])<<8 | rune(data[i+1])
		}
		return rune(data[i+1])<<8 | rune(data[i])
	}
	i := start
	for ; i+1 < len(data) && !s.stop; i += 2 {
		u := unit(i)
		switch {
		case !utf16.IsSurrogate(u):
			s.rune(u, i)
		case u < 0xdc00 && i+3 < len(data):
			if r := utf16.DecodeRune(u, unit(i+2)); r != utf8.RuneError {
				s.rune(r, i)
				i += 2
				continue
			}
			s.invalid(2, i)
		default:
			s.invalid(2, i)
		}
	}
	if i < len(data) && !s.stop {
		s.invalid(1, i)
	}
}

// gb18030FFFD is U+FFFD encoded in GB18030: the one sequence that decodes to
// the replacement character legitimately.
const gb18030FFFD = "\x84\x31\xa4\x37"

// decodeGB18030 decodes one character at a time so that each undecodable
// byte is counted at its offset; x/text alone would replace it silently.
func decodeGB18030(s *sink, data []byte) {
	dec := simplifiedchinese.GB18030.NewDecoder()
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(data) && !s.stop; {
		c := data[i]
		if c < utf8.RuneSelf {
			s.rune(rune(c), i)
			i++
			continue
		}
		n := gbCharLen(data[i:])
		nDst, _, _ := dec.Transform(buf[:], data[i:i+n], true)
		r, _ := utf8.DecodeRune(buf[:nDst])
		if nDst == 0 || r == utf8.RuneError && string(data[i:i+n]) != gb18030FFFD {
			if n == 4 {
				// A four-byte shape outside the code space: only the
				// first byte is lost, as x/text would have it.
				n = 1
			}
			s.invalid(n, i)
		} else {
			s.rune(r, i)
		}
		i += n
	}
}

// gbCharLen is the length of the GB18030 character that starts b (first
// byte 0x80 or above) judged by the shape of its bytes: 2 or 4, or 1 for
// 0x80 (the euro sign in CP936) and for a byte that cannot start a
// character here.
func gbCharLen(b []byte) int {
	if b[0] == 0x80 || b[0] == 0xff || len(b) < 2 {
		return 1
	}
	switch c1 := b[1]; {
	case 0x40 <= c1 && c1 <= 0x7e, 0x80 <= c1 && c1 <= 0xfe:
		return 2
	case 0x30 <= c1 && c1 <= 0x39:
		if len(b) >= 4 && 0x81 <= b[2] && b[2] <= 0xfe && 0x30 <= b[3] && b[3] <= 0x39 {
			return 4
		}
	}
	return 1
}

// likelyUTF8 tells whether data, which is not valid UTF-8, is still UTF-8
// but for a few damaged bytes. GBK text fails UTF-8 on most of its Chinese
// characters, not on a few. Otherwise the encoding with fewer undecodable
// bytes wins, GB18030 on a tie.
func likelyUTF8(data []byte) bool {
	var multi, bad int
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			multi++
		}
		i += n
	}
	if bad*20 <= multi {
		return true
	}
	gb := sink{ctx: context.Background(), tally: true, bounds: bounds{maxLine: len(data) + utf8.UTFMax, maxText: math.MaxInt64}}
	decodeGB18030(&gb, data)
	return bad < gb.bad
}

// encodingSample is the part of data that decides between UTF-8 and
// GB18030: 4 KiB from the first byte that is not ASCII. The start decides
// rather than the whole, so that a text whose body turns binary is judged
// by its text, and fails at the offset where the binary begins.
func encodingSample(data []byte) []byte {
	i := 0
	for i < len(data) && data[i] < utf8.RuneSelf {
		i++
	}
	data = data[i:]
	if len(data) <= 4096 {
		return data
	}
	end := 4096
	for end > 4093 && !utf8.RuneStart(data[end]) {
		end-- // a character cut by the end is no error
	}
	return data[:end]
}
