package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Distribution is an OS family of GET /reinstall/distro.
type Distribution struct {
	ID          client.Int    `json:"dist_id"`
	TypeID      client.Int    `json:"type_id"`
	Name        client.String `json:"dist_name"`
	Value       client.String `json:"dist_value"`
	Description client.String `json:"dist_description"`
	Active      client.Bool   `json:"dist_active"`
}

// OperatingSystem is an installable OS of GET /reinstall/distro/{id}.
type OperatingSystem struct {
	ID            client.Int    `json:"os_id"`
	DistID        client.Int    `json:"dist_id"`
	Name          client.String `json:"os_name"`
	Release       client.String `json:"os_release"`
	Version       client.String `json:"os_dist"`
	Arch          client.String `json:"os_arch"`
	DedicatedOnly client.Bool   `json:"os_dedicated_only"`
	MinRAMGB      client.Int    `json:"os_minram"`
}

// Distributions lists the OS distributions (GET /reinstall/distro).
func (c *Client) Distributions(ctx context.Context) ([]Distribution, error) {
	var out []Distribution
	if err := c.do(ctx, http.MethodGet, "/reinstall/distro", nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// OperatingSystems lists the operating systems of one distribution
// (GET /reinstall/distro/{id}).
func (c *Client) OperatingSystems(ctx context.Context, distID int64) ([]OperatingSystem, error) {
	var out []OperatingSystem
	if err := c.do(ctx, http.MethodGet, fmt.Sprintf("/reinstall/distro/%d", distID), nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// ReinstallInput is the body of POST /servers/{id}/reinstall; every field is
// required by the API.
type ReinstallInput struct {
	OSID     int64
	Language string // en_US, nb_NO
	Keyboard string // no, en
	Timezone string // Europe/Oslo
	Hostname string
}

// Reinstall starts a reinstall, which erases the server's disks, and returns
// the new root password (the API sends it in meta.root_passwd).
func (c *Client) Reinstall(ctx context.Context, id int64, in ReinstallInput) (string, error) {
	body := map[string]any{
		"os_id": in.OSID, "language": in.Language, "keyboard": in.Keyboard,
		"timezone": in.Timezone, "hostname": in.Hostname,
	}
	var meta struct {
		RootPassword client.String `json:"root_passwd"`
	}
	if err := c.doMeta(ctx, http.MethodPost, serverPath(id, "/reinstall"), nil, body, &meta); err != nil {
		return "", err
	}
	return string(meta.RootPassword), nil
}

// doMeta is do for the few answers that carry their result in meta rather
// than in data.
func (c *Client) doMeta(ctx context.Context, method, path string, query url.Values, body, meta any) error {
	resp, err := c.sendRaw(ctx, false, client.Request{Method: method, Path: path, Query: query, Body: body})
	if err != nil {
		return err
	}
	var env struct {
		Meta json.RawMessage `json:"meta"`
	}
	if err := json.Unmarshal(resp.Body, &env); err != nil {
		return fmt.Errorf("%s %s: decoding response: %w", method, path, err)
	}
	if len(env.Meta) == 0 {
		return nil
	}
	if err := json.Unmarshal(env.Meta, meta); err != nil {
		return fmt.Errorf("%s %s: decoding response meta: %w", method, path, err)
	}
	return nil
}
