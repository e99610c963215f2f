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
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/gigaform/terraform-provider-giga/internal/provider"
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
	ctx, cancel := context.WithCancel(context.Background())
	reattachCh := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	factory := providerserver.NewProtocol6(provider.NewWithOptions("bench", opts)())
	go func() {
		_ = tf6server.Serve("registry.terraform.io/gigaform/giga", factory,
			tf6server.WithDebug(ctx, reattachCh, closed),
			tf6server.WithGoPluginLogger(hclog.New(&hclog.LoggerOptions{Output: io.Discard, Level: hclog.Off})))
	}()
	var rc *plugin.ReattachConfig
	select {
	case rc = <-reattachCh:
	case <-time.After(10 * time.Second):
		cancel()
		tb.Fatal("the provider server did not start")
	}
	reattach, err := json.Marshal(map[string]any{"registry.terraform.io/gigaform/giga": map[string]any{
		"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
		"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
	}})
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	env := append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattach), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	return &Terraform{tb: tb, bin: bin, dir: tb.TempDir(), env: env, cancel: cancel, closed: closed}
}

// Write puts a configuration file into the working folder.
func (t *Terraform) Write(name, content string) {
	t.tb.Helper()
	if err := os.WriteFile(filepath.Join(t.dir, name), []byte(content), 0o600); err != nil {
		t.tb.Fatal(err)
	}
}

// Run runs terraform with args in the working folder and fails on error.
func (t *Terraform) Run(args ...string) {
	t.tb.Helper()
	cmd := exec.Command(t.bin, args...) //nolint:gosec,noctx // the installed terraform, run by a test
	cmd.Dir = t.dir
	cmd.Env = t.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.tb.Fatalf("terraform %v: %v\n%s", args, err, out)
	}
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
