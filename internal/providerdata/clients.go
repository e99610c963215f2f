// Package providerdata carries the configured API clients from the provider
// to its resources and data sources. Clients are built on first use, so a
// configuration that uses only one service needs only that service's
// credentials.
package providerdata

import (
	"fmt"
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

	sharedMu sync.Mutex
	shared   map[string]any
}

// New returns Clients that build each API client from its config on first use.
func New(gigasCfg gigas.Config, gigahostCfg gigahost.Config) *Clients {
	return &Clients{gigasCfg: gigasCfg, gigahostCfg: gigahostCfg, shared: map[string]any{}}
}

// Gigas returns the Gigas client, or an error that says which provider
// attribute or environment variable is missing.
func (c *Clients) Gigas() (*gigas.Client, error) {
	c.gigasOnce.Do(func() {
		cfg := c.gigasCfg
		switch {
		case cfg.APIKey == "" && cfg.Username == "" && cfg.Password == "":
			c.gigasErr = fmt.Errorf("no Gigas credentials are configured: set the provider attribute gigas_api_key " +
				"(or the environment variable GIGAS_API_KEY), or gigas_username and gigas_password (GIGAS_USERNAME, GIGAS_PASSWORD)")
			return
		case cfg.APIKey == "" && cfg.Username == "":
			c.gigasErr = fmt.Errorf("gigas_password is set but gigas_username is not: set gigas_username (or GIGAS_USERNAME)")
			return
		case cfg.APIKey == "" && cfg.Password == "":
			c.gigasErr = fmt.Errorf("gigas_username is set but gigas_password is not: set gigas_password (or GIGAS_PASSWORD)")
			return
		}
		c.gigas, c.gigasErr = gigas.New(cfg)
	})
	return c.gigas, c.gigasErr
}

// Gigahost returns the Gigahost client, or an error that says which provider
// attribute or environment variable is missing.
func (c *Clients) Gigahost() (*gigahost.Client, error) {
	c.gigahostOne.Do(func() {
		cfg := c.gigahostCfg
		switch {
		case cfg.APIKey == "" && cfg.Username == "" && cfg.Password == "":
			c.gigahostErr = fmt.Errorf("no Gigahost credentials are configured: set the provider attribute gigahost_api_key " +
				"(or the environment variable GIGAHOST_API_KEY), or gigahost_username and gigahost_password (GIGAHOST_USERNAME, GIGAHOST_PASSWORD)")
			return
		case cfg.APIKey == "" && cfg.Username == "":
			c.gigahostErr = fmt.Errorf("gigahost_password is set but gigahost_username is not: set gigahost_username (or GIGAHOST_USERNAME)")
			return
		case cfg.APIKey == "" && cfg.Password == "":
			c.gigahostErr = fmt.Errorf("gigahost_username is set but gigahost_password is not: set gigahost_password (or GIGAHOST_PASSWORD)")
			return
		}
		c.gigahost, c.gigahostErr = gigahost.New(cfg)
	})
	return c.gigahost, c.gigahostErr
}

// GigahostSessionConfigured reports whether session credentials (username and
// password) are configured for Gigahost; managing API keys needs them.
func (c *Clients) GigahostSessionConfigured() bool {
	return c.gigahostCfg.Username != "" && c.gigahostCfg.Password != ""
}

// Shared returns the value stored under key for this provider instance,
// creating it on first use. Resources use it for state that must be shared
// by every resource of one Terraform operation, such as per-zone locks and
// record-list caches.
func (c *Clients) Shared(key string, create func() any) any {
	c.sharedMu.Lock()
	defer c.sharedMu.Unlock()
	v, ok := c.shared[key]
	if !ok {
		v = create()
		c.shared[key] = v
	}
	return v
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
