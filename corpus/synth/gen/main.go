// Command gen writes a synthetic corpus of reports under DIR/reports and
// its manifest DIR/manifest.jsonl:
//
//	go run ./corpus/synth/gen -n 5000 -seed 1 -o DIR
//	go run ./corpus/synth/gen -shape real -n 200 -seed 1 -o DIR
//
// -shape sample (the default) re-skins the shipped sample into small
// files; -shape real writes files the size of real archives' (see
// synth.RealShape).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/govreports/govreports/corpus/synth"
)

func main() {
	n := flag.Int("n", 1000, "files to write")
	seed := flag.Uint64("seed", 1, "seed of the generator; the same seed writes the same corpus")
	out := flag.String("o", "", "folder to write the corpus to (required)")
	shapeName := flag.String("shape", "sample", "shape of the files: sample or real")
	flag.Parse()
	shape, err := synth.ParseShape(*shapeName)
	if err != nil || *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-shape sample|real] [-n files] [-seed N] -o DIR")
		os.Exit(2)
	}
	m, err := synth.WriteShape(*out, *n, *seed, shape)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d reports, %.1f MB in %s\n", m.Files, m.Reports, float64(m.Bytes)/1e6, m.Root)
}
