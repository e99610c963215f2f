package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gigaform/terraform-provider-giga/internal/provider"
)

// CLI is a Terraform working directory whose provider is this Env's,
// served in process (Terraform attaches to it, as terraform-plugin-testing
// does), for what terraform-plugin-testing does not drive: `terraform
// query -generate-config-out` and the plan and apply of what it wrote.
type CLI struct {
	t   *testing.T
	Dir string
	bin string
	env []string
}

// CLI serves the provider under each local name (gigas, gigahost: one
// server each, as each is configured on its own) and runs the Terraform
// at TF_ACC_TERRAFORM_PATH in a new directory.
func (e *Env) CLI(t *testing.T, names ...string) *CLI {
	t.Helper()
	attach := map[string]any{}
	for _, name := range names {
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan *plugin.ReattachConfig, 1)
		closed := make(chan struct{})
		server := providerserver.NewProtocol6(provider.NewWithOptions("test", e.opts)())
		go func() {
			_ = tf6server.Serve("registry.terraform.io/hashicorp/"+name, server,
				tf6server.WithDebug(ctx, ready, closed), tf6server.WithoutLogStderrOverride(),
				tf6server.WithGoPluginLogger(hclog.NewNullLogger()))
		}()
		cfg := <-ready
		t.Cleanup(func() { cancel(); <-closed })
		attach["registry.terraform.io/hashicorp/"+name] = map[string]any{
			"Protocol": cfg.Protocol, "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": true,
			"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
		}
	}
	js, err := json.Marshal(attach)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, ".terraformrc")
	if err := os.WriteFile(rc, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"TF_REATTACH_PROVIDERS=" + string(js), "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0", "TF_CLI_CONFIG_FILE=" + rc}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_") {
			env = append(env, kv)
		}
	}
	return &CLI{t: t, Dir: dir, bin: os.Getenv("TF_ACC_TERRAFORM_PATH"), env: env}
}

// Write writes a file of the working directory.
func (c *CLI) Write(name, text string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, name), []byte(text), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// Read reads a file of the working directory.
func (c *CLI) Read(name string) string {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.Dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

// Run runs terraform with args and returns its output and exit code; a
// failure to start it fails the test.
func (c *CLI) Run(args ...string) (string, int) {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Dir, cmd.Env = c.Dir, c.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), ee.ExitCode()
	}
	if err != nil {
		c.t.Fatalf("terraform %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), 0
}

// Must runs terraform with args and fails the test unless it exits 0.
func (c *CLI) Must(args ...string) string {
	c.t.Helper()
	out, code := c.Run(args...)
	if code != 0 {
		c.t.Fatalf("terraform %s exited %d:\n%s", strings.Join(args, " "), code, out)
	}
	return out
}

// SkipBelowTerraform skips the test unless the Terraform at
// TF_ACC_TERRAFORM_PATH is at least version (such as "1.14.0"): under the
// Terraform on PATH (1.11) the TestAccModern* tests skip, and `make
// test-modern` runs them with a newer one.
func SkipBelowTerraform(t *testing.T, want string) {
	t.Helper()
	setupOnce.Do(setup)
	out, err := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), "version", "-json").Output()
	if err != nil {
		t.Fatalf("terraform version: %v", err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("terraform version -json: %v", err)
	}
	have, err := version.NewVersion(v.Version)
	if err != nil {
		t.Fatalf("terraform version %q: %v", v.Version, err)
	}
	if have.Core().LessThan(version.Must(version.NewVersion(want))) {
		t.Skipf("needs Terraform %s or later (this is %s): run make test-modern", want, v.Version)
	}
}

// Modern is the version check of the TestAccModern* test cases: they need
// Terraform 1.14 (list resources; identity needs 1.12) and skip below it.
var Modern = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// ImportByIdentity is a step that imports addr from an import block with
// the identity its state holds, and checks that the plan's identity and
// state are the same (terraform-plugin-testing's own checks).
func ImportByIdentity(addr string, ignore ...string) resource.TestStep {
	return resource.TestStep{ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
		ImportStateVerifyIgnore: ignore}
}
