package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govreports/govreports/ingest/model"
	"github.com/govreports/govreports/ingest/sniff"
	"github.com/govreports/govreports/ingest/txt"
)

// stuckReader waits for its context, as a reader waiting on an engine
// does, and says when it was cancelled.
type stuckReader struct{ cancelled chan struct{} }

func (stuckReader) Name() string        { return "stuck" }
func (stuckReader) Version() string     { return "1" }
func (stuckReader) Kinds() []sniff.Kind { return []sniff.Kind{sniff.TXT} }
func (r stuckReader) Read(ctx context.Context, path string, _ []byte) (*model.Document, error) {
	<-ctx.Done()
	close(r.cancelled)
	return nil, ctx.Err()
}

// TestFileTimeoutCancelsTheReader: a file abandoned at FileTimeout has its
// reader's context cancelled, so that the engines it runs are stopped.
func TestFileTimeoutCancelsTheReader(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "slow.txt", "text")
	r := stuckReader{make(chan struct{})}
	p := testProcessor(Config{Readers: NewRegistry(r), FileTimeout: 50 * time.Millisecond})
	_, _, err := p.Process(context.Background(), filepath.Join(dir, "slow.txt"))
	if err == nil || !strings.Contains(err.Error(), "abandoned") {
		t.Errorf("err %v, want the timeout", err)
	}
	select {
	case <-r.cancelled:
	case <-time.After(5 * time.Second):
		t.Error("the reader's context was not cancelled")
	}
}

// TestFileTimeoutCancelsExtraction: a file abandoned while its reports
// are extracted has its extraction's context cancelled too, so that the
// passes stop and its memory is let go.
func TestFileTimeoutCancelsExtraction(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "slow.txt", "一、项目概况\n正文")
	cancelled := make(chan struct{})
	p := newProcessor(Config{Readers: NewRegistry(txt.Reader{}), FileTimeout: 50 * time.Millisecond},
		func(ctx context.Context, _ *model.Document) (*model.Extraction, error) {
			<-ctx.Done()
			close(cancelled)
			return nil, ctx.Err()
		}, "test-1")
	_, _, err := p.Process(context.Background(), filepath.Join(dir, "slow.txt"))
	if err == nil || !strings.Contains(err.Error(), "abandoned") {
		t.Errorf("err %v, want the timeout", err)
	}
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Error("the extraction's context was not cancelled")
	}
}
