// Package provider wires the Gigas and Gigahost resources into one Terraform
// provider and reads its configuration.
package provider

import (
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"golang.org/x/time/rate"

	"github.com/gigaform/terraform-provider-giga/internal/account"
	"github.com/gigaform/terraform-provider-giga/internal/apikey"
	"github.com/gigaform/terraform-provider-giga/internal/bgp"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/dns"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/server"
	"github.com/gigaform/terraform-provider-giga/internal/sshkey"
	"github.com/gigaform/terraform-provider-giga/internal/vm"
	"github.com/gigaform/terraform-provider-giga/internal/webhosting"
)

var (
	_ provider.Provider                       = (*GigaProvider)(nil)
	_ provider.ProviderWithActions            = (*GigaProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*GigaProvider)(nil)
	_ provider.ProviderWithListResources      = (*GigaProvider)(nil)
)

// DefaultMaxRetries is used when max_retries and GIGA_MAX_RETRIES are unset.
const DefaultMaxRetries = 5

// Options tune the provider beyond its schema; tests use them to poll and
// retry in milliseconds instead of seconds.
type Options struct {
	Poll                       client.PollSettings
	RetryWaitMin, RetryWaitMax time.Duration
	// Env, when not nil, stands for the process environment in the
	// provider's GIGA*_ variables: a test serves several providers in one
	// process, each with its own mock endpoints, as a user's environment
	// would configure them.
	Env map[string]string
}

// getenv reads a provider environment variable from Options.Env when set,
// else from the process environment.
func (o Options) getenv(name string) string {
	if o.Env != nil {
		return o.Env[name]
	}
	return os.Getenv(name)
}

// GigaProvider is the provider.
type GigaProvider struct {
	version string
	opts    Options
}

// New returns a constructor of the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return NewWithOptions(version, Options{})
}

// NewWithOptions is New with tuning options.
func NewWithOptions(version string, opts Options) func() provider.Provider {
	return func() provider.Provider { return &GigaProvider{version: version, opts: opts} }
}

type providerModel struct {
	GigasEndpoint    types.String  `tfsdk:"gigas_endpoint"`
	GigasAPIKey      types.String  `tfsdk:"gigas_api_key"`
	GigasUsername    types.String  `tfsdk:"gigas_username"`
	GigasPassword    types.String  `tfsdk:"gigas_password"`
	GigasTOTP        types.String  `tfsdk:"gigas_totp"`
	GigasAccountID   types.Int64   `tfsdk:"gigas_account_id"`
	GigahostEndpoint types.String  `tfsdk:"gigahost_endpoint"`
	GigahostAPIKey   types.String  `tfsdk:"gigahost_api_key"`
	GigahostUsername types.String  `tfsdk:"gigahost_username"`
	GigahostPassword types.String  `tfsdk:"gigahost_password"`
	GigahostOTP      types.String  `tfsdk:"gigahost_otp"`
	MaxRetries       types.Int64   `tfsdk:"max_retries"`
	RequestsPerSec   types.Float64 `tfsdk:"requests_per_second"`
}

// Metadata implements provider.Provider.
func (p *GigaProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "giga"
	resp.Version = p.version
}

// Schema implements provider.Provider.
func (p *GigaProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	str := func(desc string, sensitive bool) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Sensitive: sensitive, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Giga provider manages **Gigas** cloud virtual machines (resources prefixed `gigas_`) and " +
			"**Gigahost** DNS, servers, web-hosting e-mail and API keys (resources prefixed `gigahost_`). " +
			"Every attribute is optional and falls back to the environment variable named in its description. " +
			"Credentials are checked when a service is first used, so a configuration that only uses Gigahost needs no Gigas credentials.",
		Attributes: map[string]schema.Attribute{
			"gigas_endpoint":    str("Gigas API endpoint. Default `https://api.gigas.com`. Environment: `GIGAS_ENDPOINT`.", false),
			"gigas_api_key":     str("Gigas API key, sent as a Bearer token. Environment: `GIGAS_API_KEY`.", true),
			"gigas_username":    str("Gigas username (e-mail) for a session login via `POST /token`, used when no API key is set. Environment: `GIGAS_USERNAME`.", false),
			"gigas_password":    str("Gigas password for the session login. Environment: `GIGAS_PASSWORD`.", true),
			"gigas_totp":        str("Gigas 2FA code for the session login, when the account has 2FA. Environment: `GIGAS_TOTP`.", true),
			"gigas_account_id":  schema.Int64Attribute{Optional: true, MarkdownDescription: "Gigas account to act on. When unset, the one account the credentials can see (`GET /accounts`). Environment: `GIGAS_ACCOUNT_ID`."},
			"gigahost_endpoint": str("Gigahost API endpoint. Default `https://api.gigahost.no/api/v0`. Environment: `GIGAHOST_ENDPOINT`.", false),
			"gigahost_api_key":  str("Gigahost API key (`flux_live_...`), sent as a Bearer token. API keys cannot manage API keys: `gigahost_api_key` resources need a username and password, which may be set beside the key (the login is then used for API keys only, the key for everything else). Environment: `GIGAHOST_API_KEY`.", true),
			"gigahost_username": str("Gigahost username (e-mail) for a session login via `POST /authenticate`: used for every request when no API key is set, else only to manage `gigahost_api_key` resources. Environment: `GIGAHOST_USERNAME`.", false),
			"gigahost_password": str("Gigahost password for the session login. Environment: `GIGAHOST_PASSWORD`.", true),
			"gigahost_otp":      str("Gigahost 2FA code for the session login. Environment: `GIGAHOST_OTP`.", true),
			"max_retries": schema.Int64Attribute{Optional: true, MarkdownDescription: fmt.Sprintf(
				"How many times one request is retried on HTTP 429, 5xx and network errors, with exponential backoff and jitter, honouring `Retry-After`. Default %d. Environment: `GIGA_MAX_RETRIES`.", DefaultMaxRetries)},
			"requests_per_second": schema.Float64Attribute{
				Optional: true,
				MarkdownDescription: "Most requests per second this provider sends to each API (one budget for Gigas, one for Gigahost, shared by every resource and data source of this provider block), " +
					"counting every attempt: retries, polls of a wait and logins included. A positive number; fractions allowed (`0.5` is one request every two seconds); the burst is 1. " +
					"Default: no limit. Set it when many workspaces or pipelines run against one account at once, so that together they stay under the API's rate limit " +
					"instead of each one meeting HTTP 429 and backing off. Environment: `GIGA_REQUESTS_PER_SECOND`.",
				Validators: []validator.Float64{positiveFloat{}},
			},
		},
	}
}

// stringOr returns the attribute's value, else the environment variable's.
func stringOr(v types.String, getenv func(string) string, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return getenv(env)
}

// int64Or returns the attribute's value, else the environment variable's
// parsed as an integer, else def.
func int64Or(v types.Int64, getenv func(string) string, env string, def int64) (int64, error) {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueInt64(), nil
	}
	s := strings.TrimSpace(getenv(env))
	if s == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("environment variable %s=%q is not an integer", env, s)
	}
	return n, nil
}

// float64Or returns the attribute's value, else the environment variable's
// parsed as a number, else 0 (no limit). Either must be positive and finite.
func float64Or(v types.Float64, getenv func(string) string, env string) (float64, error) {
	if !v.IsNull() && !v.IsUnknown() {
		if n := v.ValueFloat64(); !(n > 0) || math.IsInf(n, 0) {
			return 0, fmt.Errorf("requests_per_second must be a positive number, got %v", n)
		}
		return v.ValueFloat64(), nil
	}
	s := strings.TrimSpace(getenv(env))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || !(n > 0) || math.IsInf(n, 0) {
		return 0, fmt.Errorf("environment variable %s=%q must be a positive number (requests per second)", env, s)
	}
	return n, nil
}

// positiveFloat refuses a number that is not greater than zero at plan time.
type positiveFloat struct{}

func (positiveFloat) Description(context.Context) string { return "value must be a positive number" }

func (v positiveFloat) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (positiveFloat) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := req.ConfigValue.ValueFloat64(); !(n > 0) || math.IsInf(n, 0) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid requests_per_second",
			fmt.Sprintf("%s must be a positive number of requests per second (leave it unset for no limit), got %v", req.Path, n))
	}
}

// Configure implements provider.Provider.
func (p *GigaProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	retries, err := int64Or(m.MaxRetries, p.opts.getenv, "GIGA_MAX_RETRIES", DefaultMaxRetries)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("max_retries"), "Invalid max_retries", err.Error())
	} else if retries < 0 || retries > 20 {
		resp.Diagnostics.AddAttributeError(path.Root("max_retries"), "Invalid max_retries", fmt.Sprintf("max_retries must be between 0 and 20, got %d", retries))
	}
	perSecond, err := float64Or(m.RequestsPerSec, p.opts.getenv, "GIGA_REQUESTS_PER_SECOND")
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("requests_per_second"), "Invalid requests_per_second", err.Error())
	}
	accountID, err := int64Or(m.GigasAccountID, p.opts.getenv, "GIGAS_ACCOUNT_ID", 0)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("gigas_account_id"), "Invalid gigas_account_id", err.Error())
	}
	if resp.Diagnostics.HasError() {
		return
	}
	// One bucket per API for this provider instance: every client of that
	// API built from this configuration takes its tokens from it.
	gigasLimiter, gigahostLimiter := client.NewLimiter(perSecond), client.NewLimiter(perSecond)
	transport := func(endpoint string, limiter *rate.Limiter) client.Options {
		return client.Options{
			Limiter:      limiter,
			BaseURL:      endpoint,
			UserAgent:    fmt.Sprintf("terraform-provider-giga/%s (+https://registry.terraform.io/providers/gigaform/giga) Terraform/%s", p.version, req.TerraformVersion),
			MaxRetries:   int(retries),
			RetryWaitMin: p.opts.RetryWaitMin,
			RetryWaitMax: p.opts.RetryWaitMax,
		}
	}
	gigasEndpoint := stringOr(m.GigasEndpoint, p.opts.getenv, "GIGAS_ENDPOINT")
	if gigasEndpoint == "" {
		gigasEndpoint = gigas.DefaultEndpoint
	}
	gigahostEndpoint := stringOr(m.GigahostEndpoint, p.opts.getenv, "GIGAHOST_ENDPOINT")
	if gigahostEndpoint == "" {
		gigahostEndpoint = gigahost.DefaultEndpoint
	}
	clients := providerdata.New(
		gigas.Config{
			Transport: transport(gigasEndpoint, gigasLimiter),
			APIKey:    stringOr(m.GigasAPIKey, p.opts.getenv, "GIGAS_API_KEY"),
			Username:  stringOr(m.GigasUsername, p.opts.getenv, "GIGAS_USERNAME"),
			Password:  stringOr(m.GigasPassword, p.opts.getenv, "GIGAS_PASSWORD"),
			TOTP:      stringOr(m.GigasTOTP, p.opts.getenv, "GIGAS_TOTP"),
			AccountID: accountID,
			Poll:      p.opts.Poll,
		},
		gigahost.Config{
			Transport: transport(gigahostEndpoint, gigahostLimiter),
			APIKey:    stringOr(m.GigahostAPIKey, p.opts.getenv, "GIGAHOST_API_KEY"),
			Username:  stringOr(m.GigahostUsername, p.opts.getenv, "GIGAHOST_USERNAME"),
			Password:  stringOr(m.GigahostPassword, p.opts.getenv, "GIGAHOST_PASSWORD"),
			OTP:       stringOr(m.GigahostOTP, p.opts.getenv, "GIGAHOST_OTP"),
			Poll:      p.opts.Poll,
		},
	)
	resp.ResourceData = clients
	resp.DataSourceData = clients
	resp.ListResourceData = clients
	resp.EphemeralResourceData = clients
	resp.ActionData = clients
}

// Resources implements provider.Provider.
func (p *GigaProvider) Resources(_ context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, family := range [][]func() resource.Resource{vm.Resources(), dns.Resources(), server.Resources(), webhosting.Resources(), apikey.Resources(), sshkey.Resources(), bgp.Resources()} {
		out = append(out, family...)
	}
	return out
}

// Actions implements provider.ProviderWithActions.
func (p *GigaProvider) Actions(_ context.Context) []func() action.Action {
	return slices.Concat(vm.Actions(), server.Actions())
}

// EphemeralResources implements provider.ProviderWithEphemeralResources.
func (p *GigaProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return server.EphemeralResources()
}

// ListResources implements provider.ProviderWithListResources: what
// `terraform query` (Terraform 1.14) can list and adopt.
func (p *GigaProvider) ListResources(_ context.Context) []func() list.ListResource {
	var out []func() list.ListResource
	for _, family := range [][]func() list.ListResource{vm.ListResources(), dns.ListResources(), server.ListResources(), webhosting.ListResources(), apikey.ListResources(), sshkey.ListResources()} {
		out = append(out, family...)
	}
	return out
}

// DataSources implements provider.Provider.
func (p *GigaProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	var out []func() datasource.DataSource
	for _, family := range [][]func() datasource.DataSource{vm.DataSources(), dns.DataSources(), server.DataSources(), webhosting.DataSources(), apikey.DataSources(), sshkey.DataSources(), bgp.DataSources(), account.DataSources()} {
		out = append(out, family...)
	}
	return out
}
