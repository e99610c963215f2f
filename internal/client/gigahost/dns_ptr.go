package gigahost

import "context"

// PTRZoneInput is the body of a reverse zone's creation (docs § POST
// /dns/zones/ptr): the prefix ("185.181.63" or "2a03:94e0::"), its family
// ("ipv4" or "ipv6") and the zone's name under in-addr.arpa or ip6.arpa.
type PTRZoneInput struct {
	Prefix    string `json:"prefix"`
	IPVersion string `json:"ip_version"`
	ZoneName  string `json:"zone_name"`
}

// CreatePTRZone creates a reverse zone and returns it as the zone list
// shows it. The docs' answer carries the zone id; an answer without it is
// settled by the zone's name, as for CreateZone. A create whose answer is
// lost goes through client.CreateOnce: the zones are listed and a zone of
// that name is adopted; none means the API did not act and it is sent
// again. Reverse zones are read and deleted as any zone (GET /dns/zones,
// DELETE /dns/zones/{id}).
func (c *Client) CreatePTRZone(ctx context.Context, in PTRZoneInput) (Zone, error) {
	return c.createZoneAt(ctx, "/dns/zones/ptr", in, in.ZoneName)
}
