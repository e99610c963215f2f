package vm_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
	"github.com/gigaform/terraform-provider-giga/internal/provider"
)

// benchDelay is how long the mock takes to build a VM: the floor of one
// apply, since Terraform creates the VMs of a configuration in parallel.
const benchDelay = 3 * time.Second

// BenchmarkVMApply times real `terraform apply` and `destroy` runs of 1 and
// 10 VMs against the mock (3 s build, 20 ms latency on every request), with
// the provider's production polling. It reports wall time, time over the
// floor, and API requests and transaction polls per VM.
//
//	go test ./internal/vm -run '^$' -bench BenchmarkVMApply -benchtime 1x
func BenchmarkVMApply(b *testing.B) {
	for _, n := range []int{1, 10} {
		b.Run(fmt.Sprintf("vms=%d", n), func(b *testing.B) {
			var apply, destroy, requests, polls float64
			for range b.N {
				r := benchVMs(b, n)
				apply += r.apply.Seconds()
				destroy += r.destroy.Seconds()
				requests += float64(r.requests) / float64(n)
				polls += float64(r.polls) / float64(n)
			}
			runs := float64(b.N)
			b.ReportMetric(apply/runs, "s/apply")
			b.ReportMetric(apply/runs-benchDelay.Seconds(), "s_over_floor")
			b.ReportMetric(destroy/runs, "s/destroy")
			b.ReportMetric(requests/runs, "requests/vm")
			b.ReportMetric(polls/runs, "txn_polls/vm")
		})
	}
}

type vmBenchResult struct {
	apply, destroy  time.Duration
	requests, polls int
}

func benchVMs(b *testing.B, n int) vmBenchResult {
	b.StopTimer()
	defer b.StartTimer()
	mock := mockapi.New(mockapi.Options{Seed: 3, ProvisioningDelay: benchDelay, Latency: 20 * time.Millisecond})
	mock.Start()
	defer mock.Close()
	tf := acctest.NewTerraform(b, provider.Options{})
	defer tf.Close()
	tf.Write("main.tf", fmt.Sprintf(`
terraform {
  required_providers {
    gigas = { source = "gigaform/giga" }
  }
}
provider "gigas" {
  gigas_endpoint = %q
  gigas_api_key  = %q
}
resource "gigas_virtual_machine" "bench" {
  count             = %d
  label             = "bench-${count.index}"
  hostname          = "bench-${count.index}"
  memory            = 1024
  cpus              = 1
  primary_disk_size = 10
  location_id       = "226661012"
  template_id       = "2266610116"
}
`, mock.GigasURL(), mockapi.GigasAPIKey, n))
	tf.Run("init", "-input=false", "-backend=false")
	mock.ResetRequests()

	var r vmBenchResult
	b.StartTimer()
	start := time.Now()
	tf.Run("apply", "-auto-approve", "-input=false")
	r.apply = time.Since(start)
	b.StopTimer()
	r.requests = len(mock.Requests())
	r.polls = mock.CountRequests("gigas", http.MethodGet, fmt.Sprintf("/account/%d/transaction/", mockapi.GigasAccountID))
	if got := len(mock.Gigas.VMs()); got != n {
		b.Fatalf("%d VMs after apply, want %d", got, n)
	}
	start = time.Now()
	tf.Run("destroy", "-auto-approve", "-input=false")
	r.destroy = time.Since(start)
	if got := len(mock.Gigas.VMs()); got != 0 {
		b.Fatalf("%d VMs left after destroy", got)
	}
	return r
}
