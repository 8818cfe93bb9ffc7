package schema

import (
	"path/filepath"
	"syscall"
)

// Magic numbers of statfs(2) for the network filesystems on which SQLite's
// WAL mode, which needs memory shared between the processes that open the
// database, is unsafe.
var networkMagic = map[int64]string{
	0x6969:     "NFS",
	0x517b:     "SMB",
	0xff534d42: "CIFS",
	0xfe534d42: "SMB2",
	0x5346414f: "AFS",
	0x01021997: "9P",
}

// NetworkFS names the network filesystem the database at path would lie
// on, or returns "" when it is local or cannot be told.
func NetworkFS(path string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err != nil {
		return ""
	}
	return networkMagic[int64(st.Type)]
}
