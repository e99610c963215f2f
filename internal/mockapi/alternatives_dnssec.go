package mockapi

// The silent points of Gigahost DNSSEC. The docs show GET ds-records of a
// zone on Gigahost's name servers with one DS record as one string, and say
// that for a zone on external name servers it "returns configuration
// instructions", without an example.
const (
	// AltDNSSECDSForm: data.ds_records of GET ds-records: one record as one
	// string (the docs' example), several records one per line of the
	// string, or a list of objects as the external list shows them.
	AltDNSSECDSForm Alt = "dnssec.ds-form"
	// AltDNSSECExternalAnswer: GET ds-records of a zone on external name
	// servers with DNSSEC on: the instructions in meta.message with empty
	// data, or in data as an object.
	AltDNSSECExternalAnswer Alt = "dnssec.external-answer"
	// AltDNSSECExternalEmpty: POST ds-records/external with an empty list:
	// accepted (the stored set emptied) or refused with 400.
	AltDNSSECExternalEmpty Alt = "dnssec.external-empty"
	// AltDNSSECExternalNone: GET ds-records/external with no records
	// stored: {"ds_records": []} or empty data.
	AltDNSSECExternalNone Alt = "dnssec.external-none"
	// AltDNSPTRCreateAnswer: the data of the answer to POST /dns/zones/ptr:
	// {"zone_id": "..."} (the docs' example) or empty (as the live answer
	// to POST /dns/zones).
	AltDNSPTRCreateAnswer Alt = "dns.ptr-create-answer"
)

// dnssecAlts are the silent points of DNSSEC, DS records and reverse zones.
var dnssecAlts = []AltSpec{
	{
		Name: AltDNSSECDSForm, Forms: []string{"string", "lines", "objects"},
		Why: "The docs' example shows one DS record as the string \"12345 13 2 <digest>\"; how several records come (a zone may publish a SHA-256 and a SHA-384 digest) is not shown.",
	},
	{
		Name: AltDNSSECExternalAnswer, Forms: []string{"message", "object"},
		Why: "For a zone on external name servers the docs say GET ds-records \"returns configuration instructions\", without an example.",
	},
	{
		Name: AltDNSSECExternalEmpty, Forms: []string{"accepted", "refused"},
		Why: "The docs list ds_records (an array) as required for POST ds-records/external and do not say whether an empty array clears the set.",
	},
	{
		Name: AltDNSSECExternalNone, Forms: []string{"empty-list", "no-data"},
		Why: "The docs' example of GET ds-records/external holds one record; an empty answer is not shown.",
	},
	{
		Name: AltDNSPTRCreateAnswer, Forms: []string{"id", "empty"},
		Why: "The docs' example of POST /dns/zones/ptr answers data {\"zone_id\": \"456\"}; the live POST /dns/zones answers data [] where its docs show an id (sample dns-create-zone.json).",
	},
}
