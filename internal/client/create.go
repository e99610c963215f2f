package client

import (
	"context"
	"fmt"
	"time"
)

// CreateTries bounds CreateOnce.
type CreateTries struct {
	// Attempts is how many times the create may be sent in all; below 1
	// counts as 1.
	Attempts int
	// Wait is the wait before sending again after attempt n (n >= 1); nil
	// sends again at once.
	Wait func(n int) time.Duration
	// NotCreated ends the error returned when every attempt was found to
	// have created nothing: "<create error>; <NotCreated> after <n> attempts",
	// as in "the record was not created".
	NotCreated string
	// Again, when set, is called before the create is sent again after
	// attempt n, whose lost answer was err (for logging).
	Again func(ctx context.Context, n int, err error)
}

// CreateOnce sends a create whose answer may be lost without sending it
// twice blindly. create sends the request (a Request with Creates set). An
// error for which IsOutcomeUnknown is false is returned at once; a lost
// answer calls find, which lists what exists now: found means this create
// took effect and its object is returned with adopted true; not found means
// the API did not act and the create is sent again, at most tries.Attempts
// times in all. find receives the attempt and the create's error, so that its
// own errors (a failed list, an ambiguous match) and log lines can name them;
// its errors are returned as they are.
//
// When create succeeds, CreateOnce returns the zero T and adopted false: the
// caller holds the answer. A ctx that ends during a wait returns ctx.Err().
func CreateOnce[T any](ctx context.Context, tries CreateTries, create func(context.Context) error,
	find func(ctx context.Context, attempt int, err error) (T, bool, error)) (obj T, adopted bool, err error) {
	var zero T
	for attempt := 1; ; attempt++ {
		err := create(ctx)
		if err == nil {
			return zero, false, nil
		}
		if !IsOutcomeUnknown(err) {
			return zero, false, err
		}
		obj, found, ferr := find(ctx, attempt, err)
		if ferr != nil {
			return zero, false, ferr
		}
		if found {
			return obj, true, nil
		}
		if attempt >= tries.Attempts {
			return zero, false, fmt.Errorf("%w; %s after %d attempts", err, tries.NotCreated, attempt)
		}
		if tries.Again != nil {
			tries.Again(ctx, attempt, err)
		}
		if tries.Wait != nil {
			if err := sleepCtx(ctx, tries.Wait(attempt)); err != nil {
				return zero, false, err
			}
		}
	}
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
