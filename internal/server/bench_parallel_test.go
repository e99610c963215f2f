package server_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
	"github.com/gigaform/terraform-provider-giga/internal/provider"
)

// The parallel-runs bench of issue 14: many workspaces, one account.
const (
	parallelRuns     = 4
	parallelRecords  = 5
	parallelFaults   = 0.2 // share of requests answered by an injected 429, 500, 502 or dropped connection
	parallelBudget   = 20  // requests per second per API before the mock answers 429 (Retry-After: 1)
	parallelDelay    = 2 * time.Second
	parallelRetries  = 15
	parallelAttempts = "apply, no-change plan, destroy"
)

// BenchmarkParallelRuns runs 4 Terraform working directories at once
// against one mock, each with its own provider process-equivalent (its own
// in-process provider server, as 4 workspaces have), its own zone with 5
// records and one server; 20% of requests fail with an injected fault and
// each API answers 429 past 20 requests per second. Each run applies, plans
// again (must be empty: terraform plan -detailed-exitcode 0) and destroys.
// It checks no duplicate zone, record or server at the mock after apply
// and nothing left after destroy, and reports the requests, the 429s seen
// (injected and over budget) and the wall time.
//
//	go test ./internal/server/ -run '^$' -bench BenchmarkParallelRuns -benchtime 1x -timeout 30m
func BenchmarkParallelRuns(b *testing.B) {
	for range b.N {
		benchParallelOnce(b)
	}
}

func benchParallelOnce(b *testing.B) {
	b.StopTimer()
	mock := mockapi.New(mockapi.Options{Seed: 14, ProvisioningDelay: parallelDelay, RetryAfterSeconds: 1,
		FaultRate: parallelFaults, RequestsPerSecond: parallelBudget})
	mock.Start()
	defer mock.Close()
	// Faults while the runs start (init, provider login) would only test
	// Terraform's own handling; they apply from the first apply on.
	mock.SetFaultRate(0)
	runs := make([]*acctest.Terraform, parallelRuns)
	for i := range runs {
		tf := acctest.NewTerraform(b, provider.Options{})
		defer tf.Close()
		tf.Write("main.tf", parallelConfig(mock, i))
		tf.Run("init", "-input=false", "-backend=false")
		runs[i] = tf
	}
	mock.ResetRequests()
	mock.SetFaultRate(parallelFaults)

	var wg sync.WaitGroup
	errs := make([]string, parallelRuns)
	phase := func(args ...string) {
		for i, tf := range runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if errs[i] != "" {
					return
				}
				out, code := tf.Try(args...)
				if args[0] == "plan" && code == 2 {
					errs[i] = "the plan after apply is not empty:\n" + out
				} else if code != 0 {
					errs[i] = fmt.Sprintf("terraform %v: exit %d\n%s", args, code, out)
				}
			}()
		}
		wg.Wait()
	}
	b.StartTimer()
	start := time.Now()
	phase("apply", "-auto-approve", "-input=false")
	applied := time.Since(start)
	phase("plan", "-detailed-exitcode", "-input=false")
	planned := time.Since(start)
	// The state after apply: one zone per run, its records once, one server each.
	var problems []string
	for i := range parallelRuns {
		zone := fmt.Sprintf("run%d.example", i)
		id := mock.Gigahost.DNS.ZoneID(zone)
		if id == 0 {
			problems = append(problems, "no zone "+zone)
			continue
		}
		seen := map[string]int{}
		for _, r := range mock.Gigahost.DNS.Records(id) {
			if r.Type == "A" {
				seen[r.Name+" "+r.Value]++
			}
		}
		if len(seen) != parallelRecords {
			problems = append(problems, fmt.Sprintf("%s holds %d A records, want %d", zone, len(seen), parallelRecords))
		}
		for k, n := range seen {
			if n > 1 {
				problems = append(problems, fmt.Sprintf("%s holds %s %d times", zone, k, n))
			}
		}
	}
	hosts := map[string]int{}
	for _, s := range mock.Gigahost.Servers.Live() {
		hosts[s.Hostname]++
	}
	for i := range parallelRuns {
		if h := fmt.Sprintf("par-%d.example.no", i); hosts[h] != 1 {
			problems = append(problems, fmt.Sprintf("%d servers %s live, want 1", hosts[h], h))
		}
	}
	phase("destroy", "-auto-approve", "-input=false")
	wall := time.Since(start)
	b.StopTimer()
	for i := range parallelRuns {
		if id := mock.Gigahost.DNS.ZoneID(fmt.Sprintf("run%d.example", i)); id != 0 {
			problems = append(problems, fmt.Sprintf("zone run%d.example left after destroy", i))
		}
	}
	for _, s := range mock.Gigahost.Servers.Live() {
		if strings.HasPrefix(s.Hostname, "par-") {
			problems = append(problems, fmt.Sprintf("server %d (%s) left after destroy", s.ID, s.Hostname))
		}
	}

	reqs := mock.Requests()
	var injected, over, faults int
	for _, r := range reqs {
		switch {
		case r.Fault == mockapi.FaultOverBudget:
			over++
		case r.Fault == mockapi.Fault429:
			injected++
			faults++
		case r.Fault != "":
			faults++
		}
	}
	peak := peakPerSecond(reqs)
	b.Logf("%d runs at once (%s): wall %v (apply %v, plan %v, destroy %v); %d requests, %d injected faults (%d of them 429), %d answered 429 over the budget of %d/s; busiest second %d requests",
		parallelRuns, parallelAttempts, wall.Round(time.Millisecond), applied.Round(time.Millisecond), (planned - applied).Round(time.Millisecond),
		(wall - planned).Round(time.Millisecond), len(reqs), faults, injected, over, parallelBudget, peak)
	b.ReportMetric(wall.Seconds(), "wall-s")
	b.ReportMetric(float64(len(reqs)), "requests")
	b.ReportMetric(float64(injected+over), "429s")
	b.ReportMetric(float64(over), "429s-over-budget")
	b.ReportMetric(float64(faults), "faults-injected")
	for i, e := range errs {
		if e != "" {
			problems = append(problems, fmt.Sprintf("run %d: %s", i, e))
		}
	}
	if len(problems) > 0 {
		b.Fatalf("%d problems:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// peakPerSecond is the most requests answered in one calendar second.
func peakPerSecond(reqs []mockapi.RequestRecord) int {
	per := map[int64]int{}
	peak := 0
	for _, r := range reqs {
		s := r.At.Unix()
		per[s]++
		peak = max(peak, per[s])
	}
	return peak
}

func parallelConfig(mock *mockapi.Server, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `
terraform {
  required_providers {
    gigahost = { source = "gigaform/giga" }
  }
}
provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
  max_retries       = %d
}
data "gigahost_catalog" "vps" {
  name   = "KVM Performance VPS 4GB"
  region = "Sandefjord"
}
resource "gigahost_server" "s" {
  product_id = data.gigahost_catalog.vps.products[0].product_id
  price_id   = data.gigahost_catalog.vps.products[0].price_id
  region_id  = data.gigahost_catalog.vps.regions[0].region_id
  os_id      = 102
  hostname   = "par-%d.example.no"
}
resource "gigahost_dns_zone" "z" {
  name = "run%d.example"
}
`, mock.GigahostURL(), mockapi.GigahostAPIKey, parallelRetries, i, i)
	for r := range parallelRecords {
		fmt.Fprintf(&b, "resource \"gigahost_dns_record\" \"r%d\" {\n  zone_id = gigahost_dns_zone.z.id\n  name = \"host%d\"\n  type = \"A\"\n  value = \"10.%d.0.%d\"\n}\n", r, r, i, r+1)
	}
	return b.String()
}
