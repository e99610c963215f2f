package mockapi

// The silent points of Gigahost DNS. The docs show the record list with an
// A and an MX record only; the field notes add the MX forms (list: host
// without the trailing dot, priority apart; DELETE value: "<priority>
// <host>."). How the other types are listed and which value a DELETE must
// carry to match them is shown nowhere; a peer provider whose acceptance
// tests run against the live API writes, reads back and deletes TXT records
// with the plain value, so plain is the default for TXT.
const (
	// AltDNSTXTList: the form of a TXT record's record_value in the list.
	AltDNSTXTList Alt = "dns.txt-list"
	// AltDNSTXTDelete: the form of the value a DELETE must carry to match a
	// TXT record.
	AltDNSTXTDelete Alt = "dns.txt-delete"
	// AltDNSHostList: CNAME, NS and PTR targets and the SRV target in the
	// list, with or without the trailing dot (the MX host is evidenced
	// without it).
	AltDNSHostList Alt = "dns.host-list"
	// AltDNSHostDelete: the same targets in the value a DELETE must carry,
	// with or without the trailing dot (the MX host is evidenced with it).
	AltDNSHostDelete Alt = "dns.host-delete"
	// AltDNSSRVList: an SRV record in the list: the priority apart in
	// record_priority (as MX), or also in front of record_value.
	AltDNSSRVList Alt = "dns.srv-list"
	// AltDNSSRVDelete: the value a DELETE must carry to match an SRV
	// record: with the priority in front (as MX) or without it.
	AltDNSSRVDelete Alt = "dns.srv-delete"
	// AltDNSCAAValue: a CAA record's value in the list and in the DELETE
	// match: as the create sent it, with the property value quoted, or
	// unquoted.
	AltDNSCAAValue Alt = "dns.caa-value"
	// AltDNSRecordNumbers: record_ttl and record_priority in the list, as
	// numbers (the docs' example) or numeric strings (as other fields of
	// the API come).
	AltDNSRecordNumbers Alt = "dns.record-numbers"
	// AltDNSZoneCreateAnswer: the data of the answer to POST /dns/zones:
	// empty (the live sample) or {"zone_id": "..."} (the docs' example).
	AltDNSZoneCreateAnswer Alt = "dns.zone-create-answer"
	// AltDNSZoneIDType: zone_id in the zone list as a string (the docs'
	// example) or a number (ids come both ways elsewhere).
	AltDNSZoneIDType Alt = "dns.zone-id-type"
)

// dnsAlts are the silent points of Gigahost DNS (zones, records, redirects).
var dnsAlts = []AltSpec{
	{
		Name: AltDNSTXTList, Forms: []string{"plain", "quoted"},
		Why: "No example lists a TXT record; a live client reads TXT back plain, the name server stores it quoted.",
	},
	{
		Name: AltDNSTXTDelete, Forms: []string{"plain", "quoted"},
		Why: "The value parameter of a record DELETE is documented only by the field notes, for MX; a live client deletes TXT with the plain value.",
	},
	{
		Name: AltDNSHostList, Forms: []string{"bare", "dot"},
		Why: "Only the MX host is shown in the list (without the trailing dot); CNAME, NS, PTR and SRV targets may carry it.",
	},
	{
		Name: AltDNSHostDelete, Forms: []string{"dot", "bare"},
		Why: "Only the MX DELETE value is known (\"10 host.\", with the dot); CNAME, NS, PTR and SRV targets may need it or not.",
	},
	{
		Name: AltDNSSRVList, Forms: []string{"apart", "inline"},
		Why: "No SRV record is shown; its priority may be apart in record_priority as for MX, or also in front of record_value.",
	},
	{
		Name: AltDNSSRVDelete, Forms: []string{"with-priority", "without-priority"},
		Why: "The DELETE value of an SRV record is not known; by analogy with MX it carries the priority in front, or it may not.",
	},
	{
		Name: AltDNSCAAValue, Forms: []string{"as-sent", "quoted", "unquoted"},
		Why: "No CAA record is shown; the property value may be kept as sent, stored quoted (zone-file form), or unquoted.",
	},
	{
		Name: AltDNSRecordNumbers, Forms: []string{"number", "string"},
		Why: "The records example shows record_ttl and record_priority as numbers; the field notes report ids and counts as numbers on one endpoint and strings on another.",
	},
	{
		Name: AltDNSZoneCreateAnswer, Forms: []string{"empty", "id"},
		Why: "The live sample dns-create-zone.json answers data []; the docs' example answers data {\"zone_id\": \"123\"}.",
	},
	{
		Name: AltDNSZoneIDType, Forms: []string{"string", "number"},
		Why: "The zone list example shows zone_id as a string; the field notes report ids as numbers on some endpoints.",
	},
}
