// Package synth generates a synthetic corpus of performance-evaluation
// reports from the shipped sample: the sample's three report bodies with
// other project names, units, amounts, evaluators, dates and years, their
// paragraphs shuffled and repeated, one to four reports a file, written as
// .txt (UTF-8, GB18030 or UTF-16LE) or .docx (numbered or typed headings,
// real tables). The corpus is deterministic in its seed, and every file's
// expected facts go to manifest.jsonl beside it.
//
// Files are generated and written one at a time, so a corpus of any size
// takes the memory of one file.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/govreports/govreports/corpus"
)

// ManifestName is the manifest's file name in the corpus folder.
const ManifestName = "manifest.jsonl"

// ReportsDir is the folder under the corpus folder that holds the report
// files, apart from the manifest, so that it can be ingested as it is.
const ReportsDir = "reports"

// Manifest sums up a generated corpus; the facts of each file are in
// Dir/manifest.jsonl, one File a line, and the files under Root.
type Manifest struct {
	Dir     string // the corpus folder
	Root    string // Dir/reports: the folder to ingest
	Files   int
	Reports int
	Bytes   int64
}

// File is what one generated file holds.
type File struct {
	Path      string   `json:"path"`                // slash-separated, relative to Root
	Format    string   `json:"format"`              // "txt" or "docx"
	Encoding  string   `json:"encoding,omitempty"`  // .txt: "utf-8", "gb18030" or "utf-16le"
	Numbering bool     `json:"numbering,omitempty"` // .docx: headings numbered by numbering.xml
	Bytes     int64    `json:"bytes"`
	Reports   []Report `json:"reports"`
}

// Report is what one generated report states.
type Report struct {
	ProjectName string   `json:"project_name"`
	Unit        string   `json:"implementing_unit"`
	Year        int      `json:"year"`
	BudgetYuan  int64    `json:"budget_yuan"` // sum of the funds rows
	ActualYuan  int64    `json:"actual_yuan"`
	Rate        float64  `json:"execution_rate"` // percent, two decimals
	Evaluators  []string `json:"evaluators"`
	Score       string   `json:"score,omitempty"` // real shape: the total score the conclusion states
	Grade       string   `json:"grade,omitempty"`
}

// Write generates n sample-shaped files under dir/reports (created if need
// be) from seed, and their manifest dir/manifest.jsonl. File i depends only
// on seed and i.
func Write(dir string, n int, seed uint64) (Manifest, error) {
	return WriteShape(dir, n, seed, SampleShape)
}

// WriteShape is Write for files of shape.
func WriteShape(dir string, n int, seed uint64, shape Shape) (Manifest, error) {
	bodies, err := loadBodies(corpus.SamplePath())
	if err != nil {
		return Manifest{}, fmt.Errorf("synth: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Manifest{}, err
	}
	mf, err := os.Create(filepath.Join(dir, ManifestName))
	if err != nil {
		return Manifest{}, err
	}
	defer mf.Close()
	mw := bufio.NewWriter(mf)
	enc := json.NewEncoder(mw)
	enc.SetEscapeHTML(false)

	m := Manifest{Dir: dir, Root: filepath.Join(dir, ReportsDir)}
	for i := range n {
		f, data, err := generate(bodies, i, seed, shape)
		if err != nil {
			return m, fmt.Errorf("synth: file %d: %w", i, err)
		}
		p := filepath.Join(m.Root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return m, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return m, err
		}
		if err := enc.Encode(f); err != nil {
			return m, err
		}
		m.Files++
		m.Reports += len(f.Reports)
		m.Bytes += f.Bytes
	}
	if err := mw.Flush(); err != nil {
		return m, err
	}
	return m, mf.Close()
}

// generate makes file i of the corpus of seed.
func generate(bodies []body, i int, seed uint64, shape Shape) (File, []byte, error) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	year := 2016 + r.IntN(8)
	reports := make([]report, 1+r.IntN(4))
	used := map[string]bool{}
	size := 0
	if shape == RealShape {
		size = fileTextSize(r)
	}
	for k := range reports {
		withCover := k == 0 && r.IntN(2) == 0 || r.IntN(5) == 0
		if shape == RealShape {
			reports[k] = realReport(r, bodies, year, withCover, used, size/len(reports))
		} else {
			reports[k] = newReport(r, bodies, year, withCover, used)
		}
	}
	f := File{}
	for _, rep := range reports {
		f.Reports = append(f.Reports, rep.facts)
	}
	// A thousand files a folder, as archives split them.
	base := fmt.Sprintf("%04d/%d-%06d", i/1000, year, i)
	var data []byte
	var err error
	if r.IntN(2) == 0 {
		f.Format, f.Numbering = "docx", r.IntN(3) != 0
		f.Path = base + ".docx"
		data, err = renderDOCX(r, reports, docxOptions{numbering: f.Numbering})
	} else {
		f.Format, f.Path = "txt", base+".txt"
		var e encoding.Encoding
		eol := "\n"
		switch r.IntN(4) {
		case 0:
			f.Encoding, e, eol = "gb18030", simplifiedchinese.GB18030, "\r\n"
		case 1:
			f.Encoding, e, eol = "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "\r\n"
		default:
			f.Encoding = "utf-8"
		}
		data = renderTXT(r, reports, eol)
		if e != nil {
			data, err = e.NewEncoder().Bytes(data)
		}
	}
	if err != nil {
		return f, nil, err
	}
	f.Bytes = int64(len(data))
	return f, data, nil
}

// ReadManifest calls fn with every file of the manifest of the corpus in
// dir, in the order they were written.
func ReadManifest(dir string, fn func(File) error) error {
	fh, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		return err
	}
	defer fh.Close()
	dec := json.NewDecoder(bufio.NewReader(fh))
	for line := 1; ; line++ {
		var f File
		if err := dec.Decode(&f); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: record %d: %w", fh.Name(), line, err)
		}
		if err := fn(f); err != nil {
			return err
		}
	}
}
