package ingest

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreports/govreports/ingest/archive"
	"github.com/govreports/govreports/schema"
)

// scopes are the roots of a run as absolute paths with forward slashes:
// the only places where stored files may be found gone and pruned.
type scopes []string

func pruneScopes(roots []string) scopes {
	s := make(scopes, len(roots))
	for i, r := range roots {
		if abs, err := filepath.Abs(r); err == nil {
			s[i] = filepath.ToSlash(abs)
		}
	}
	return s
}

// under says whether the path p (absolute, forward slashes) is dir or
// lies below it.
func under(p, dir string) bool {
	return dir != "" && (p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/"))
}

// of returns the index of the first scope p lies under, or -1.
func (s scopes) of(p string) int {
	for i, dir := range s {
		if under(p, dir) {
			return i
		}
	}
	return -1
}

// pathSet is a set of absolute paths with forward slashes. The walker
// fills it; the writer reads it once the walk is over.
type pathSet map[string]bool

// covers says whether p lies under one of the set's paths.
func (ps pathSet) covers(p string) bool {
	for dir := range ps {
		if under(p, dir) {
			return true
		}
	}
	return false
}

// isGone says whether nothing is at the path p any more. Any other
// answer (it is there, it cannot be told: a folder that cannot be read)
// keeps it. An archive's member is gone with its archive; a member
// dropped from an archive still on disk is kept (telling would mean
// opening the archive).
func isGone(p string) bool {
	if file, _, ok := archive.Split(p); ok {
		p = file
	}
	_, err := os.Lstat(filepath.FromSlash(p))
	return errors.Is(err, fs.ErrNotExist)
}

// samePlace says whether the paths a and b name one file.
func samePlace(a, b string) bool {
	fa, err := os.Stat(filepath.FromSlash(a))
	if err != nil {
		return false
	}
	fb, err := os.Stat(filepath.FromSlash(b))
	return err == nil && os.SameFile(fa, fb)
}

// earlierPlaces returns the stored paths of the content (sha, key) that
// are the file f's earlier place, which its path replaces: the same Rel
// under another root whose file is gone (the archive moved or renamed)
// or is f reached another way, or a path stored before roots were (schema
// 11 and before) that names f.
func earlierPlaces(ctx context.Context, db *sql.DB, f File, sha, key string) []string {
	if f.Root == "" {
		return nil
	}
	places, err := schema.Places(ctx, db, sha, key, f.Rel)
	if err != nil {
		return nil // treated as a copy: nothing is lost
	}
	abs := f.Abs()
	var out []string
	for _, pl := range places {
		switch {
		case pl.Root == "":
			// Stored as reached then: from this working folder, or
			// absolute.
			was, err := filepath.Abs(filepath.FromSlash(pl.Path))
			if pl.Path == f.Path || err == nil && filepath.ToSlash(was) == abs {
				out = append(out, pl.Path)
			}
		case pl.Path != abs && (isGone(pl.Path) || samePlace(pl.Path, abs)):
			// Gone: moved here. The same file: the folder reached
			// another way (a link, another case of its name on Windows).
			out = append(out, pl.Path)
		}
	}
	return out
}

// gone finds the stored files under the run's roots that are gone from
// disk, and prunes them when the processor is told to, or counts them.
// A root whose walk met a folder it could not read keeps what lies under
// that folder; a root under which the walk found no file at all keeps
// everything (an unmounted share looks like an empty folder), and is
// named in sum.NotPruned.
func (p *Processor) gone(ctx context.Context, w *schema.Writer, db *sql.DB, sc scopes, failedDirs pathSet, foundIn []bool, sum *Summary) error {
	// What this run moved is committed, so that its earlier places are
	// not counted.
	if err := w.Flush(); err != nil {
		return err
	}
	refused := make([]bool, len(sc))
	var gone []string
	err := schema.EachStoredPath(ctx, db, func(path string) {
		if !filepath.IsAbs(filepath.FromSlash(path)) {
			return
		}
		i := sc.of(path)
		if i < 0 || failedDirs.covers(path) || !isGone(path) {
			return
		}
		if !foundIn[i] {
			refused[i] = true
			return
		}
		gone = append(gone, path)
	})
	if err != nil {
		return err
	}
	for i, r := range refused {
		if r {
			sum.NotPruned = append(sum.NotPruned, sc[i])
		}
	}
	if !p.cfg.Prune {
		sum.Gone = len(gone)
		return nil
	}
	sum.GonePruned, err = w.RemovePaths(ctx, gone)
	return err
}
