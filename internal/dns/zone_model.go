package dns

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// zoneModel is the gigahost_dns_zone resource's state.
type zoneModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
}

// Zone types the API knows.
var zoneTypes = []string{"NATIVE", "MASTER", "SLAVE"}

// DefaultZoneType is the type of a zone when none is given.
const DefaultZoneType = "NATIVE"

// sameZoneName reports whether two spellings name the same zone.
func sameZoneName(a, b string) bool {
	return strings.EqualFold(strings.TrimSuffix(a, "."), strings.TrimSuffix(b, "."))
}

func (m zoneModel) toAPI() gigahost.ZoneInput {
	return gigahost.ZoneInput{Name: strings.ToLower(strings.TrimSuffix(m.Name.ValueString(), ".")), Type: m.Type.ValueString()}
}

// fromAPI sets the model from the API's zone, keeping the configured
// spelling of the name when it names the same zone.
func (m *zoneModel) fromAPI(z gigahost.Zone) {
	m.ID = types.StringValue(string(z.ID))
	if m.Name.IsNull() || m.Name.IsUnknown() || !sameZoneName(m.Name.ValueString(), string(z.Name)) {
		m.Name = types.StringValue(string(z.Name))
	}
	// zone_type is in the docs' example; should a list lack it, the
	// configured or prior type stays (never a guess over a known value).
	switch typ := strings.ToUpper(string(z.Type)); {
	case typ != "":
		m.Type = types.StringValue(typ)
	case m.Type.IsNull() || m.Type.IsUnknown():
		m.Type = types.StringValue(DefaultZoneType)
	}
}

// zoneDataModel is the gigahost_dns_zone data source's state.
type zoneDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Type        types.String `tfsdk:"type"`
	RecordCount types.Int64  `tfsdk:"record_count"`
	Protected   types.Bool   `tfsdk:"protected"`
	Registered  types.Bool   `tfsdk:"registered"`
	ExternalDNS types.Bool   `tfsdk:"external_dns"`
	ExpiryDate  types.String `tfsdk:"domain_expiry_date"`
}

func (m *zoneDataModel) fromAPI(z gigahost.Zone) {
	m.ID = types.StringValue(string(z.ID))
	m.Name = types.StringValue(string(z.Name))
	m.Type = types.StringValue(strings.ToUpper(string(z.Type)))
	m.RecordCount = types.Int64Value(int64(z.RecordCount))
	m.Protected = types.BoolValue(bool(z.Protected))
	m.Registered = types.BoolValue(bool(z.Registered))
	m.ExternalDNS = types.BoolValue(bool(z.ExternalDNS))
	m.ExpiryDate = types.StringValue(string(z.ExpiryDate))
}
