package mockapi

// The silent points of the web-hosting items beside the mailboxes: the
// docs list the endpoints of e-mail forwarders, databases and FTP accounts
// with their parameters, but show no example answer for any of their lists,
// and leave open which form of a name some paths take.
const (
	// AltForwarderList: GET /webhosting/{id}/email-forwarders, and the form
	// of {user} in PUT and DELETE /webhosting/{id}/email-forwarders/{user}.
	AltForwarderList Alt = "gigahost.forwarder-list"
)

// Forms of the forwarder list.
const (
	// forwardersWrapped: {"forwarders": [{"user": "info", "destinations":
	// ["a@b.no"]}]}, wrapped as GET /webhosting wraps its list, user the part
	// before the @ (as the POST takes it), destinations a list, as sent;
	// {user} in the paths is the part before the @.
	forwardersWrapped = "wrapped"
	// forwardersFullAddress: a bare list of {"address": "info@example.no",
	// "destinations": "a@b.no,c@d.no"}, destinations a comma-separated
	// string in lower case; {user} in the paths must be the full address
	// ("the forwarding address"), the part before the @ is not found.
	forwardersFullAddress = "full-address"
	// forwardersByUser: {"info": "a@b.no,c@d.no"}, an object from the part
	// before the @ to the destinations (the form of the control panels such
	// APIs front), [] when there is none (as PHP encodes an empty map);
	// {user} the part before the @.
	forwardersByUser = "by-user"
)

var webhostingExtrasAlts = []AltSpec{
	{
		Name:  AltForwarderList,
		Forms: []string{forwardersWrapped, forwardersFullAddress, forwardersByUser},
		Why: "The docs give GET /webhosting/{id}/email-forwarders no example answer, and say of {user} in the PUT and DELETE paths only " +
			"\"the forwarding address\", while the POST takes user as \"the part before the @\". The list may be wrapped or bare, or an " +
			"object from forwarder to destinations; an entry may name the forwarder by its part before the @ or its full address; the " +
			"destinations may come as a list or a comma-separated string (the writes take both), as sent or in lower case; the paths may " +
			"take the part before the @ or the full address.",
	},
}
