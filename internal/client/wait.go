package client

import (
	"context"
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
		wait := jitter(delay, s.Jitter)
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			// Another check would start at or after the deadline: wait for
			// the context to end instead of racing its timer with ours.
			<-ctx.Done()
			return ctx.Err()
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		delay = s.next(delay)
	}
}

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
