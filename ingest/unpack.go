package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/govreports/govreports/ingest/archive"
	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/schema"
)

// sink is where a worker puts what it reads: send hands a result to the
// writer (false once the run stops); spare hands a job, the reading of an
// archive's member, to an idle worker (when none is idle, or spare is nil,
// the member is read where the archive was opened).
type sink struct {
	send  func(result) bool
	spare chan<- func()
}

// unpack reads the members of the archive at path, whose content is data
// and its hash sum, each as a file of its own under the path
// archive.Join(path, name), and sends their results. It returns the
// archive's own result: a document of the archive's format with no
// blocks, whose hash and key tell the next run that the archive is
// unchanged, so that its members are not even inflated again. An archive
// that cannot be opened, or passes the member limits, fails alone and no
// member is read.
func (p *Processor) unpack(ctx context.Context, f File, data []byte, sum string, kind sniff.Kind, u Unpacker, lookup *sql.DB, out *sink) result {
	key := p.key + "; " + p.readers.archiveKey(kind)
	path := f.Path
	e := &schema.Entry{Path: path, Root: f.Root, Rel: f.Rel, SHA256: sum, Key: key, Bytes: int64(len(data)), Format: string(kind)}
	res := result{entry: e, bytes: int64(len(data))}
	lim := p.limits()
	ms, err := u.Members(model.WithLimits(ctx, lim), path, data)
	if err != nil {
		if ctx.Err() != nil {
			return result{cancelled: true}
		}
		e.Status, e.Err = schema.StatusFailed, err
		res.outcome, res.err = Failed, err
		return res
	}
	unchanged := false
	if lookup != nil {
		loaded, pathKnown, status, err := schema.Lookup(ctx, lookup, sum, key, f.Abs())
		unchanged = err == nil && loaded && pathKnown && status == schema.StatusOK
		if err == nil && loaded && !pathKnown && status == schema.StatusOK {
			// Moved with its folder: the archive takes its earlier
			// place, as a file does; its members do the same below.
			e.Replaces = earlierPlaces(ctx, lookup, f, sum, key)
		}
	}
	var jobs sync.WaitGroup
	var stopped atomic.Bool
	for _, m := range ms {
		if ctx.Err() != nil || stopped.Load() {
			break
		}
		// A member of an unchanged archive is unchanged too, unless it
		// failed or was not stored before the last run stopped: it is
		// read again, as a file would be.
		mf := memberFile(f, m)
		status := ""
		if unchanged {
			status = pathStatus(ctx, lookup, mf.Abs())
		}
		if status == schema.StatusOK || status == schema.StatusSkipped {
			r := result{path: m.Path, outcome: Unchanged, bytes: m.Size}
			if status == schema.StatusSkipped {
				r.outcome = Skipped
			}
			if !out.send(r) {
				stopped.Store(true)
			}
			continue
		}
		jobs.Add(1)
		job := func() {
			defer jobs.Done()
			if !out.send(p.member(ctx, mf, m, lim.MaxFileBytes, lookup)) {
				stopped.Store(true)
			}
		}
		select {
		case out.spare <- job:
		default:
			job()
		}
	}
	jobs.Wait()
	if ctx.Err() != nil || stopped.Load() {
		return result{cancelled: true}
	}
	if unchanged {
		return result{path: path, outcome: Unchanged, bytes: int64(len(data))}
	}
	if len(e.Replaces) > 0 {
		e.PathOnly, e.Status = true, schema.StatusOK
		res.outcome = Unchanged
		return res
	}
	e.Status, e.Doc = schema.StatusOK, &model.Document{Path: path, Format: string(kind)}
	res.outcome = Ingested
	return res
}

// member inflates one member of an archive and reads it as a file. An
// archive inside an archive is not opened: bounding nested archives would
// multiply the bounds of each level, and reports are seldom zipped twice.
func (p *Processor) member(ctx context.Context, mf File, m archive.Member, max int64, lookup *sql.DB) result {
	data, err := m.Read(max)
	if err != nil {
		r := failedResult(mf, err)
		r.entry.Key = p.key
		return r
	}
	h := sha256.Sum256(data)
	sum := hex.EncodeToString(h[:])
	kind := sniff.DetectBytes(m.Path, data)
	if p.readers.unpacker(kind) == nil {
		return p.processData(ctx, mf, data, sum, kind, lookup)
	}
	err = fmt.Errorf("%s: skipped: a %s inside an archive is not opened (one level only); unpack the outer archive to read it", m.Path, kind.Describe())
	e := &schema.Entry{Path: mf.Path, Root: mf.Root, Rel: mf.Rel, SHA256: sum, Key: p.key + "; " + p.readers.key(kind), Bytes: int64(len(data)),
		Format: string(kind), Status: schema.StatusSkipped, Err: err}
	return result{entry: e, outcome: Skipped, err: err, bytes: int64(len(data))}
}

// memberFile is the member m of the archive f as a file: its path is the
// archive's joined with the member's name, under the archive's root, so
// that a moved archive's members move with it.
func memberFile(f File, m archive.Member) File {
	mf := File{Path: archive.Join(f.Path, m.Name), Root: f.Root}
	if f.Root != "" {
		mf.Rel = archive.Join(f.Rel, m.Name)
	}
	return mf
}

// pathStatus returns the status of the document recorded at path, or ""
// when none is.
func pathStatus(ctx context.Context, db *sql.DB, path string) string {
	var s sql.NullString
	db.QueryRowContext(ctx, `SELECT d.status FROM v_paths p JOIN v_documents d USING (document_id) WHERE p.path = ?`, path).Scan(&s)
	return s.String
}

// memberOf reads the member name of the archive at file as a run would
// (without the database), for Entry.
func (p *Processor) memberOf(ctx context.Context, file, name string) result {
	path := archive.Join(file, name)
	mf := File{Path: path}
	data, _, err := p.readFile(File{Path: file}, p.limits().MaxFileBytes)
	if err != nil {
		return unreadResult(mf, err)
	}
	kind := sniff.DetectBytes(file, data)
	u := p.readers.unpacker(kind)
	if u == nil {
		return failedResult(mf, fmt.Errorf("%s: no such file, and %s is %s, not an archive", path, file, kind.Describe()))
	}
	lim := p.limits()
	ms, err := u.Members(model.WithLimits(ctx, lim), file, data)
	if err != nil {
		return failedResult(mf, err)
	}
	for _, m := range ms {
		if m.Name == name {
			return p.member(ctx, mf, m, lim.MaxFileBytes, nil)
		}
	}
	return failedResult(mf, fmt.Errorf("%s: %s holds no member %s", path, file, name))
}

// exists tells whether a file or folder is at path.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
