//go:build !linux && !windows

package schema

// NetworkFS names the network filesystem the database at path would lie
// on; on this system it cannot be told, and it returns "".
func NetworkFS(path string) string { return "" }
