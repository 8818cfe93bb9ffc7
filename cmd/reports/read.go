package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/govreports/govreports/ingest/docx"
	"github.com/govreports/govreports/ingest/txt"
	"github.com/govreports/govreports/schema/model"
)

// readDocument reads a file with the reader its extension names.
// TODO: replace with ingest.ReadFile once it lands on main.
func readDocument(path string) (*model.Document, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return txt.Read(path)
	case ".docx":
		return docx.Read(path)
	}
	return nil, fmt.Errorf("%s: unsupported format", path)
}
