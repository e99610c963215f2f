package dns

import (
	"context"
	"strconv"

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

// dsKey identifies a DS record: the digest compared case-insensitively
// (hexadecimal).
func dsKey(keyTag, alg, digestType int64, digest string) string {
	return strconv.FormatInt(keyTag, 10) + " " + strconv.FormatInt(alg, 10) + " " + strconv.FormatInt(digestType, 10) + " " + upperHex(digest)
}

func upperHex(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
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
