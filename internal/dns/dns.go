// Package dns holds the Gigahost DNS zone and record resources and the zone data source.
package dns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewZoneResource, NewRecordResource, NewRedirectResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewZoneDataSource}
}

// base is what every DNS resource and data source shares: the clients, the
// per-operation zone caches and locks.
type base struct{ clients *providerdata.Clients }

func (b *base) configure(data any, diags *diag.Diagnostics) {
	b.clients = providerdata.FromProviderData(data, diags)
}

// client returns the Gigahost client or adds a diagnostic that says which
// credential is missing.
func (b *base) client(diags *diag.Diagnostics) *gigahost.Client {
	return providerdata.GigahostClient(b.clients, diags)
}

func (b *base) zones() *zones { return sharedZones(b.clients) }

// listZones returns the zone list, fetched once per operation.
func (b *base) listZones(ctx context.Context, c *gigahost.Client) ([]gigahost.Zone, error) {
	return b.zones().Zones(ctx, c.ListZones)
}

// zoneName returns the name of a zone ("" when the zone list does not show it).
func (b *base) zoneName(ctx context.Context, c *gigahost.Client, zoneID string) (string, error) {
	zs, err := b.listZones(ctx, c)
	if err != nil {
		return "", err
	}
	z, _ := gigahost.FindZone(zs, zoneID)
	return string(z.Name), nil
}

// zoneNameOrDiag returns the name of a zone, or adds a diagnostic when the
// zone list cannot be had.
func (b *base) zoneNameOrDiag(ctx context.Context, c *gigahost.Client, zoneID string, diags *diag.Diagnostics) (string, bool) {
	zone, err := b.zoneName(ctx, c, zoneID)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list DNS zones", err)
		return "", false
	}
	return zone, true
}

// privateState is a framework response's private state.
type privateState interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// save sets the state to m, and keeps the zone's name in the private state,
// where the name plan modifiers find it.
func save(ctx context.Context, diags *diag.Diagnostics, state *tfsdk.State, private privateState, m any, zone string) {
	diags.Append(state.Set(ctx, m)...)
	diags.Append(private.SetKey(ctx, privateZoneName, zoneNameJSON(zone))...)
}

// records returns a zone's records from a list that reflects at least
// minGen writes (0: every write so far), shared by all records of the zone.
func (b *base) records(ctx context.Context, c *gigahost.Client, zoneID string, minGen uint64) ([]gigahost.Record, error) {
	return b.zones().zone(zoneID).Get(ctx, minGen, func(ctx context.Context) ([]gigahost.Record, error) {
		return c.ListRecords(ctx, zoneID)
	})
}
