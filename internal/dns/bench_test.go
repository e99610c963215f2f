package dns_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// BenchmarkRecords measures, for one zone of 200 and of 1,000 records and a
// mock that answers every request after 20 ms, the API requests and wall
// time of an apply that creates them, a plan with no change, and a destroy.
// Terraform runs with its default parallelism (10). Each phase is one step of
// terraform-plugin-testing, so its time includes the harness's own follow-up
// commands (the plan after apply, the refresh before destroy).
//
//	go test ./internal/dns/ -run '^$' -bench BenchmarkRecords -benchtime 1x -timeout 30m
func BenchmarkRecords(b *testing.B) {
	for _, n := range []int{200, 1000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			for range b.N {
				benchRecords(b, n)
			}
		})
	}
}

// benchT lets a benchmark drive terraform-plugin-testing, which asks for a
// testing.T with Parallel.
type benchT struct{ *testing.B }

func (benchT) Parallel() {}

func benchRecords(b *testing.B, n int) {
	env := acctest.New(b, func(o *mockapi.Options) { o.Latency = 20 * time.Millisecond })
	zone := fmt.Sprintf("bench%d.example", n)
	config := env.Config(zoneConfig(zone, manyRecords(n)...))
	var start time.Time
	var zoneID int64 // kept: the zone is gone when destroy is counted
	phase := func(name string) func() {
		return func() {
			if zoneID == 0 {
				zoneID = env.Mock.DNSZoneID(zone)
			}
			reqs := env.Mock.Requests()
			lists := env.Mock.CountRequests("gigahost", "GET", fmt.Sprintf("/dns/zones/%d/records", zoneID))
			elapsed := time.Since(start)
			b.Logf("%d records, %-8s %5d API requests (%d record lists), %v", n, name+":", len(reqs), lists, elapsed.Round(time.Millisecond))
			b.ReportMetric(float64(len(reqs)), name+"-requests")
			b.ReportMetric(elapsed.Seconds(), name+"-s")
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
			if id := env.Mock.DNSZoneID(zone); id != 0 {
				return fmt.Errorf("zone %s still exists", zone)
			}
			return nil
		},
	})
}
