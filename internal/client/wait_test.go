package client

import (
	"context"
	"errors"
	"testing"
	"time"
)

var tinyPoll = PollSettings{Initial: time.Millisecond, Max: 2 * time.Millisecond, Factor: 2}

func TestPollReturnsWhenDone(t *testing.T) {
	t.Parallel()
	calls := 0
	err := Poll(context.Background(), tinyPoll, func(context.Context) (bool, error) {
		calls++
		return calls == 3, nil
	})
	if err != nil || calls != 3 {
		t.Errorf("Poll = %v after %d calls, want nil after 3", err, calls)
	}
}

func TestPollDoneAtOnceDoesNotWait(t *testing.T) {
	t.Parallel()
	start := time.Now()
	err := Poll(context.Background(), PollSettings{Initial: time.Hour}, func(context.Context) (bool, error) { return true, nil })
	if err != nil || time.Since(start) > time.Second {
		t.Errorf("Poll = %v after %s, want nil at once", err, time.Since(start))
	}
}

func TestPollReturnsCheckError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	calls := 0
	err := Poll(context.Background(), tinyPoll, func(context.Context) (bool, error) {
		calls++
		if calls == 2 {
			return false, boom
		}
		return false, nil
	})
	if !errors.Is(err, boom) || calls != 2 {
		t.Errorf("Poll = %v after %d calls, want boom after 2", err, calls)
	}
	// An error wins over done.
	if err := Poll(context.Background(), tinyPoll, func(context.Context) (bool, error) { return true, boom }); !errors.Is(err, boom) {
		t.Errorf("Poll = %v, want boom", err)
	}
}

func TestPollStopsOnCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	err := Poll(ctx, PollSettings{Initial: time.Hour}, func(context.Context) (bool, error) {
		calls++
		if calls == 1 {
			// Cancelled while Poll is about to sleep an hour.
			time.AfterFunc(10*time.Millisecond, cancel)
		}
		return false, nil
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Poll = %v after %d calls, want context.Canceled after 1", err, calls)
	}
}

func TestPollCancelledBeforeStartStillChecksOnce(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := 0
	err := Poll(ctx, tinyPoll, func(context.Context) (bool, error) { calls++; return false, nil })
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("Poll = %v after %d calls, want context.Canceled after 1", err, calls)
	}
}

func TestPollNeverSleepsPastDeadline(t *testing.T) {
	t.Parallel()
	for range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		calls := 0
		start := time.Now()
		// An hour's wait: a Poll that slept past the deadline would hang
		// the test, so the check below holds however loaded the machine is.
		err := Poll(ctx, PollSettings{Initial: time.Hour, Max: 10 * time.Hour, Factor: 1.3, Jitter: 0.1}, func(context.Context) (bool, error) {
			calls++
			return false, nil
		})
		elapsed := time.Since(start)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Poll = %v, want context.DeadlineExceeded", err)
		}
		// The hour's wait crosses the deadline: Poll waits for the deadline and
		// returns, without a second check racing the context's end.
		if calls != 1 {
			t.Fatalf("check called %d times, want 1", calls)
		}
		if elapsed > time.Minute {
			t.Fatalf("Poll returned after %s: it slept past the 150ms deadline", elapsed)
		}
	}
}

func TestPollBackoffSequence(t *testing.T) {
	t.Parallel()
	s := PollSettings{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Factor: 2}.normalized()
	want := []time.Duration{10, 20, 40, 50, 50, 50}
	d := s.Initial
	for i, w := range want {
		if d != w*time.Millisecond {
			t.Fatalf("wait %d = %s, want %s", i, d, w*time.Millisecond)
		}
		d = s.next(d)
	}
	// Without Max the growth goes on; with a Factor below 1 it stays flat.
	if got := (PollSettings{Initial: time.Second, Factor: 3}).next(time.Minute); got != 3*time.Minute {
		t.Errorf("uncapped next = %s, want 3m", got)
	}
	flat := PollSettings{Initial: time.Second, Factor: 0.5}.normalized()
	if got := flat.next(time.Second); got != time.Second {
		t.Errorf("Factor 0.5 next = %s, want a constant 1s", got)
	}
	if got := (PollSettings{}).normalized(); got != DefaultPoll {
		t.Errorf("zero settings normalize to %+v, want DefaultPoll", got)
	}
	if DefaultPoll.Initial != time.Second || DefaultPoll.Max != 10*time.Second || DefaultPoll.Factor <= 1 {
		t.Errorf("DefaultPoll = %+v, want 1s growing to 10s", DefaultPoll)
	}
}

func TestPollJitterBounds(t *testing.T) {
	t.Parallel()
	if got := jitter(time.Second, 0); got != time.Second {
		t.Errorf("jitter without a fraction = %s", got)
	}
	lo, hi := time.Hour, time.Duration(0)
	for range 500 {
		got := jitter(time.Second, 0.1)
		if got < 900*time.Millisecond || got > 1100*time.Millisecond {
			t.Fatalf("jitter(1s, 0.1) = %s, want within ±10%%", got)
		}
		lo, hi = min(lo, got), max(hi, got)
	}
	if hi-lo < 50*time.Millisecond {
		t.Errorf("500 jittered waits spread over only %s", hi-lo)
	}
}

func TestPollWaitsAtLeastTheBackoff(t *testing.T) {
	t.Parallel()
	// Timers never fire early, so the time between checks is a lower bound
	// that holds on any machine: 2+4+8+8 ms before the fifth check.
	var stamps []time.Time
	err := Poll(context.Background(), PollSettings{Initial: 2 * time.Millisecond, Max: 8 * time.Millisecond, Factor: 2}, func(context.Context) (bool, error) {
		stamps = append(stamps, time.Now())
		return len(stamps) == 5, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, min := range []time.Duration{2, 4, 8, 8} {
		if gap := stamps[i+1].Sub(stamps[i]); gap < min*time.Millisecond {
			t.Errorf("gap %d = %s, want at least %s", i, gap, min*time.Millisecond)
		}
	}
}

// Interval is Poll's schedule as a function of the time waited: each of
// Poll's waits (no jitter) is Interval of the sum of the waits before it.
func TestIntervalMatchesPollSchedule(t *testing.T) {
	t.Parallel()
	s := PollSettings{Initial: time.Second, Max: 10 * time.Second, Factor: 1.2}
	delay, elapsed := s.Initial, time.Duration(0)
	for range 30 {
		if got := s.Interval(elapsed); (got - delay).Abs() > time.Microsecond {
			t.Fatalf("Interval(%s) = %s, want %s", elapsed, got, delay)
		}
		elapsed += delay
		delay = s.next(delay)
	}
	if got := s.Interval(1 << 62); got != s.Max {
		t.Errorf("Interval of a long wait = %s, want Max", got)
	}
	if got := (PollSettings{Initial: time.Second, Factor: 2}).Interval(1 << 62); got <= 0 {
		t.Errorf("Interval without Max overflowed: %s", got)
	}
}

// WaitUntil returns at t, on wake, or when ctx ends, and never sleeps past
// ctx's deadline.
func TestWaitUntil(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if reached, err := WaitUntil(ctx, time.Now().Add(time.Millisecond), nil); !reached || err != nil {
		t.Errorf("until soon: %v %v", reached, err)
	}
	wake := make(chan struct{})
	close(wake)
	if reached, err := WaitUntil(ctx, time.Now().Add(time.Hour), wake); reached || err != nil {
		t.Errorf("woken: %v %v", reached, err)
	}
	// A time past the deadline: back at the deadline, with its error.
	dctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if reached, err := WaitUntil(dctx, time.Now().Add(time.Hour), nil); reached || !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 10*time.Second {
		t.Errorf("past the deadline: %v %v after %s", reached, err, time.Since(start))
	}
	// A zero time waits for wake or ctx only.
	cctx, cancel2 := context.WithCancel(ctx)
	cancel2()
	if reached, err := WaitUntil(cctx, time.Time{}, nil); reached || !errors.Is(err, context.Canceled) {
		t.Errorf("zero time, cancelled: %v %v", reached, err)
	}
}
