package extract

import (
	"strings"

	"github.com/govreports/govreports/extract/grammar"
	"github.com/govreports/govreports/ingest/model"
)

// ocrLines is how many lines must show OCR's spacing (项 目 名 称) before a
// document is taken for OCR output: a title spaced for looks is one.
const ocrLines = 3

// mendOCR undoes in place the misreadings of OCR in a document read from
// a scan (grammar.OCRDigits, grammar.OCRSpacing), before any pass reads
// it, so that every extractor and the stored text see the mended text.
// A document not read by OCR, nor showing its spacing, is left as it is.
func mendOCR(doc *model.Document) {
	if doc.Props["ocr"] == "" && !showsOCRSpacing(doc) {
		return
	}
	mend := func(s string) string { return grammar.OCRSpacing(grammar.OCRDigits(s)) }
	for i := range doc.Body {
		if b := &doc.Body[i]; b.Kind == model.KindParagraph {
			b.Para.Text = mend(b.Para.Text)
		}
	}
	for i := range doc.Tables {
		t := &doc.Tables[i]
		for j := range t.Cells {
			c := &t.Cells[j]
			c.Text = mend(c.Text)
			for k := range c.Paras {
				c.Paras[k].Text = mend(c.Paras[k].Text)
			}
		}
	}
}

// showsOCRSpacing reports whether ocrLines lines of doc's paragraphs or
// cells show OCR's spacing.
func showsOCRSpacing(doc *model.Document) bool {
	n := 0
	count := func(s string) bool {
		if !strings.Contains(s, " ") {
			return false
		}
		for _, l := range strings.Split(s, "\n") {
			if grammar.OCRSpaced(l) {
				if n++; n >= ocrLines {
					return true
				}
			}
		}
		return false
	}
	for _, b := range doc.Body {
		if b.Kind == model.KindParagraph && count(b.Para.Text) {
			return true
		}
	}
	for _, t := range doc.Tables {
		for _, c := range t.Cells {
			if count(c.Text) {
				return true
			}
		}
	}
	return false
}
