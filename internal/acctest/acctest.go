// Package acctest runs acceptance tests against the in-process mock API:
// every test gets its own mock, a provider that polls in milliseconds, and a
// configuration block that points both services at the mock.
package acctest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
	"github.com/gigaform/terraform-provider-giga/internal/provider"
)

// FastPoll is the waiters' backoff in tests: the mock's delays are in
// milliseconds, so seconds of polling would only slow the suite down.
var FastPoll = client.PollSettings{Initial: 20 * time.Millisecond, Max: 200 * time.Millisecond, Factor: 1.5, Jitter: 0.1}

// TestProvisioningDelay is how long mock transactions and deploys take in tests.
const TestProvisioningDelay = 100 * time.Millisecond

// Env is one test's mock API and the provider settings that reach it.
type Env struct {
	Mock *mockapi.Server
	opts provider.Options
}

var setupOnce sync.Once

// setup makes acceptance tests run in every `go test` and makes
// terraform-plugin-testing use the installed Terraform, never a download;
// it prepares what the CLI at TF_ACC_TERRAFORM_PATH needs (see cli).
func setup() {
	if os.Getenv("TF_ACC") == "" {
		_ = os.Setenv("TF_ACC", "1")
	}
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		if p, err := exec.LookPath("terraform"); err == nil {
			_ = os.Setenv("TF_ACC_TERRAFORM_PATH", p)
		}
	}
	// A CLI configuration file that does not exist makes OpenTofu print a
	// warning on stdout, where the harness reads `version -json`.
	if f := os.Getenv("TF_CLI_CONFIG_FILE"); f != "" {
		if _, err := os.Stat(f); err != nil { //nolint:gosec // the developer's own TF_CLI_CONFIG_FILE, only checked for existence
			_ = os.Unsetenv("TF_CLI_CONFIG_FILE")
		}
	}
	detectCLI()
	// OpenTofu resolves the test configurations' implied providers (gigas,
	// gigahost) under its own registry's hostname, where the harness must
	// serve them too (and where the legacy "-" namespace is allowed).
	if cli.openTofu && os.Getenv("TF_ACC_PROVIDER_HOST") == "" {
		_ = os.Setenv("TF_ACC_PROVIDER_HOST", cli.host)
	}
}

// New starts a mock for one test with quick delays; change lets a test set
// other knobs (latency, faults, seed) before it starts.
//
// GIGA_MOCK_ALTS ("name=form,...") switches silent points of every mock
// the suite starts, so that the whole suite can run under one alternative:
// GIGA_MOCK_ALTS=dns.txt-value=quoted make test.
func New(t testing.TB, change ...func(*mockapi.Options)) *Env {
	t.Helper()
	setupOnce.Do(setup)
	alts, err := mockapi.ParseAlts(os.Getenv("GIGA_MOCK_ALTS"))
	if err != nil {
		t.Fatalf("GIGA_MOCK_ALTS: %v", err)
	}
	opts := mockapi.Options{Seed: 42, ProvisioningDelay: TestProvisioningDelay, RetryAfterSeconds: 1, Alts: alts}
	for _, c := range change {
		c(&opts)
	}
	m := mockapi.New(opts)
	m.Start()
	t.Cleanup(m.Close)
	return &Env{Mock: m, opts: provider.Options{Poll: FastPoll, RetryWaitMin: 10 * time.Millisecond, RetryWaitMax: 100 * time.Millisecond}}
}

// EachForm runs body once per form of the silent point a, each as a
// subtest named after the form with its own mock answering in that form, so
// that one acceptance test proves the client's defence under every form the
// live API may use. change applies to every subtest's mock.
func EachForm(t *testing.T, a mockapi.Alt, body func(t *testing.T, env *Env), change ...func(*mockapi.Options)) {
	t.Helper()
	spec, ok := mockapi.AltSpecOf(a)
	if !ok {
		t.Fatalf("mockapi has no alternative %q", a)
	}
	for _, form := range spec.Forms {
		t.Run(form, func(t *testing.T) {
			body(t, newWithForms(t, map[mockapi.Alt]string{a: form}, change))
		})
	}
}

// EachRound is EachForm for several independent silent points at once:
// round k switches every point that has more than k forms to its form k
// (the others stay at their default), so that max(forms) rounds cover every
// form of every point, where EachForm on each would take their sum. Use it
// when one configuration exercises all the points (say, records of every
// type whose value form is silent).
func EachRound(t *testing.T, alts []mockapi.Alt, body func(t *testing.T, env *Env), change ...func(*mockapi.Options)) {
	t.Helper()
	rounds := 0
	specs := make([]mockapi.AltSpec, 0, len(alts))
	for _, a := range alts {
		spec, ok := mockapi.AltSpecOf(a)
		if !ok {
			t.Fatalf("mockapi has no alternative %q", a)
		}
		specs = append(specs, spec)
		rounds = max(rounds, len(spec.Forms))
	}
	for k := range rounds {
		forms := map[mockapi.Alt]string{}
		var name []string
		for _, spec := range specs {
			if k < len(spec.Forms) {
				forms[spec.Name] = spec.Forms[k]
				name = append(name, string(spec.Name)+"="+spec.Forms[k])
			}
		}
		t.Run(fmt.Sprintf("round%d", k), func(t *testing.T) {
			t.Logf("mock forms: %s", strings.Join(name, ", "))
			body(t, newWithForms(t, forms, change))
		})
	}
}

// newWithForms is New with the given silent points switched to the given
// forms, after the test's own changes (and over GIGA_MOCK_ALTS).
func newWithForms(t *testing.T, forms map[mockapi.Alt]string, change []func(*mockapi.Options)) *Env {
	t.Helper()
	setForms := func(o *mockapi.Options) {
		if o.Alts == nil {
			o.Alts = map[mockapi.Alt]string{}
		}
		for a, f := range forms {
			o.Alts[a] = f
		}
	}
	return New(t, append(append([]func(*mockapi.Options){}, change...), setForms)...)
}

// Factories serves the provider in process under both local names, so that
// gigas_* and gigahost_* resources resolve without provider = arguments.
func (e *Env) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	f := providerserver.NewProtocol6WithError(provider.NewWithOptions("test", e.opts)())
	return map[string]func() (tfprotov6.ProviderServer, error){"gigas": f, "gigahost": f}
}

// ProviderConfig configures both local names against the mock with its
// seeded API keys.
func (e *Env) ProviderConfig() string {
	return fmt.Sprintf(`
provider "gigas" {
  gigas_endpoint = %[1]q
  gigas_api_key  = %[2]q
  max_retries    = 8
}

provider "gigahost" {
  gigahost_endpoint = %[3]q
  gigahost_api_key  = %[4]q
  max_retries       = 8
}
`, e.Mock.GigasURL(), mockapi.GigasAPIKey, e.Mock.GigahostURL(), mockapi.GigahostAPIKey)
}

// Config is the provider configuration followed by the test's own HCL.
func (e *Env) Config(hcl string) string { return e.ProviderConfig() + hcl }

// Test runs an acceptance test case with this Env's provider factories.
func (e *Env) Test(t *testing.T, tc resource.TestCase) {
	t.Helper()
	if tc.ProtoV6ProviderFactories == nil {
		tc.ProtoV6ProviderFactories = e.Factories()
	}
	resource.Test(t, tc)
}
