package ingest

import (
	"path"
	"strings"
)

// formatOf names a file's format from its extension, for files that were
// not (or not yet) sniffed: "docx", "txt", "pdf" …, or "unknown".
func formatOf(p string) string {
	ext := strings.TrimPrefix(strings.ToLower(path.Ext(p)), ".")
	if ext == "" {
		return "unknown"
	}
	return ext
}
