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
// includes the harness's own follow-up commands (the plan after apply, the
// refresh before destroy).
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
	phase := func(name string) func() {
		return func() {
			elapsed := time.Since(start)
			kinds := requestKinds(env.Mock.Requests())
			ratio := elapsed.Seconds() / benchFloor.Seconds()
			b.Logf("%d records, %-8s %v = %.3fx the floor (%v); %s", benchRecords, name+":", elapsed.Round(time.Millisecond),
				ratio, benchFloor, kinds)
			b.ReportMetric(elapsed.Seconds(), name+"-s")
			if name != "plan" {
				b.ReportMetric(ratio, name+"-x-floor")
				if ratio > benchTarget {
					ratios = append(ratios, fmt.Sprintf("%s %.3fx", name, ratio))
				}
			}
			if n := env.Mock.Gigahost.DNS.WriteConflicts(); n > 0 {
				b.Logf("%d writes refused because another write to the zone was under way", n)
			}
			env.Mock.ResetRequests()
			start = time.Now()
		}
	}
	begin := func() { env.Mock.ResetRequests(); start = time.Now() }
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
