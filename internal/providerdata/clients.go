// Package providerdata carries the configured API clients from the provider
// to its resources and data sources. Clients are built on first use, so a
// configuration that uses only one service needs only that service's
// credentials.
package providerdata

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

// Clients is what the provider hands to every resource and data source.
type Clients struct {
	gigasCfg    gigas.Config
	gigahostCfg gigahost.Config

	gigasOnce   sync.Once
	gigas       *gigas.Client
	gigasErr    error
	gigahostOne sync.Once
	gigahost    *gigahost.Client
	gigahostErr error
}

// New returns Clients that build each API client from its config on first use.
func New(gigasCfg gigas.Config, gigahostCfg gigahost.Config) *Clients {
	return &Clients{gigasCfg: gigasCfg, gigahostCfg: gigahostCfg}
}

// Gigas returns the Gigas client, or an error that says which provider
// attribute or environment variable is missing.
func (c *Clients) Gigas() (*gigas.Client, error) {
	c.gigasOnce.Do(func() {
		cfg := c.gigasCfg
		if c.gigasErr = credentialsError("Gigas", "gigas", cfg.APIKey, cfg.Username, cfg.Password); c.gigasErr == nil {
			c.gigas, c.gigasErr = gigas.New(cfg)
		}
	})
	return c.gigas, c.gigasErr
}

// Gigahost returns the Gigahost client, or an error that says which provider
// attribute or environment variable is missing.
func (c *Clients) Gigahost() (*gigahost.Client, error) {
	c.gigahostOne.Do(func() {
		cfg := c.gigahostCfg
		if c.gigahostErr = credentialsError("Gigahost", "gigahost", cfg.APIKey, cfg.Username, cfg.Password); c.gigahostErr == nil {
			c.gigahost, c.gigahostErr = gigahost.New(cfg)
		}
	})
	return c.gigahost, c.gigahostErr
}

// credentialsError says what is missing from a service's credentials: an API
// key, or a username and password; nil when they are complete. prefix is the
// attributes' prefix; the environment variables are the same names in capitals.
func credentialsError(service, prefix, apiKey, username, password string) error {
	attr := func(name string) string {
		return fmt.Sprintf("%s_%s (or %s)", prefix, name, strings.ToUpper(prefix+"_"+name))
	}
	switch {
	case apiKey != "" || username != "" && password != "":
		return nil
	case username == "" && password == "":
		return fmt.Errorf("no %s credentials are configured: set the provider attribute %s_api_key (or the environment variable %s), "+
			"or %s_username and %s_password (%s, %s)", service, prefix, strings.ToUpper(prefix+"_api_key"),
			prefix, prefix, strings.ToUpper(prefix+"_username"), strings.ToUpper(prefix+"_password"))
	case username == "":
		return fmt.Errorf("%s_password is set but %s_username is not: set %s", prefix, prefix, attr("username"))
	default:
		return fmt.Errorf("%s_username is set but %s_password is not: set %s", prefix, prefix, attr("password"))
	}
}

// GigasClient returns the Gigas client, or nil after adding a diagnostic
// that says what is missing.
func GigasClient(c *Clients, diags *diag.Diagnostics) *gigas.Client {
	if c == nil {
		diags.AddError("Provider not configured", "The provider was not configured before use; this is a bug in the provider.")
		return nil
	}
	client, err := c.Gigas()
	if err != nil {
		diags.AddError("Gigas credentials missing", err.Error())
		return nil
	}
	return client
}

// GigahostClient returns the Gigahost client, or nil after adding a
// diagnostic that says what is missing.
func GigahostClient(c *Clients, diags *diag.Diagnostics) *gigahost.Client {
	if c == nil {
		diags.AddError("Provider not configured", "The provider was not configured before use; this is a bug in the provider.")
		return nil
	}
	client, err := c.Gigahost()
	if err != nil {
		diags.AddError("Gigahost credentials missing", err.Error())
		return nil
	}
	return client
}

// GigahostSessionConfigured reports whether session credentials (username and
// password) are configured for Gigahost; managing API keys needs them.
func (c *Clients) GigahostSessionConfigured() bool {
	return c.gigahostCfg.Username != "" && c.gigahostCfg.Password != ""
}

// FromProviderData converts the ProviderData of a Configure request. It
// returns nil, without error, before the provider is configured.
func FromProviderData(data any, diags *diag.Diagnostics) *Clients {
	if data == nil {
		return nil
	}
	c, ok := data.(*Clients)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *providerdata.Clients, got %T; this is a bug in the provider", data))
		return nil
	}
	return c
}
