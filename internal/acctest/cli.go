package acctest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// CLI serves this Env's provider under each local name (gigas, gigahost,
// as terraform-plugin-testing registers them) and prepares a working
// folder for the Terraform at TF_ACC_TERRAFORM_PATH: for what
// terraform-plugin-testing does not drive, such as `terraform query
// -generate-config-out` and the plan and apply of what it wrote. Safe for
// parallel tests; the servers stop when the test ends.
func (e *Env) CLI(t *testing.T, names ...string) *Terraform {
	t.Helper()
	setupOnce.Do(setup)
	addrs := make([]string, len(names))
	for i, n := range names {
		addrs[i] = cli.host + "/hashicorp/" + n
	}
	tf := serveFor(t, os.Getenv("TF_ACC_TERRAFORM_PATH"), e.opts, cliEnv(t), addrs...)
	t.Cleanup(tf.Close)
	return tf
}

// Folder serves the provider as a user installs it (gigaform/giga, under
// the hostnames of both registries, Terraform's and OpenTofu's) and
// configured as a user would configure it from the environment
// (UserEnv: this Env's mock endpoints and credentials), and prepares an
// empty working folder for the Terraform at TF_ACC_TERRAFORM_PATH: for the
// documentation's examples, which carry their own terraform block and no
// endpoint. Safe for parallel tests.
func (e *Env) Folder(t *testing.T) *Terraform {
	t.Helper()
	opts := e.opts
	opts.Env = e.UserEnv()
	tf := serveFor(t, os.Getenv("TF_ACC_TERRAFORM_PATH"), opts, cliEnv(t),
		"registry.terraform.io/gigaform/giga", "registry.opentofu.org/gigaform/giga")
	t.Cleanup(tf.Close)
	return tf
}

// UserEnv is the environment a user points the provider at this Env's
// mock with: both endpoints, both API keys, and the Gigahost login that
// API-key management needs.
func (e *Env) UserEnv() map[string]string {
	return map[string]string{
		"GIGAS_ENDPOINT": e.Mock.GigasURL(), "GIGAS_API_KEY": mockapi.GigasAPIKey,
		"GIGAHOST_ENDPOINT": e.Mock.GigahostURL(), "GIGAHOST_API_KEY": mockapi.GigahostAPIKey,
		"GIGAHOST_USERNAME": mockapi.GigahostUsername, "GIGAHOST_PASSWORD": mockapi.GigahostPassword,
		"GIGA_MAX_RETRIES": "8",
	}
}

// cliEnv is the environment of a Terraform run by a test: the process's
// own without its TF_ variables, and an empty CLI configuration file.
func cliEnv(t *testing.T) []string {
	t.Helper()
	rc := filepath.Join(t.TempDir(), ".terraformrc")
	if err := os.WriteFile(rc, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"TF_INPUT=0", "TF_CLI_CONFIG_FILE=" + rc}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TF_") {
			env = append(env, kv)
		}
	}
	return env
}

// cli is what the tests know of the CLI at TF_ACC_TERRAFORM_PATH: its
// version, whether it is OpenTofu, and the registry hostname its implied
// providers resolve under. Set once by setup.
var cli struct {
	version  *version.Version
	openTofu bool
	host     string
	err      error
}

// detectCLI reads the CLI's version (with an empty CLI configuration, so
// that nothing else reaches stdout).
func detectCLI() {
	cli.host = "registry.terraform.io"
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		cli.err = fmt.Errorf("no terraform on PATH and TF_ACC_TERRAFORM_PATH unset")
		return
	}
	rc, err := os.CreateTemp("", "giga-acc-rc")
	if err != nil {
		cli.err = err
		return
	}
	_ = rc.Close()
	defer func() { _ = os.Remove(rc.Name()) }()
	cmd := exec.Command(bin, "version", "-json") //nolint:gosec,noctx // the CLI the tests run
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc.Name(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		cli.err = fmt.Errorf("%s version -json: %w", bin, err)
		return
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		cli.err = fmt.Errorf("%s version -json: %w", bin, err)
		return
	}
	if cli.version, cli.err = version.NewVersion(v.Version); cli.err != nil {
		return
	}
	// OpenTofu answers `version -json` in Terraform's form; its plain
	// `version` names it.
	plain := exec.Command(bin, "version") //nolint:gosec,noctx // the CLI the tests run
	plain.Env = cmd.Env
	if out, err := plain.Output(); err == nil && strings.HasPrefix(string(out), "OpenTofu") {
		cli.openTofu, cli.host = true, "registry.opentofu.org"
	}
}

// SkipBelowTerraform skips the test unless the Terraform at
// TF_ACC_TERRAFORM_PATH is at least version (such as "1.14.0"): under the
// Terraform on PATH (1.11) the TestAccModern* tests skip, and `make
// test-modern` runs them with a newer one.
func SkipBelowTerraform(t *testing.T, want string) {
	t.Helper()
	setupOnce.Do(setup)
	if cli.err != nil {
		t.Fatal(cli.err)
	}
	if cli.version.Core().LessThan(version.Must(version.NewVersion(want))) {
		t.Skipf("needs Terraform %s or later (this is %s): run make test-modern", want, cli.version)
	}
}

// SkipOnOpenTofu skips a test of what OpenTofu does not have (why says
// what), when the CLI at TF_ACC_TERRAFORM_PATH is OpenTofu.
func SkipOnOpenTofu(t *testing.T, why string) {
	t.Helper()
	setupOnce.Do(setup)
	if cli.openTofu {
		t.Skipf("OpenTofu %s: %s", cli.version, why)
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
