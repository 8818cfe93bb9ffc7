package schema

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// NetworkFS names the network share the database at path would lie on (a
// UNC path \\server\share or a mapped network drive), or returns "" when
// it is local or cannot be told: SQLite's WAL mode, which needs memory
// shared between the processes that open the database, is unsafe there.
func NetworkFS(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	vol := filepath.VolumeName(abs)
	if strings.HasPrefix(vol, `\\`) {
		return "network share " + vol
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "network drive " + vol
	}
	return ""
}
