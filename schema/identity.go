package schema

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ApplicationID marks a database as this program's: PRAGMA
// application_id, 'GVRP', stored at offset 68 of the file's header. It is
// set when a database is made, and on the first write to one of ours made
// before it was.
const ApplicationID = 0x47565250

// sqliteMagic begins every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// fileHeader is what the first 100 bytes of a database file say, read
// without SQLite, so that a file that is not ours is refused before SQLite
// opens it (and, in WAL mode, makes -wal and -shm files beside it).
type fileHeader struct {
	empty bool   // a missing or 0-byte file: a new database
	appID uint32 // PRAGMA application_id
	wal   bool   // the file is in WAL mode (read and write versions 2)
}

// readHeader reads the header of the database file at path. A file that
// is not an SQLite database is an error saying so.
func readHeader(path string) (fileHeader, error) {
	// Stat before opening: opening a named pipe would wait for a writer.
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileHeader{empty: true}, nil
	case err != nil:
		return fileHeader{}, fmt.Errorf("cannot be read (%w)", pathless(err))
	case fi.IsDir():
		return fileHeader{}, errors.New("is a directory, not a database")
	case !fi.Mode().IsRegular():
		return fileHeader{}, errors.New("is not a regular file: refusing to use it as a database")
	case fi.Size() == 0:
		return fileHeader{empty: true}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fileHeader{}, fmt.Errorf("cannot be read (%w)", pathless(err))
	}
	defer f.Close()
	var b [100]byte
	if _, err := io.ReadFull(f, b[:]); err != nil || string(b[:len(sqliteMagic)]) != sqliteMagic {
		return fileHeader{}, errors.New("is not an SQLite database (it does not begin with SQLite's header): refusing to touch it")
	}
	return fileHeader{
		appID: binary.BigEndian.Uint32(b[68:72]),
		wal:   b[18] == 2 && b[19] == 2,
	}, nil
}

// pathless strips the file name from err: the caller names the file.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// foreignErr is the reason a database of another application is refused.
func foreignErr(appID uint32) error {
	return fmt.Errorf("another application's SQLite database (application_id %#08x; this program's is %#08x): refusing to change it", appID, ApplicationID)
}

// foreign says whether appID names another application.
func foreign(appID uint32) bool { return appID != 0 && appID != ApplicationID }
