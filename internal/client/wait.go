package client

import (
	"context"
	"math"
	"math/rand/v2"
	"time"
)

// PollSettings shape the backoff of a waiter: the first wait is Initial, each
// next one Factor times longer up to Max, each varied by ±Jitter.
type PollSettings struct {
	Initial time.Duration
	Max     time.Duration
	Factor  float64
	Jitter  float64
}

// DefaultPoll starts near one second and caps near ten. The factor is gentle so
// that a job of a few seconds is noticed soon after it ends, not up to twice
// its length later: with 1.2 a job is noticed at most about 20% of its length
// late (a 5 s deploy at 5.4 s, after five checks, as many as 1.3 needs to
// notice it at 6.2 s).
var DefaultPoll = PollSettings{Initial: time.Second, Max: 10 * time.Second, Factor: 1.2, Jitter: 0.1}

// Poll calls check until it reports done, returns an error, or ctx ends. It
// waits between calls with backoff and never sleeps past ctx's deadline: when
// the next wait would cross it, it sleeps until the deadline and returns.
func Poll(ctx context.Context, s PollSettings, check func(ctx context.Context) (done bool, err error)) error {
	s = s.normalized()
	delay := s.Initial
	for {
		done, err := check(ctx)
		if err != nil || done {
			return err
		}
		if _, err := WaitUntil(ctx, time.Now().Add(jitter(delay, s.Jitter)), nil); err != nil {
			return err
		}
		delay = s.next(delay)
	}
}

// WaitUntil waits until t (a zero t: no time), until wake is closed (a nil
// wake never is), or until ctx ends, and reports whether t was reached. Like
// Poll it never sleeps past ctx's deadline: when t is at or after the
// deadline, it waits for wake or for ctx to end instead of racing ctx's
// timer with its own. It returns ctx's error once ctx has ended.
func WaitUntil(ctx context.Context, t time.Time, wake <-chan struct{}) (reached bool, err error) {
	var tick <-chan time.Time
	if dl, ok := ctx.Deadline(); !t.IsZero() && (!ok || t.Before(dl)) {
		timer := time.NewTimer(time.Until(t))
		defer timer.Stop()
		tick = timer.C
	}
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-wake:
		return false, ctx.Err()
	case <-tick:
		return true, ctx.Err()
	}
}

// Interval is the wait, before jitter, after a job has been watched for
// elapsed with these settings: Initial + (Factor-1) x elapsed, capped at Max.
// It is Poll's schedule as a function of time (each of Poll's waits is
// Initial plus Factor-1 times the waits before it), for waiters that share
// one schedule among several jobs.
func (s PollSettings) Interval(elapsed time.Duration) time.Duration {
	s = s.normalized()
	d := float64(s.Initial) + (s.Factor-1)*float64(max(elapsed, 0))
	switch {
	case s.Max > 0 && d > float64(s.Max):
		return s.Max
	case d >= math.MaxInt64:
		return math.MaxInt64
	}
	return time.Duration(d)
}

// Jittered varies d by the settings' ±Jitter.
func (s PollSettings) Jittered(d time.Duration) time.Duration { return jitter(d, s.Jitter) }

// normalized fills in the defaults: DefaultPoll without an Initial wait, and
// a constant wait for a Factor below 1.
func (s PollSettings) normalized() PollSettings {
	if s.Initial <= 0 {
		s = DefaultPoll
	}
	if s.Factor < 1 {
		s.Factor = 1
	}
	return s
}

// next is the wait that follows delay, before jitter: Factor times longer,
// capped at Max when Max is set.
func (s PollSettings) next(delay time.Duration) time.Duration {
	delay = time.Duration(float64(delay) * s.Factor)
	if s.Max > 0 && delay > s.Max {
		delay = s.Max
	}
	return delay
}

func jitter(d time.Duration, frac float64) time.Duration {
	if frac <= 0 {
		return d
	}
	f := 1 + frac*(2*rand.Float64()-1) //nolint:gosec // jitter needs no cryptographic randomness
	return time.Duration(float64(d) * f)
}
