package dns

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// recordModel is the gigahost_dns_record resource's state.
type recordModel struct {
	ID       types.String `tfsdk:"id"`
	ZoneID   types.String `tfsdk:"zone_id"`
	RecordID types.String `tfsdk:"record_id"`
	Name     types.String `tfsdk:"name"`
	Type     types.String `tfsdk:"type"`
	Value    types.String `tfsdk:"value"`
	TTL      types.Int64  `tfsdk:"ttl"`
	Priority types.Int64  `tfsdk:"priority"`
}

// recordTypes are the record types the API supports.
var recordTypes = []string{"A", "AAAA", "CAA", "CNAME", "MX", "NS", "PTR", "SRV", "TXT"}

// hasPriority reports whether records of the type carry a priority.
func hasPriority(recordType string) bool { return recordType == "MX" || recordType == "SRV" }

// relativeName is the name as the API stores it (see gigahost.RelativeName).
func relativeName(name, zone string) string { return gigahost.RelativeName(name, zone) }

// sameValue compares values in every form the API may list them in (see
// gigahost.SameValue).
func sameValue(recordType, a, b string) bool { return gigahost.SameValue(recordType, a, b) }

// toAPI is the create or update body. zone is the zone's name, to turn an
// FQDN into the relative name the API stores.
func (m recordModel) toAPI(zone string) gigahost.RecordInput {
	in := gigahost.RecordInput{
		Name:  relativeName(m.Name.ValueString(), zone),
		Type:  m.Type.ValueString(),
		Value: strings.TrimSpace(m.Value.ValueString()),
		TTL:   m.TTL.ValueInt64(),
	}
	if hasPriority(in.Type) && !m.Priority.IsNull() && !m.Priority.IsUnknown() {
		p := m.Priority.ValueInt64()
		in.Priority = &p
	}
	return in
}

// fromAPI sets the model from the record as the API lists it. The name and
// value the configuration wrote are kept when they mean the same as the
// API's, so that neither form causes a diff; a different value (drift)
// replaces them.
func (m *recordModel) fromAPI(zoneID string, r gigahost.Record, zone string) {
	m.ZoneID = types.StringValue(zoneID)
	m.RecordID = types.StringValue(string(r.ID))
	m.ID = types.StringValue(zoneID + "/" + string(r.ID))
	typ := strings.ToUpper(string(r.Type))
	m.Type = types.StringValue(typ)
	if m.Name.IsNull() || m.Name.IsUnknown() || relativeName(m.Name.ValueString(), zone) != relativeName(string(r.Name), zone) {
		m.Name = types.StringValue(string(r.Name))
	}
	if m.Value.IsNull() || m.Value.IsUnknown() || !sameValue(typ, m.Value.ValueString(), string(r.Value)) {
		m.Value = types.StringValue(string(r.Value))
	}
	m.TTL = types.Int64Value(int64(r.TTL))
	if hasPriority(typ) && r.Priority != nil {
		m.Priority = types.Int64Value(int64(*r.Priority))
	} else {
		m.Priority = types.Int64Null()
	}
}

// findState finds the record a state describes: by record id, else by name,
// type and value. Never by name and type alone: a round-robin sibling is
// another resource's record.
func findState(records []gigahost.Record, m recordModel, zone string) (gigahost.Record, bool) {
	if id := m.RecordID.ValueString(); id != "" {
		for _, r := range records {
			if string(r.ID) == id {
				return r, true
			}
		}
	}
	for _, r := range records {
		if gigahost.MatchesRecord(r, m.Name.ValueString(), m.Type.ValueString(), m.Value.ValueString(), zone) {
			return r, true
		}
	}
	return gigahost.Record{}, false
}

// siblings describes the records with the name and type of m, for the
// warning that they are not managed by this resource.
func siblings(records []gigahost.Record, m recordModel, zone string) []string {
	var out []string
	name := relativeName(m.Name.ValueString(), zone)
	for _, r := range records {
		if relativeName(string(r.Name), zone) == name && strings.EqualFold(string(r.Type), m.Type.ValueString()) {
			s := fmt.Sprintf("%s %s %q (record_id %s, ttl %d", r.Name, r.Type, string(r.Value), r.ID, r.TTL)
			if r.Priority != nil {
				s += fmt.Sprintf(", priority %d", *r.Priority)
			}
			out = append(out, s+")")
		}
	}
	return out
}
