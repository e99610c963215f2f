package dns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// dnssecModel is the gigahost_dns_dnssec resource's state.
type dnssecModel struct {
	ID          types.String `tfsdk:"id"`
	ZoneID      types.String `tfsdk:"zone_id"`
	ZoneName    types.String `tfsdk:"zone_name"`
	ExternalDNS types.Bool   `tfsdk:"external_dns"`
	DSRecords   types.List   `tfsdk:"ds_records"`
}

// dsModel is one DS record, in ds_records of gigahost_dns_dnssec and
// gigahost_dns_external_ds.
type dsModel struct {
	KeyTag     types.Int64  `tfsdk:"key_tag"`
	Algorithm  types.Int64  `tfsdk:"algorithm"`
	DigestType types.Int64  `tfsdk:"digest_type"`
	Digest     types.String `tfsdk:"digest"`
}

// dsAttrTypes are a DS record's attributes, for lists and sets of them.
var dsAttrTypes = map[string]attr.Type{
	"key_tag": types.Int64Type, "algorithm": types.Int64Type, "digest_type": types.Int64Type, "digest": types.StringType,
}

var dsObjectType = types.ObjectType{AttrTypes: dsAttrTypes}

func dsFromAPI(r gigahost.DSRecord) dsModel {
	return dsModel{
		KeyTag: types.Int64Value(int64(r.KeyTag)), Algorithm: types.Int64Value(int64(r.Algorithm)),
		DigestType: types.Int64Value(int64(r.DigestType)), Digest: types.StringValue(string(r.Digest)),
	}
}

// fromAPI sets the model from the zone and its DNSSEC.
func (m *dnssecModel) fromAPI(ctx context.Context, z gigahost.Zone, st gigahost.DNSSEC, diags *diag.Diagnostics) {
	m.ID = types.StringValue(string(z.ID))
	m.ZoneID = types.StringValue(string(z.ID))
	m.ZoneName = types.StringValue(string(z.Name))
	m.ExternalDNS = types.BoolValue(bool(z.ExternalDNS))
	ds := make([]dsModel, 0, len(st.DS))
	for _, r := range st.DS {
		ds = append(ds, dsFromAPI(r))
	}
	list, d := types.ListValueFrom(ctx, dsObjectType, ds)
	diags.Append(d...)
	m.DSRecords = list
}

// externalDSModel is the gigahost_dns_external_ds resource's state.
type externalDSModel struct {
	ID        types.String `tfsdk:"id"`
	ZoneID    types.String `tfsdk:"zone_id"`
	DSRecords types.Set    `tfsdk:"ds_records"`
}

func (m dsModel) key() string {
	return gigahost.DSKey(m.KeyTag.ValueInt64(), m.Algorithm.ValueInt64(), m.DigestType.ValueInt64(), m.Digest.ValueString())
}

// records are the model's DS records.
func (m externalDSModel) records(ctx context.Context, diags *diag.Diagnostics) []dsModel {
	var ds []dsModel
	if !m.DSRecords.IsNull() && !m.DSRecords.IsUnknown() {
		diags.Append(m.DSRecords.ElementsAs(ctx, &ds, false)...)
	}
	return ds
}

func (m externalDSModel) toAPI(ctx context.Context, diags *diag.Diagnostics) []gigahost.DSRecordInput {
	var in []gigahost.DSRecordInput
	for _, r := range m.records(ctx, diags) {
		in = append(in, gigahost.DSRecordInput{
			KeyTag: r.KeyTag.ValueInt64(), Algorithm: r.Algorithm.ValueInt64(), DigestType: r.DigestType.ValueInt64(), Digest: r.Digest.ValueString(),
		})
	}
	return in
}

// fromAPI sets the model from the listed DS records, keeping the
// configured spelling of a digest (its case) where the record is the same.
func (m *externalDSModel) fromAPI(ctx context.Context, zoneID string, listed []gigahost.DSRecord, diags *diag.Diagnostics) {
	spelled := map[string]string{}
	for _, r := range m.records(ctx, diags) {
		spelled[r.key()] = r.Digest.ValueString()
	}
	ds := make([]dsModel, 0, len(listed))
	for _, r := range listed {
		d := dsFromAPI(r)
		if s, ok := spelled[r.Key()]; ok {
			d.Digest = types.StringValue(s)
		}
		ds = append(ds, d)
	}
	m.ID = types.StringValue(zoneID)
	m.ZoneID = types.StringValue(zoneID)
	set, d := types.SetValueFrom(ctx, dsObjectType, ds)
	diags.Append(d...)
	m.DSRecords = set
}
