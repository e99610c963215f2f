// Package dns holds the Gigahost DNS zone and record resources and the zone data source.
package dns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// Resources lists this family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewZoneResource, NewRecordResource, NewRedirectResource, NewDNSSECResource, NewExternalDSResource, NewPTRZoneResource}
}

// DataSources lists this family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewZoneDataSource, NewZonesDataSource, NewRecordsDataSource}
}

// zoneNameOrDiag returns the name of a zone from the client's zone list
// ("" when the list does not show it), or adds a diagnostic when the list
// cannot be had.
func zoneNameOrDiag(ctx context.Context, c *gigahost.Client, zoneID string, diags *diag.Diagnostics) (string, bool) {
	zone, err := c.ZoneName(ctx, zoneID)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list DNS zones", err)
		return "", false
	}
	return zone, true
}

// inZone is the model of a resource of one zone.
type inZone interface{ zoneID() types.String }

func (m recordModel) zoneID() types.String   { return m.ZoneID }
func (m redirectModel) zoneID() types.String { return m.ZoneID }

// zoneOf is the id and the name of m's zone; ok is false after an error
// diagnostic.
func zoneOf(ctx context.Context, c *gigahost.Client, m inZone, diags *diag.Diagnostics) (zoneID, zone string, ok bool) {
	zoneID = m.zoneID().ValueString()
	zone, ok = zoneNameOrDiag(ctx, c, zoneID, diags)
	return zoneID, zone, ok
}

// loadInZone is providerdata.Load for a resource of one zone, with the
// zone's id and name.
func loadInZone[M inZone](ctx context.Context, src interface {
	Get(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics, client func(*diag.Diagnostics) *gigahost.Client) (m M, c *gigahost.Client, zoneID, zone string, ok bool) {
	if m, c, ok = providerdata.Load[M](ctx, src, diags, client); !ok {
		return m, c, "", "", false
	}
	zoneID, zone, ok = zoneOf(ctx, c, m, diags)
	return m, c, zoneID, zone, ok
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
