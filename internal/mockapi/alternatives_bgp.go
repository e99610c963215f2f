package mockapi

// The silent points of Gigahost BGP. The docs show GET /bgp of an account
// with one ASN, one prefix and one active session, and say that DELETE
// /bgp/{session_id}/session only marks the session for deletion ("Actual
// deletion is processed asynchronously"); they show neither an account
// without BGP nor a session marked for deletion.
const (
	// AltBGPEmpty: GET /bgp of an account with nothing in a list.
	AltBGPEmpty Alt = "gigahost.bgp-empty"
	// AltBGPMarkedStatus: the status a session marked for deletion shows
	// until it leaves the list.
	AltBGPMarkedStatus Alt = "gigahost.bgp-marked-status"
)

// Forms of an account's empty BGP lists.
const (
	// bgpEmptyLists: the three members, each [].
	bgpEmptyLists = "empty-lists"
	// bgpEmptyOmitted: members with no items left out; data [] when all are.
	bgpEmptyOmitted = "omitted"
)

// Forms of a marked session's status.
const (
	// bgpMarkedDeleting: the status changes ("deleting") while the session
	// waits; a second DELETE is refused as the session is not active.
	bgpMarkedDeleting = "deleting"
	// bgpMarkedActive: the session shows "active" until it goes; a second
	// DELETE is accepted again.
	bgpMarkedActive = "active"
)

var bgpAlts = []AltSpec{
	{
		Name:  AltBGPEmpty,
		Forms: []string{bgpEmptyLists, bgpEmptyOmitted},
		Why: "The docs' GET /bgp example has an item in each of asn, prefix_lists and sessions. An account with none may answer " +
			"the three members as empty lists, or leave out those with no items (PHP's json_encode of an empty result, data [] when nothing is left).",
	},
	{
		Name:  AltBGPMarkedStatus,
		Forms: []string{bgpMarkedDeleting, bgpMarkedActive},
		Why: "DELETE /bgp/{session_id}/session \"marks BGP session for deletion\" and needs an active session; the docs show no " +
			"marked session. It may show another status until it goes (then a second DELETE is refused), or stay \"active\".",
	},
}
