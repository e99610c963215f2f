package client

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeCreate answers each call to create with the next error of answers
// (nil once they run out) and each call to find with the next of finds.
type fakeCreate struct {
	answers []error
	finds   []bool
	creates int
	lists   int
	resends []int
}

var errLost = &OutcomeUnknownError{Method: "POST", Path: "/things", Status: 500}

func (f *fakeCreate) run(ctx context.Context, tries CreateTries) (string, bool, error) {
	tries.Again = func(_ context.Context, n int, _ error) { f.resends = append(f.resends, n) }
	return CreateOnce(ctx, tries, func(context.Context) error {
		f.creates++
		if f.creates <= len(f.answers) {
			return f.answers[f.creates-1]
		}
		return nil
	}, func(_ context.Context, attempt int, err error) (string, bool, error) {
		f.lists++
		if attempt != f.creates || !IsOutcomeUnknown(err) {
			return "", false, errors.New("find called with the wrong attempt or error")
		}
		if f.lists <= len(f.finds) && f.finds[f.lists-1] {
			return "thing", true, nil
		}
		return "", false, nil
	})
}

var quick = CreateTries{Attempts: 3, Wait: func(int) time.Duration { return 0 }, NotCreated: "the thing was not created"}

func TestCreateOnceSuccess(t *testing.T) {
	f := &fakeCreate{}
	obj, adopted, err := f.run(context.Background(), quick)
	if err != nil || adopted || obj != "" || f.creates != 1 || f.lists != 0 {
		t.Fatalf("got %q %v %v, %d creates %d lists; want a plain success after one create and no list", obj, adopted, err, f.creates, f.lists)
	}
}

func TestCreateOnceLostThenFound(t *testing.T) {
	f := &fakeCreate{answers: []error{errLost}, finds: []bool{true}}
	obj, adopted, err := f.run(context.Background(), quick)
	if err != nil || !adopted || obj != "thing" || f.creates != 1 || f.lists != 1 || len(f.resends) != 0 {
		t.Fatalf("got %q %v %v, %d creates %d lists; want the thing adopted after one create", obj, adopted, err, f.creates, f.lists)
	}
}

func TestCreateOnceLostNotFoundThenSuccess(t *testing.T) {
	f := &fakeCreate{answers: []error{errLost}, finds: []bool{false}}
	var waits []int
	tries := quick
	tries.Wait = func(n int) time.Duration { waits = append(waits, n); return 0 }
	obj, adopted, err := f.run(context.Background(), tries)
	if err != nil || adopted || obj != "" || f.creates != 2 || f.lists != 1 {
		t.Fatalf("got %q %v %v, %d creates %d lists; want a success at the second create", obj, adopted, err, f.creates, f.lists)
	}
	if len(waits) != 1 || waits[0] != 1 || len(f.resends) != 1 || f.resends[0] != 1 {
		t.Errorf("waits %v, resends %v; want one of each, after attempt 1", waits, f.resends)
	}
}

func TestCreateOnceBudgetExhausted(t *testing.T) {
	f := &fakeCreate{answers: []error{errLost, errLost, errLost, errLost}}
	_, adopted, err := f.run(context.Background(), quick)
	if err == nil || adopted || f.creates != 3 || f.lists != 3 {
		t.Fatalf("got %v %v, %d creates %d lists; want an error after 3 creates", adopted, err, f.creates, f.lists)
	}
	if !IsOutcomeUnknown(err) || !strings.HasSuffix(err.Error(), "; the thing was not created after 3 attempts") {
		t.Errorf("err = %v; want the lost answer, then that nothing was created after 3 attempts", err)
	}
	if len(f.resends) != 2 {
		t.Errorf("resends %v; want 2 (none after the last attempt)", f.resends)
	}
}

func TestCreateOnceOtherErrorAtOnce(t *testing.T) {
	refused := &APIError{Status: 400, Message: "no"}
	f := &fakeCreate{answers: []error{refused}}
	_, adopted, err := f.run(context.Background(), quick)
	if !errors.Is(err, refused) || adopted || f.creates != 1 || f.lists != 0 {
		t.Fatalf("got %v %v, %d creates %d lists; want the 400 at once", adopted, err, f.creates, f.lists)
	}
}

func TestCreateOnceFindErrorReturned(t *testing.T) {
	listFailed := errors.New("list failed")
	_, _, err := CreateOnce(context.Background(), quick,
		func(context.Context) error { return errLost },
		func(context.Context, int, error) (int, bool, error) { return 0, false, listFailed })
	if !errors.Is(err, listFailed) {
		t.Fatalf("err = %v; want find's error as it is", err)
	}
}

func TestCreateOnceCancelledDuringWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fakeCreate{answers: []error{errLost, errLost, errLost}}
	tries := quick
	tries.Wait = func(int) time.Duration { cancel(); return time.Hour }
	_, adopted, err := f.run(ctx, tries)
	if !errors.Is(err, context.Canceled) || adopted || f.creates != 1 {
		t.Fatalf("got %v %v, %d creates; want context.Canceled after one create", adopted, err, f.creates)
	}
}
