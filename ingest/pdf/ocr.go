package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
)

// tesseractEnv keeps each tesseract to one thread: pages run in parallel
// already, and OpenMP threads on top of that only contend.
var tesseractEnv = []string{"OMP_THREAD_LIMIT=1"}

// ocr reads one image file with tesseract and returns its pages (a TIFF
// may hold several), numbered from first.
func (r *Reader) ocr(ctx context.Context, image string, first int) ([]page, error) {
	select {
	case r.slots <- struct{}{}:
		defer func() { <-r.slots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	out, err := run(ctx, r.cfg.Timeout, r.cfg.MaxOutput, tesseractEnv, r.cfg.Tesseract, image, "stdout", "-l", "chi_sim", "--psm", "3", "tsv")
	if err != nil {
		return nil, err
	}
	return parseTSV(out, first), nil
}

// ocrPages renders the pages of file at the indexes scans and reads them
// by OCR, a few at once, into pages (scaled to the PDF's units).
func (r *Reader) ocrPages(ctx context.Context, path, dir, file string, pages []page, scans []int, doc *model.Document) error {
	if len(scans) > r.cfg.MaxOCRPages {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("only the first %d of %d pages without a text layer read by OCR", r.cfg.MaxOCRPages, len(scans)))
		scans = scans[:r.cfg.MaxOCRPages]
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(scans))
	work := make(chan int)
	var wg sync.WaitGroup
	// A long scan takes minutes: say how far it is, page by page.
	step, done := model.Steps(ctx), atomic.Int32{}
	for range min(r.cfg.OCRWorkers, len(scans)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range work {
				if errs[k] = r.ocrPage(ctx, dir, file, &pages[scans[k]]); errs[k] != nil {
					cancel()
					continue
				}
				step(int(done.Add(1)), len(scans))
			}
		}()
	}
	for k := range scans {
		if ctx.Err() != nil {
			break
		}
		work <- k
	}
	close(work)
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			return fmt.Errorf("%s: page %d: %w", path, scans[k]+1, err)
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	ocrWarning(doc, pages)
	return nil
}

// ocrPage renders page p of file and reads it by OCR into p.
func (r *Reader) ocrPage(ctx context.Context, dir, file string, p *page) error {
	n := strconv.Itoa(p.no)
	prefix := filepath.Join(dir, "p"+n)
	// -scale-to bounds the image of a page of any declared size.
	long := r.cfg.DPI * 12
	if _, err := run(ctx, r.cfg.Timeout, 1<<20, nil, r.cfg.Pdftoppm, "-f", n, "-l", n, "-r", strconv.Itoa(r.cfg.DPI), "-scale-to", strconv.Itoa(long), "-png", "-singlefile", file, prefix); err != nil {
		return err
	}
	image := prefix + ".png"
	defer os.Remove(image)
	got, err := r.ocr(ctx, image, p.no)
	if err != nil {
		return err
	}
	p.ocr = true
	p.words = nil
	if len(got) == 0 || got[0].width <= 0 {
		return nil
	}
	scale := 1.0
	if p.width > 0 {
		scale = p.width / got[0].width
	}
	for _, w := range got[0].words {
		w.x0, w.y0, w.x1, w.y1 = w.x0*scale, w.y0*scale, w.x1*scale, w.y1*scale
		p.words = append(p.words, w)
	}
	if p.height <= 0 {
		p.height = got[0].height * scale
	}
	return nil
}

// ocrWarning says how many pages were read by OCR and how sure it was.
func ocrWarning(doc *model.Document, pages []page) {
	n, words := 0, 0
	var conf float64
	for _, p := range pages {
		if !p.ocr {
			continue
		}
		n++
		for _, w := range p.words {
			conf += w.conf
			words++
		}
	}
	if n == 0 {
		return
	}
	count := fmt.Sprintf("%d pages", n)
	if n == 1 {
		count = "1 page"
	}
	what := fmt.Sprintf("%s, mean confidence %.0f", count, conf/float64(max(words, 1)))
	doc.Warnings = append(doc.Warnings, "read by OCR: "+what)
	if doc.Props == nil {
		doc.Props = map[string]string{}
	}
	doc.Props["ocr"] = what
}

func (r *Reader) readImage(ctx context.Context, path string, data []byte) (*model.Document, error) {
	if e := r.engines; e.tesseract == "" || !e.chiSim {
		return nil, &MissingEngineError{Path: path, Kind: sniff.Image, What: "scanned pages", Engine: "tesseract with chi_sim", Package: tesseractPkg}
	}
	if err := checkSize(data); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	_, file, cleanup, err := temp(data, "in"+filepath.Ext(path))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer cleanup()
	pages, err := r.ocr(ctx, file, 1)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: not a readable image: %w", path, err)
	}
	doc := &model.Document{Path: path, Format: model.FormatImage}
	ocrWarning(doc, pages)
	layout(doc, pages)
	return doc, nil
}

// maxPixels bounds the images read by OCR: an A4 page scanned at 600 dpi
// has 35 million pixels, an A3 page 70 million; a small file that declares
// more would exhaust memory, since tesseract holds the image at 4 bytes a
// pixel beside its grey and binary copies (72 Mi pixels: about 400 MB).
const maxPixels = 72 << 20

// checkSize refuses an image that declares more than maxPixels, where Go
// can read its header (PNG, JPEG, GIF); tesseract judges the others.
func checkSize(data []byte) error {
	c, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	if px := int64(c.Width) * int64(c.Height); px > maxPixels {
		return fmt.Errorf("image of %d×%d pixels is too large to read by OCR", c.Width, c.Height)
	}
	return nil
}
