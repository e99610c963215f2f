package acctest

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/gigaform/terraform-provider-giga/internal/provider"
	"github.com/gigaform/terraform-provider-giga/internal/serve"
)

// Terraform runs the installed terraform CLI in a temporary folder against
// the provider served in this process (as terraform-plugin-testing does,
// through TF_REATTACH_PROVIDERS), so that benchmarks time real applies with
// the provider's real polling and none of the test harness's extra plans.
type Terraform struct {
	tb       testing.TB
	bin, dir string
	env      []string
	cancel   context.CancelFunc
	closed   chan struct{}
}

// NewTerraform serves the provider with opts (zero for the production
// settings) and prepares a working folder. It skips when terraform is not
// on PATH. Close stops the provider. Not for parallel tests: it silences
// the in-process provider's own logging through the environment.
func NewTerraform(tb testing.TB, opts provider.Options) *Terraform {
	tb.Helper()
	bin, err := exec.LookPath("terraform")
	if err != nil {
		tb.Skip("terraform not on PATH")
	}
	// Outside Terraform the provider would log every request to stderr.
	for _, v := range []string{"TF_LOG_PROVIDER_GIGA", "TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO"} {
		tb.Setenv(v, "OFF")
	}
	return serveFor(tb, bin, opts, os.Environ(), "registry.terraform.io/gigaform/giga")
}

// serveFor serves the provider under each address (one server each: each
// is configured on its own) and prepares a working folder for the
// Terraform at bin, which attaches to them.
func serveFor(tb testing.TB, bin string, opts provider.Options, env []string, addrs ...string) *Terraform {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	attach := map[string]any{}
	var closed []chan struct{}
	for _, addr := range addrs {
		reattachCh := make(chan *plugin.ReattachConfig, 1)
		done := make(chan struct{})
		closed = append(closed, done)
		// Served as main.go serves it (internal/serve), so that every test
		// that drives the CLI runs the production server.
		factory := serve.Protocol6(provider.NewWithOptions("test", opts))
		go func() {
			_ = tf6server.Serve(addr, factory, tf6server.WithDebug(ctx, reattachCh, done), tf6server.WithoutLogStderrOverride(),
				tf6server.WithGoPluginLogger(hclog.New(&hclog.LoggerOptions{Output: io.Discard, Level: hclog.Off})))
		}()
		select {
		case rc := <-reattachCh:
			attach[addr] = map[string]any{
				"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
				"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
			}
		case <-time.After(10 * time.Second):
			cancel()
			tb.Fatal("the provider server did not start")
		}
	}
	reattach, err := json.Marshal(attach)
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	all := make(chan struct{})
	go func() {
		for _, c := range closed {
			<-c
		}
		close(all)
	}()
	env = append(env, "TF_REATTACH_PROVIDERS="+string(reattach), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	return &Terraform{tb: tb, bin: bin, dir: tb.TempDir(), env: env, cancel: cancel, closed: all}
}

// Setenv sets a variable of Terraform's environment for the runs that
// follow, such as TF_VAR_name.
func (t *Terraform) Setenv(name, value string) { t.env = append(t.env, name+"="+value) }

// Write puts a configuration file into the working folder.
func (t *Terraform) Write(name, content string) {
	t.tb.Helper()
	if err := os.WriteFile(filepath.Join(t.dir, name), []byte(content), 0o600); err != nil {
		t.tb.Fatal(err)
	}
}

// Run runs terraform with args in the working folder, fails on error and
// returns the output.
func (t *Terraform) Run(args ...string) string {
	t.tb.Helper()
	cmd := exec.Command(t.bin, args...) //nolint:gosec,noctx // the installed terraform, run by a test
	cmd.Dir = t.dir
	cmd.Env = t.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.tb.Fatalf("terraform %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Read reads a file of the working folder.
func (t *Terraform) Read(name string) string {
	t.tb.Helper()
	b, err := os.ReadFile(filepath.Join(t.dir, name))
	if err != nil {
		t.tb.Fatal(err)
	}
	return string(b)
}

// Close stops the provider server.
func (t *Terraform) Close() {
	t.cancel()
	<-t.closed
}

// Try runs terraform with args in the working folder and returns its
// output and exit code (-1 when it did not run): for callers outside the
// test's goroutine, which must not fail the test from there.
func (t *Terraform) Try(args ...string) (string, int) {
	cmd := exec.Command(t.bin, args...) //nolint:gosec,noctx // the installed terraform, run by a test
	cmd.Dir = t.dir
	cmd.Env = t.env
	out, err := cmd.CombinedOutput()
	if err != nil && cmd.ProcessState == nil {
		return err.Error(), -1
	}
	return string(out), cmd.ProcessState.ExitCode()
}
