package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// ISO is an ISO image the account uploaded (GET /deploy/isos): only
// completed uploads are listed; POST /deploy/servers takes its id.
type ISO struct {
	ID   client.Int    `json:"iso_id"`
	Name client.String `json:"iso_name"`
	Size client.Int    `json:"iso_size"` // bytes
}

// ISOs lists the account's uploaded ISOs. The list comes wrapped in isos
// (FIELD-NOTES "Types and shapes"); a bare list is read too, and an item
// without iso_id, or another object, is an error, never "no ISOs".
func (c *Client) ISOs(ctx context.Context) ([]ISO, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/deploy/isos", nil, nil, &raw); err != nil {
		return nil, err
	}
	items, err := listItems(raw, "isos")
	if err != nil {
		return nil, fmt.Errorf("GET /deploy/isos: %w", err)
	}
	isos := make([]ISO, 0, len(items))
	for _, item := range items {
		var iso ISO
		if err := json.Unmarshal(item, &iso); err != nil || iso.ID == 0 {
			return nil, fmt.Errorf("GET /deploy/isos: an item that is not an ISO with an iso_id: %s", abbreviate(item))
		}
		isos = append(isos, iso)
	}
	return isos, nil
}
