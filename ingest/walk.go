// Package ingest finds the files of an archive, reads each into the
// document model with a pool of workers, hands the documents to extraction
// and the results to one writer.
package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreports/govreports/schema"
)

// File is one regular file found under the roots.
type File struct {
	Path string // as reached from the command line, forward slashes
	// Root is the absolute folder the file was found under (the folder
	// given; a file given by name, its folder) and Rel its path below
	// Root, both with forward slashes: the database stores them, so that
	// the archive moved elsewhere is the same files at the same Rel.
	Root, Rel string
}

// Abs is the file's absolute path, forward slashes.
func (f File) Abs() string {
	if f.Root == "" {
		return f.Path
	}
	return schema.RootedPath(f.Root, f.Rel)
}

// placeOf names the file at p (as reached from the command line) found
// under root; absRoot is root made absolute.
func placeOf(p, root, absRoot string) File {
	f := File{Path: filepath.ToSlash(p)}
	if absRoot == "" {
		return f
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == "." {
		// The root itself: a file given by name.
		f.Root, f.Rel = filepath.ToSlash(filepath.Dir(absRoot)), filepath.Base(absRoot)
		return f
	}
	f.Root, f.Rel = filepath.ToSlash(absRoot), filepath.ToSlash(rel)
	return f
}

// Walk calls fn for every regular file under roots, in a stable order:
// roots as given, and each folder's entries sorted by name. Hidden files
// and folders (a leading dot) are passed over; a symbolic link to a file is
// followed, one to a folder is not (it could make a cycle). An unreadable
// file or folder, and a file that is not regular (a named pipe, a device:
// a *NotRegularError), is reported to onErr and the walk goes on.
func Walk(ctx context.Context, roots []string, fn func(File) error, onErr func(f File, err error)) error {
	for _, root := range roots {
		fi, err := os.Stat(root)
		if err != nil {
			return fmt.Errorf("%s: %w", root, err)
		}
		// Without an absolute path (the working folder is gone) files are
		// stored as reached.
		absRoot, _ := filepath.Abs(root)
		place := func(p string) File { return placeOf(p, root, absRoot) }
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				if onErr != nil {
					onErr(place(root), &NotRegularError{Path: filepath.ToSlash(root), Mode: fi.Mode()})
				}
				continue
			}
			if err := fn(place(root)); err != nil {
				return err
			}
			continue
		}
		// WalkDir does not follow a root that is a link to a folder: walk
		// the folder it names, and report paths under the root as given.
		walkRoot := root
		if resolved, err := filepath.EvalSymlinks(root); err == nil && resolved != filepath.Clean(root) {
			walkRoot = resolved
		}
		err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
			isRoot := path == walkRoot
			if walkRoot != root {
				if rel, rerr := filepath.Rel(walkRoot, path); rerr == nil {
					path = filepath.Join(root, rel)
				}
			}
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				if onErr != nil {
					onErr(place(path), err)
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if !isRoot && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			switch {
			case d.Type().IsRegular():
			case d.Type()&fs.ModeSymlink != 0:
				info, err := os.Stat(path)
				if err != nil {
					if onErr != nil {
						onErr(place(path), err)
					}
					return nil
				}
				if !info.Mode().IsRegular() {
					if !info.IsDir() && onErr != nil {
						onErr(place(path), &NotRegularError{Path: filepath.ToSlash(path), Mode: info.Mode()})
					}
					return nil
				}
			case d.IsDir():
				return nil
			default:
				// A pipe, device or socket is said, not read.
				if onErr != nil {
					onErr(place(path), &NotRegularError{Path: filepath.ToSlash(path), Mode: d.Type()})
				}
				return nil
			}
			return fn(place(path))
		})
		if err != nil {
			return err
		}
	}
	return nil
}
