package dns_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
	"github.com/gigaform/terraform-provider-giga/internal/provider"
	"github.com/gigaform/terraform-provider-giga/internal/serve"
)

// memRecords is the zone of issue 14's memory target: a no-change plan over
// 1,000 records in one zone, the provider under 100 MiB.
const memRecords = 1000

// memTargetMiB is the target for the provider's peak resident memory.
const memTargetMiB = 100

// BenchmarkRecordsMemory measures the provider's memory in a no-change plan
// over 1,000 A records in one zone as a user would see it: the provider
// binary built from this module (production settings, its default logging)
// runs in a process of its own, which Terraform attaches to (its -debug
// mode, TF_REATTACH_PROVIDERS); the mock API runs in this test process and
// Terraform in its own, so neither counts. (Until issue 14 the bench read
// this test process, which holds the mock and terraform-plugin-testing too.)
//
//  1. A provider process serves the apply of the zone (its peak is logged).
//  2. A fresh provider process serves `terraform plan -detailed-exitcode`
//     (refresh included), which must find no change. Its peak resident
//     memory (VmHWM of /proc/<pid>/status, read before it stops) is the
//     figure of issue 14, target < 100 MiB; its peak Go heap is the largest
//     heap a collection saw (GODEBUG=gctrace=1 on its stderr, which is kept
//     as provider-plan.stderr).
//  3. For the profile, the same plan against the provider served in this
//     process as main.go serves it (package serve; the mock is in process
//     too): heap profiles before and after the plan, and its top
//     allocations (`go tool pprof -top -diff_base`).
//
// Files go to BENCH_PROFILE_DIR (default a temporary folder kept after the
// bench, named in the output). ru_maxrss is not used: Go starts a child
// with vfork, and the kernel carries this (large) process's peak into the
// child's at exec.
//
//	go test ./internal/dns/ -run '^$' -bench BenchmarkRecordsMemory -benchtime 1x -timeout 30m
func BenchmarkRecordsMemory(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc")
	}
	for range b.N {
		benchRecordsMemoryOnce(b)
	}
}

func benchRecordsMemoryOnce(b *testing.B) {
	dir := os.Getenv("BENCH_PROFILE_DIR")
	if dir == "" {
		dir = b.TempDir()
		if d, err := os.MkdirTemp("", "giga-bench-mem."); err == nil {
			dir = d // kept after the bench, for pprof
		}
	}
	env := acctest.New(b)
	cfg := memConfig(env.Mock)
	bin := buildProvider(b)
	work := newCLIDir(b)
	work.write("main.tf", cfg)

	apply := startProvider(b, bin, filepath.Join(b.TempDir(), "stderr"))
	for _, args := range [][]string{{"init", "-input=false", "-backend=false"}, {"apply", "-auto-approve", "-input=false"}} {
		if out, code := work.try(apply, args...); code != 0 {
			apply.stop()
			b.Fatalf("terraform %v: exit %d\n%s", args, code, out)
		}
	}
	applied := apply.stop()
	b.Logf("apply of %d records: provider process peak resident %.1f MiB, peak Go heap %d MiB",
		memRecords, applied.peakRSSMiB(), applied.heapMiB)

	env.Mock.ResetRequests()
	plan := startProvider(b, bin, filepath.Join(dir, "provider-plan.stderr"))
	if out, code := work.try(plan, "plan", "-input=false", "-detailed-exitcode"); code != 0 {
		plan.stop()
		b.Fatalf("the plan after apply is not empty (exit %d):\n%s", code, out)
	}
	planned := plan.stop()
	b.Logf("%d records, no-change plan, the provider binary in its own process: peak resident %.1f MiB (target < %d MiB), "+
		"peak Go heap %d MiB at a collection, %d collections, %d KiB of log on stderr; %s",
		memRecords, planned.peakRSSMiB(), memTargetMiB, planned.heapMiB, planned.gcs, planned.logKiB, requestKinds(env.Mock.Requests()))
	b.ReportMetric(planned.peakRSSMiB(), "peak-RSS-MiB")
	b.ReportMetric(float64(planned.heapMiB), "peak-heap-MiB")
	if planned.peakRSSMiB() >= memTargetMiB {
		b.Logf("over the target: peak resident %.1f MiB >= %d MiB", planned.peakRSSMiB(), memTargetMiB)
	}

	profilePlan(b, dir, env.Mock, cfg, work.read("terraform.tfstate"))
}

// memConfig is the zone and its records for the provider at gigaform/giga.
func memConfig(m *mockapi.Server) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    gigahost = { source = "gigaform/giga" }
  }
}

provider "gigahost" {
  gigahost_endpoint = %q
  gigahost_api_key  = %q
}
`, m.GigahostURL(), mockapi.GigahostAPIKey) + zoneConfig("mem.example", manyRecords(memRecords)...)
}

// profilePlan runs the plan again in a working folder of its own (the same
// configuration and state) against the provider served in this process, as
// main.go serves it, with heap profiles before and after the plan, and logs
// the plan's top allocations and this process's peak Go heap during it (the
// mock included). The in-process provider logs nothing (TF_LOG_* OFF, as
// terraform-plugin-testing's runs do), where the binary above logs at its
// default level: the profile shows the provider's own allocations.
func profilePlan(b *testing.B, dir string, m *mockapi.Server, cfg, state string) {
	for _, v := range []string{"TF_LOG_PROVIDER_GIGA", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO"} {
		b.Setenv(v, "OFF")
	}
	p := serveInProcess(b)
	defer p.stop()
	work := newCLIDir(b)
	work.write("main.tf", cfg)
	work.write("terraform.tfstate", state)
	work.run(p, "init", "-input=false", "-backend=false")
	before, after := filepath.Join(dir, "heap-before-plan.pprof"), filepath.Join(dir, "heap-after-plan.pprof")
	runtime.GC()
	writeHeapProfile(b, before)
	m.ResetRequests()
	sampler := sampleHeap()
	out, code := work.try(p, "plan", "-input=false", "-detailed-exitcode")
	peakHeap := sampler.stop()
	if code != 0 {
		b.Fatalf("in-process plan: exit %d\n%s", code, out)
	}
	writeHeapProfile(b, after)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.Logf("the same plan with the provider in this process (and the mock): peak Go heap in use %.1f MiB, %.1f MiB after it and a collection; %s",
		float64(peakHeap)/(1<<20), float64(ms.HeapInuse)/(1<<20), requestKinds(m.Requests()))
	b.Logf("heap profiles: %s and %s; the plan's allocations: go tool pprof -top -sample_index=alloc_space -diff_base %s %s", before, after, before, after)
	top, err := exec.Command("go", "tool", "pprof", "-top", "-nodecount=15", "-sample_index=alloc_space", "-diff_base", before, after).CombinedOutput()
	if err != nil {
		b.Logf("go tool pprof: %v", err)
	}
	b.Logf("top allocations of the plan:\n%s", top)
}

// inProcess is the provider served in this process through package serve,
// as main.go serves it, for Terraform to attach to.
type inProcess struct {
	reattach string
	cancel   context.CancelFunc
	done     chan struct{}
}

func serveInProcess(b *testing.B) *inProcess {
	b.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &inProcess{cancel: cancel, done: make(chan struct{})}
	ch := make(chan *plugin.ReattachConfig, 1)
	go func() {
		_ = tf6server.Serve("registry.terraform.io/gigaform/giga", serve.Protocol6(provider.NewWithOptions("dev", provider.Options{})),
			tf6server.WithDebug(ctx, ch, p.done), tf6server.WithoutLogStderrOverride(),
			tf6server.WithGoPluginLogger(hclog.New(&hclog.LoggerOptions{Output: io.Discard, Level: hclog.Off})))
	}()
	select {
	case rc := <-ch:
		attach, err := json.Marshal(map[string]any{"registry.terraform.io/gigaform/giga": map[string]any{
			"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
			"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
		}})
		if err != nil {
			cancel()
			b.Fatal(err)
		}
		p.reattach = string(attach)
	case <-time.After(10 * time.Second):
		cancel()
		b.Fatal("the provider server did not start")
	}
	return p
}

func (p *inProcess) reattachConfig() string { return p.reattach }

func (p *inProcess) stop() {
	p.cancel()
	<-p.done
}

// attached is a provider that Terraform attaches to.
type attached interface {
	reattachConfig() string
}

// buildProvider builds the provider binary of this module into a temporary folder.
func buildProvider(b *testing.B) string {
	b.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		b.Fatalf("go env GOMOD: %v", err)
	}
	bin := filepath.Join(b.TempDir(), "terraform-provider-giga")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// providerProcess is the provider binary running in debug mode, which
// Terraform attaches to.
type providerProcess struct {
	b        *testing.B
	cmd      *exec.Cmd
	reattach string
	stderr   string
}

// providerPeak is what a provider process used.
type providerPeak struct {
	hwmKiB       int64
	heapMiB, gcs int
	logKiB       int // what it wrote to stderr besides the collector's trace
}

func (p providerPeak) peakRSSMiB() float64 { return float64(p.hwmKiB) / 1024 }

// startProvider starts bin -debug with the garbage collector's trace on and
// no TF_* setting (its logging as under Terraform without TF_LOG), its
// stderr into the file stderr.
func startProvider(b *testing.B, bin, stderr string) *providerProcess {
	b.Helper()
	p := &providerProcess{b: b, stderr: stderr}
	errf, err := os.Create(p.stderr)
	if err != nil {
		b.Fatal(err)
	}
	defer errf.Close()
	p.cmd = exec.Command(bin, "-debug")
	p.cmd.Env = append(cleanEnv(), "GODEBUG=gctrace=1")
	p.cmd.Stderr = errf
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		b.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(stdout)
		s.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for s.Scan() {
			if _, v, ok := strings.Cut(s.Text(), "TF_REATTACH_PROVIDERS='"); ok && !sent {
				found <- strings.TrimSuffix(v, "'")
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case v, ok := <-found:
		if !ok || !json.Valid([]byte(v)) {
			_ = p.cmd.Process.Kill()
			_ = p.cmd.Wait()
			b.Fatalf("the provider printed no reattach configuration")
		}
		p.reattach = v
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		_ = p.cmd.Wait()
		b.Fatal("the provider did not start")
	}
	return p
}

// stop reads the process's peak resident memory, stops it (SIGINT, as its
// debug mode asks) and reads its peak heap from the collector's trace.
func (p *providerProcess) reattachConfig() string { return p.reattach }

func (p *providerProcess) stop() providerPeak {
	pid := p.cmd.Process.Pid
	peak := providerPeak{hwmKiB: procStatusKiB(fmt.Sprintf("/proc/%d/status", pid), "VmHWM")}
	_ = p.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
	trace, err := os.ReadFile(p.stderr)
	if err != nil {
		p.b.Fatal(err)
	}
	peak.heapMiB, peak.gcs = gcTracePeak(trace)
	peak.logKiB = len(gcTraceLine.ReplaceAll(trace, nil)) / 1024
	return peak
}

// gcTraceHeap is the "A->B->C MB" of a gctrace line: the heap at the start
// of the collection, at its end, and live.
var gcTraceHeap = regexp.MustCompile(`(?m)^gc \d+ .* (\d+)->(\d+)->(\d+) MB`)

var gcTraceLine = regexp.MustCompile(`(?m)^gc \d+ .*\n`)

// gcTracePeak is the largest heap a collection saw, and the number of collections.
func gcTracePeak(trace []byte) (peakMiB, gcs int) {
	for _, m := range gcTraceHeap.FindAllSubmatch(trace, -1) {
		gcs++
		for _, s := range m[1:3] {
			if n, err := strconv.Atoi(string(s)); err == nil && n > peakMiB {
				peakMiB = n
			}
		}
	}
	return peakMiB, gcs
}

// cleanEnv is this process's environment without Terraform's and the
// provider's settings (TF_*: logging, CLI configuration, reattach).
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_") && !strings.HasPrefix(kv, "GODEBUG=") && !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			env = append(env, kv)
		}
	}
	return env
}

// cliDir is a Terraform working folder with an empty CLI configuration.
type cliDir struct {
	b   *testing.B
	dir string
	env []string
}

func newCLIDir(b *testing.B) *cliDir {
	dir := b.TempDir()
	rc := filepath.Join(dir, ".terraformrc")
	if err := os.WriteFile(rc, nil, 0o600); err != nil {
		b.Fatal(err)
	}
	return &cliDir{b: b, dir: dir, env: append(cleanEnv(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")}
}

func (c *cliDir) write(name, content string) {
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(content), 0o600); err != nil {
		c.b.Fatal(err)
	}
}

func (c *cliDir) read(name string) string {
	data, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil {
		c.b.Fatal(err)
	}
	return string(data)
}

// try runs terraform attached to p and returns its output and exit code.
func (c *cliDir) try(p attached, args ...string) (string, int) {
	cmd := exec.Command("terraform", args...)
	cmd.Dir = c.dir
	cmd.Env = append(c.env, "TF_REATTACH_PROVIDERS="+p.reattachConfig())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
		return err.Error(), -1
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

// run is try that fails the bench on an error (p is stopped by its owner).
func (c *cliDir) run(p attached, args ...string) {
	c.b.Helper()
	if out, code := c.try(p, args...); code != 0 {
		c.b.Fatalf("terraform %v: exit %d\n%s", args, code, out)
	}
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

// procStatusKiB reads a "Name: N kB" line of a /proc/<pid>/status file (0 if absent).
func procStatusKiB(file, name string) int64 {
	f, err := os.Open(file)
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
