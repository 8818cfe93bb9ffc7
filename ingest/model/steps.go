package model

import "context"

// StepFunc is told how far a reader is through one long file: done of
// total steps (the pages of a scan read by OCR), so that a user watching a
// run sees it move while one file takes minutes. It may be called from
// several goroutines at once.
type StepFunc func(done, total int)

type stepsKey struct{}

// WithSteps returns ctx carrying f for the readers.
func WithSteps(ctx context.Context, f StepFunc) context.Context {
	return context.WithValue(ctx, stepsKey{}, f)
}

// Steps returns the StepFunc ctx carries, or one that does nothing.
func Steps(ctx context.Context) StepFunc {
	if f, ok := ctx.Value(stepsKey{}).(StepFunc); ok && f != nil {
		return f
	}
	return func(int, int) {}
}
