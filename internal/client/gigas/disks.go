package gigas

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// DiskSizes are a VM's disk sizes in GB; nil where they cannot be read. A
// size the client cannot read is never reported as 0: the caller keeps the
// value it had.
type DiskSizes struct {
	Primary *int64
	Swap    *int64
}

// known reports whether both sizes were read.
func (d DiskSizes) known() bool { return d.Primary != nil && d.Swap != nil }

// fill sets the sizes that are nil in d from o.
func (d *DiskSizes) fill(o DiskSizes) {
	if d.Primary == nil {
		d.Primary = o.Primary
	}
	if d.Swap == nil {
		d.Swap = o.Swap
	}
}

// Disks reads a VM's disk sizes from GET .../virtual_machine/{id}/disks, a
// "disk resource list" whose shape the docs do not show. It reads what it
// recognises (see readDisks); an endpoint that answers 404, 405 or 501, or a
// shape it does not know, yields nil sizes (logged), never zeros.
func (c *Client) Disks(ctx context.Context, id string) (DiskSizes, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s/disks", url.PathEscape(id))
	if err != nil {
		return DiskSizes{}, err
	}
	body, err := c.send(ctx, requestGet(p))
	if client.IsStatus(err, http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusNotImplemented) {
		tflog.Warn(ctx, "Gigas disk list not available; disk sizes are kept as configured", map[string]any{"vm_id": id, "error": err.Error()})
		return DiskSizes{}, nil
	}
	if err != nil {
		return DiskSizes{}, err
	}
	items, err := decodeList[map[string]json.RawMessage](body, "disk", "disks", "virtual_machine_disks")
	if err != nil {
		tflog.Warn(ctx, "Gigas disk list in an unknown shape; disk sizes are kept as configured", map[string]any{"vm_id": id, "error": err.Error()})
		return DiskSizes{}, nil
	}
	d := readDisks(items)
	if !d.known() {
		tflog.Warn(ctx, "Gigas disk list not fully readable; unread sizes are kept as configured", map[string]any{"vm_id": id, "body": snippet(body)})
	}
	return d, nil
}

type diskRole int

const (
	roleUnknown diskRole = iota
	rolePrimary
	roleSwap
	roleOther
)

// readDisks reads sizes from disk items. A size is read from disk_size or
// size_gb (GB, the unit of the create's primary_disk_size) or size_mb; a
// bare "size" has no unit and is not read. Primary and swap are told apart
// by primary / is_swap flags or by a type (or role) of primary or swap. The
// swap size is 0 only when every disk's role is known and none is swap.
func readDisks(items []map[string]json.RawMessage) DiskSizes {
	var d DiskSizes
	allKnown := true
	for _, it := range items {
		role, size := diskRoleOf(it), diskSizeOf(it)
		if role == roleUnknown {
			allKnown = false
			continue
		}
		switch {
		case role == rolePrimary && d.Primary == nil:
			d.Primary = size
		case role == roleSwap && d.Swap == nil:
			d.Swap = size
			if size == nil {
				allKnown = false
			}
		}
	}
	if d.Swap == nil && allKnown && len(items) > 0 {
		zero := int64(0)
		d.Swap = &zero
	}
	return d
}

func diskRoleOf(it map[string]json.RawMessage) diskRole {
	var primary, swap *client.Bool
	if v, ok := it["primary"]; ok {
		var b client.Bool
		if json.Unmarshal(v, &b) == nil {
			primary = &b
		}
	}
	if v, ok := it["is_swap"]; ok {
		var b client.Bool
		if json.Unmarshal(v, &b) == nil {
			swap = &b
		}
	}
	switch {
	case swap != nil && bool(*swap):
		return roleSwap
	case primary != nil && bool(*primary):
		return rolePrimary
	case primary != nil && swap != nil:
		return roleOther
	}
	for _, k := range []string{"type", "role", "disk_role"} {
		var s client.String
		if v, ok := it[k]; ok && json.Unmarshal(v, &s) == nil {
			switch strings.ToLower(strings.TrimSpace(string(s))) {
			case "primary", "main", "system", "root":
				return rolePrimary
			case "swap":
				return roleSwap
			case "secondary", "data", "additional":
				return roleOther
			}
		}
	}
	return roleUnknown
}

func diskSizeOf(it map[string]json.RawMessage) *int64 {
	for _, f := range []struct {
		key string
		div int64
	}{{"disk_size", 1}, {"size_gb", 1}, {"disk_size_gb", 1}, {"size_mb", 1024}, {"disk_size_mb", 1024}} {
		v, ok := it[f.key]
		if !ok {
			continue
		}
		n := parseSize(v)
		if n == nil || *n%f.div != 0 {
			return nil
		}
		gb := *n / f.div
		return &gb
	}
	return nil
}

// parseSize reads a non-negative integer in any of the lenient forms; null,
// absent or anything else is nil.
func parseSize(raw json.RawMessage) *int64 {
	s := strings.TrimSpace(string(raw))
	if len(raw) == 0 || s == "null" || s == `""` {
		return nil
	}
	var n client.Int
	if json.Unmarshal(raw, &n) != nil || n < 0 {
		return nil
	}
	v := int64(n)
	return &v
}
