package dns_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The stand-in API of issue 9's performance targets: every request answered
// after benchLatency, every DNS write holding its zone for benchWrite, and a
// write that overlaps another write to the zone refused with 500 (FIELD-NOTES
// "DNS"), so that writes to one zone go one at a time. The floor is the time
// of the writes alone, one after another.
const (
	benchRecords = 200
	benchLatency = 20 * time.Millisecond
	benchWrite   = 150 * time.Millisecond
	benchFloor   = benchRecords * (benchLatency + benchWrite) // 34 s
	// benchTarget is the most apply and destroy may take, as a share of the floor.
	benchTarget = 1.25
)

// BenchmarkRecords applies 200 A records in one zone, plans with no change,
// and destroys them, against the stand-in API above, with Terraform's
// default parallelism (10). It reports each phase's wall time, its ratio to
// the floor (apply and destroy: target <= 1.25), and its API requests by
// kind. Each phase is one step of terraform-plugin-testing, so its time
// includes Terraform's own work and the harness's follow-up commands (the
// plans after apply, the refresh before destroy): on a loaded machine they
// take seconds (the plan phase alone shows how many). So it also reports
// the window in which the zone was written (the first record write to the
// last, watched from the mock), which is what the provider controls.
//
//	go test ./internal/dns/ -run '^$' -bench BenchmarkRecords -benchtime 1x -timeout 30m
func BenchmarkRecords(b *testing.B) {
	for range b.N {
		benchRecordsOnce(b)
	}
}

// benchT lets a benchmark drive terraform-plugin-testing, which asks for a
// testing.T with Parallel.
type benchT struct{ *testing.B }

func (benchT) Parallel() {}

func benchRecordsOnce(b *testing.B) {
	env := acctest.New(b, func(o *mockapi.Options) { o.Latency = benchLatency })
	env.Mock.Gigahost.DNS.SetWriteConflicts(1, benchWrite)
	zone := "bench.example"
	config := env.Config(zoneConfig(zone, manyRecords(benchRecords)...))
	var start time.Time
	var ratios []string
	var writes *writeWindow
	phase := func(name string) func() {
		return func() {
			elapsed := time.Since(start)
			first, last := writes.stop()
			kinds := requestKinds(env.Mock.Requests())
			ratio := elapsed.Seconds() / benchFloor.Seconds()
			b.Logf("%d records, %-8s %v = %.3fx the floor (%v); %s", benchRecords, name+":", elapsed.Round(time.Millisecond),
				ratio, benchFloor, kinds)
			b.ReportMetric(elapsed.Seconds(), name+"-s")
			if name != "plan" {
				// The watch sees a write when it is answered: the first write
				// began one write's time before it was seen.
				span := last.Sub(first) + benchLatency + benchWrite
				b.Logf("%d records, %-8s record writes from %v to %v after the phase began: %v = %.3fx the floor; Terraform and the harness took the other %v",
					benchRecords, name+":", (first.Sub(start) - benchLatency - benchWrite).Round(time.Millisecond), last.Sub(start).Round(time.Millisecond),
					span.Round(time.Millisecond), span.Seconds()/benchFloor.Seconds(), (elapsed - span).Round(time.Millisecond))
				b.ReportMetric(ratio, name+"-x-floor")
				b.ReportMetric(span.Seconds()/benchFloor.Seconds(), name+"-writes-x-floor")
				if ratio > benchTarget {
					ratios = append(ratios, fmt.Sprintf("%s %.3fx", name, ratio))
				}
			}
			if n := env.Mock.Gigahost.DNS.WriteConflicts(); n > 0 {
				b.Logf("%d writes refused because another write to the zone was under way", n)
			}
			env.Mock.ResetRequests()
			start = time.Now()
			writes = watchWrites(env.Mock)
		}
	}
	begin := func() { env.Mock.ResetRequests(); start = time.Now(); writes = watchWrites(env.Mock) }
	resource.Test(benchT{b}, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{PreConfig: begin, Config: config},
			{PreConfig: phase("apply"), Config: config, PlanOnly: true},
			{PreConfig: phase("plan"), Config: config, PlanOnly: true},
		},
		CheckDestroy: func(*terraform.State) error {
			phase("destroy")()
			if id := env.Mock.Gigahost.DNS.ZoneID(zone); id != 0 {
				return fmt.Errorf("zone %s still exists", zone)
			}
			return nil
		},
	})
	if len(ratios) > 0 {
		b.Logf("over the target of %.2fx the floor: %s", benchTarget, strings.Join(ratios, ", "))
	}
}

// requestKinds counts requests by method and path, ids replaced by {id}:
// "GET /dns/zones/{id}/records 201".
func requestKinds(reqs []mockapi.RequestRecord) string {
	counts := map[string]int{}
	for _, r := range reqs {
		parts := strings.Split(r.Path, "/")
		for i, p := range parts {
			if p != "" && strings.Trim(p, "0123456789abcdef") == "" && len(p) > 0 && i > 2 {
				parts[i] = "{id}"
			}
		}
		counts[r.Method+" "+strings.Join(parts, "/")]++
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return fmt.Sprintf("%d requests: %s", len(reqs), strings.Join(out, ", "))
}

// writeWindow watches the mock's requests and notes when the first record
// write was seen and when the last one was: the span the zone was written.
type writeWindow struct {
	done        chan struct{}
	stopped     chan struct{}
	first, last time.Time
}

// watchWrites samples the mock's record writes every 5 ms.
func watchWrites(m *mockapi.Server) *writeWindow {
	w := &writeWindow{done: make(chan struct{}), stopped: make(chan struct{})}
	go func() {
		defer close(w.stopped)
		seen := 0
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-w.done:
				return
			case now := <-tick.C:
				n := 0
				for _, r := range m.Requests() {
					if r.Method != "GET" && strings.Contains(r.Path, "/records") {
						n++
					}
				}
				if n > seen {
					if seen == 0 {
						w.first = now
					}
					seen, w.last = n, now
				}
			}
		}
	}()
	return w
}

// stop ends the watch and returns the window.
func (w *writeWindow) stop() (first, last time.Time) {
	close(w.done)
	<-w.stopped
	return w.first, w.last
}
