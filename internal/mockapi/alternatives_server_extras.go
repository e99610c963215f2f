package mockapi

// The silent points of a server's reverse DNS and snapshots.
const (
	// AltReverseForm: how a name set with PUT /servers/{id}/reverse reads
	// back in ip_reverse (and sub_ns). The docs' example and the live sample
	// show only names the API made (static.185.181.63.24.customers.gigahost.no,
	// or ""), never one that was set: as sent, absolute with a trailing dot,
	// or lowercased.
	AltReverseForm Alt = "servers.reverse-form"
	// AltSubnetDelegation: where the record shows an IPv6 subnet's
	// delegation set with sub_id. No field is documented for it; sub_ns
	// (docs example, live sample, both empty) is the only name-server field
	// of a subnet, and the record may not show it at all.
	AltSubnetDelegation Alt = "servers.ipv6-delegation"
	// AltSnapshotNameField: which field of GET /servers/{id}/snapshots
	// shows the name given to POST /servers/{id}/snapshot. The docs' example
	// has snap_name "Asdf1234" and snap_display_name "my-snapshot".
	AltSnapshotNameField Alt = "snapshots.name-field"
	// AltSnapshotListed: when a new snapshot shows in the list. The create
	// answers "Snapshot is currently being created." with no id; whether the
	// list shows it at once (pending) or only a little later is not shown.
	AltSnapshotListed Alt = "snapshots.listed"
)

// serverExtrasAlts are the silent points of reverse DNS and snapshots.
var serverExtrasAlts = []AltSpec{
	{Name: AltReverseForm, Forms: []string{"as-sent", "trailing-dot", "lowercase"},
		Why: "ip_reverse of a name set with PUT /servers/{id}/reverse: as sent, with a trailing dot, or lowercased"},
	{Name: AltSubnetDelegation, Forms: []string{"sub_ns", "hidden"},
		Why: "an IPv6 subnet's delegation shows in subnets[].sub_ns, or nowhere in the record"},
	{Name: AltSnapshotNameField, Forms: []string{"snap_display_name", "snap_name"},
		Why: "the snapshot's name shows in snap_display_name (snap_name generated), or in snap_name (snap_display_name empty)"},
	{Name: AltSnapshotListed, Forms: []string{"at-once", "later"},
		Why: "a new snapshot is in GET /servers/{id}/snapshots at once, or missing from the first two lists after the create"},
}
