package sshkey

import (
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// keyModel is the gigahost_ssh_key resource's state.
type keyModel struct {
	ID          types.String `tfsdk:"id"`
	KeyID       types.Int64  `tfsdk:"key_id"`
	Name        types.String `tfsdk:"name"`
	PublicKey   types.String `tfsdk:"public_key"`
	Fingerprint types.String `tfsdk:"fingerprint"`
	CreatedAt   types.Int64  `tfsdk:"created_at"`
}

// fromAPI sets the model from the key as the account lists it. The public
// key keeps its configured form (a trailing newline from file(), say) when
// the API's differs from it only in white space, so such a key plans clean.
func (m *keyModel) fromAPI(k gigahost.SSHKey) {
	m.ID = types.StringValue(string(k.ID))
	m.KeyID = numericID(string(k.ID))
	m.Name = types.StringValue(string(k.Name))
	data := string(k.Data)
	if m.PublicKey.IsNull() || m.PublicKey.IsUnknown() || !samePublicKey(m.PublicKey.ValueString(), data) {
		m.PublicKey = types.StringValue(data)
	}
	m.Fingerprint = types.StringNull()
	if fp := fingerprintOf(data); fp != "" {
		m.Fingerprint = types.StringValue(fp)
	}
	m.CreatedAt = types.Int64Value(int64(k.Added))
}

// toAPI is the body of the create: the key line normalised.
func (m keyModel) toAPI() gigahost.SSHKeyInput {
	return gigahost.SSHKeyInput{Name: m.Name.ValueString(), Data: normalizePublicKey(m.PublicKey.ValueString())}
}

// numericID is the key id as a number (what gigahost_server.ssh_key_ids
// takes), or null if the API ever sent one that is not numeric.
func numericID(id string) types.Int64 {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

// keyFromAPI is one key of the data source: the resource's state of it.
func keyFromAPI(k gigahost.SSHKey) keyModel {
	var m keyModel
	m.fromAPI(k)
	return m
}

// sortedByID orders keys by numeric id (ids that are not numbers last, by
// text), so that the data source's lists are stable.
func sortedByID(keys []gigahost.SSHKey) []gigahost.SSHKey {
	out := slices.Clone(keys)
	slices.SortStableFunc(out, func(a, b gigahost.SSHKey) int { return gigahost.CompareIDs(string(a.ID), string(b.ID)) })
	return out
}
