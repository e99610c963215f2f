package dns_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// memRecords is the zone of issue 14's memory target: a no-change plan over
// 1,000 records in one zone, the provider under 100 MiB.
const memRecords = 1000

// BenchmarkRecordsMemory applies 1,000 A records in one zone (no latency),
// then measures a no-change plan: the test process's peak resident memory
// (VmHWM, reset before the plan through /proc/self/clear_refs when the
// kernel allows it) and the peak Go heap in use (sampled every 5 ms). The
// provider runs in this process (terraform-plugin-testing serves it in
// process), and so does the mock API: the figures are an upper bound for
// the provider. It writes heap profiles before and after the plan to
// BENCH_PROFILE_DIR (default a temporary folder, named in the output) and
// logs the top allocations of the plan (`go tool pprof -top -diff_base`).
//
//	go test ./internal/dns/ -run '^$' -bench BenchmarkRecordsMemory -benchtime 1x -timeout 30m
func BenchmarkRecordsMemory(b *testing.B) {
	for range b.N {
		benchRecordsMemoryOnce(b)
	}
}

func benchRecordsMemoryOnce(b *testing.B) {
	env := acctest.New(b)
	config := env.Config(zoneConfig("mem.example", manyRecords(memRecords)...))
	dir := os.Getenv("BENCH_PROFILE_DIR")
	if dir == "" {
		dir = b.TempDir()
		if d, err := os.MkdirTemp("", "giga-bench-mem."); err == nil {
			dir = d // kept after the bench, for pprof
		}
	}
	before, after := filepath.Join(dir, "heap-before-plan.pprof"), filepath.Join(dir, "heap-after-plan.pprof")
	var sampler *heapSampler
	resetOK := false
	startPlan := func() {
		runtime.GC()
		writeHeapProfile(b, before)
		resetOK = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
		env.Mock.ResetRequests()
		sampler = sampleHeap()
	}
	endPlan := func() {
		peakHeap := sampler.stop()
		hwm := procStatusKiB("VmHWM")
		rss := procStatusKiB("VmRSS")
		writeHeapProfile(b, after)
		kinds := requestKinds(env.Mock.Requests())
		scope := "since the plan began"
		if !resetOK {
			scope = "over the whole process life (clear_refs refused: the apply's peak counts too)"
		}
		b.Logf("%d records, no-change plan: peak resident %.1f MiB %s, resident now %.1f MiB, peak Go heap in use %.1f MiB; %s",
			memRecords, float64(hwm)/1024, scope, float64(rss)/1024, float64(peakHeap)/(1<<20), kinds)
		b.ReportMetric(float64(hwm)/1024, "peak-RSS-MiB")
		b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MiB")
		b.Logf("heap profiles: %s and %s; the plan's allocations: go tool pprof -top -sample_index=alloc_space -diff_base %s %s", before, after, before, after)
		out, err := exec.Command("go", "tool", "pprof", "-top", "-nodecount=15", "-sample_index=alloc_space", "-diff_base", before, after).CombinedOutput()
		if err != nil {
			b.Logf("go tool pprof: %v", err)
		}
		b.Logf("top allocations of the plan:\n%s", out)
	}
	resource.Test(benchT{b}, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: config},
			{PreConfig: startPlan, Config: config, PlanOnly: true},
			{PreConfig: endPlan, Config: config, PlanOnly: true},
		},
	})
}

func writeHeapProfile(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}

// procStatusKiB reads a "Name: N kB" line of /proc/self/status (0 if absent).
func procStatusKiB(name string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), name+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// heapSampler notes the largest HeapInuse seen.
type heapSampler struct {
	peak atomic.Uint64
	done chan struct{}
	end  chan struct{}
}

func sampleHeap() *heapSampler {
	h := &heapSampler{done: make(chan struct{}), end: make(chan struct{})}
	go func() {
		defer close(h.end)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > h.peak.Load() {
				h.peak.Store(ms.HeapInuse)
			}
			select {
			case <-h.done:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) stop() uint64 {
	close(h.done)
	<-h.end
	return h.peak.Load()
}
