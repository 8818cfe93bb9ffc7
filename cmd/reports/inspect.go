package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/govreports/govreports/extract"
	"github.com/govreports/govreports/ingest"
	"github.com/govreports/govreports/ingest/model"
)

// inspection is what inspect prints for one file.
type inspection struct {
	File     string         `json:"file"`
	Format   string         `json:"format"`
	Encoding string         `json:"encoding,omitempty"`
	Warnings []string       `json:"warnings,omitempty"`
	Reports  []model.Report `json:"reports"`
}

// runInspect reads one file and prints what extraction finds in it, without
// a database: reports with their fields, section tree, tables and facts.
//
//	reports inspect [--json] FILE
func runInspect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON instead of an outline")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: reports inspect [--json] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"want exactly one FILE"}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	in, err := inspect(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(in)
	}
	return writeInspection(stdout, in)
}

func inspect(ctx context.Context, path string) (*inspection, error) {
	p, err := ingest.New(ingest.Config{NoIndex: true})
	if err != nil {
		return nil, err
	}
	defer p.Close()
	doc, x, err := p.Process(ctx, path)
	if err != nil {
		return nil, err
	}
	return &inspection{File: path, Format: doc.Format, Encoding: doc.Encoding, Warnings: doc.Warnings, Reports: x.Reports}, nil
}

func writeInspection(w io.Writer, in *inspection) error {
	fmt.Fprintf(w, "file: %s (%s", in.File, in.Format)
	if in.Encoding != "" {
		fmt.Fprintf(w, ", %s", in.Encoding)
	}
	fmt.Fprintf(w, ")\n")
	for _, warn := range in.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
	return extract.WriteOutline(w, &model.Extraction{Reports: in.Reports}, extract.OutlineOptions{BodyRunes: 60, Positions: true})
}
