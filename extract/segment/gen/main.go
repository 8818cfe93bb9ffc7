// Command gen writes zh_s.dict, gse's simplified-Chinese dictionary as
// gse itself reads it (words folded, duplicates and words under the least
// frequency dropped, one-character words at frequency 2), sorted by word,
// so that package segment can look words up in it without loading it:
//
//	go generate ./extract/segment
//
// The first line records the number of words, the sum of their frequencies
// (gse's TotalFreq, which every word's weight depends on) and gse's version.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/go-ego/gse"
)

func main() {
	out := flag.String("o", "zh_s.dict", "output `file`")
	flag.Parse()

	var seg gse.Segmenter
	seg.NotLoadHMM = true
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		log.Fatal(err)
	}
	d := seg.Dict
	total := d.TotalFreq()
	// Package segment adds frequencies in another order than gse; that
	// gives the same sum only when every one is a whole number.
	if total >= 1<<53 {
		log.Fatalf("total frequency %g is too large to add exactly", total)
	}
	type line struct{ word, text string }
	lines := make([]line, 0, len(d.Tokens))
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if f := t.Freq(); f != math.Trunc(f) {
			log.Fatalf("%q: frequency %g is not a whole number", t.Text(), f)
		}
		if strings.ContainsAny(t.Text(), " \n") || strings.ContainsAny(t.Pos(), " \n") {
			log.Fatalf("%q: space in word or part of speech", t.Text())
		}
		lines = append(lines, line{t.Text(), t.Text() + " " + strconv.FormatFloat(t.Freq(), 'f', -1, 64) + " " + t.Pos() + "\n"})
	}
	slices.SortFunc(lines, func(a, b line) int { return strings.Compare(a.word, b.word) })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# zh_s %d %s gse %s\n", len(lines), strconv.FormatFloat(total, 'f', -1, 64), gse.Version)
	for _, l := range lines {
		b.WriteString(l.text)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
