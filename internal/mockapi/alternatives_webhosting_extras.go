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
	{
		Name:  AltDatabaseList,
		Forms: []string{databasesWrapped, databasesPrefixed, databasesNames},
		Why: "The docs give GET /webhosting/{id}/databases no example answer and do not say whether the POST's name is stored as given " +
			"or prefixed with the account's user (user_name, as hosting control panels name databases), nor which name {dbname} takes. " +
			"The list may be wrapped or bare, an entry an object (name or database) or a plain name.",
	},
	{
		Name:  AltFTPList,
		Forms: []string{ftpWrapped, ftpFullNames, ftpNames},
		Why: "The docs give GET /webhosting/{id}/ftp no example answer and do not say whether an account is listed, and named in " +
			"{ftp_user}, by the username given at creation or as username@domain (as hosting control panels name FTP accounts), " +
			"nor whether the path is shown relative to the website root, absolute, or at all.",
	},
}

// AltDatabaseList: GET /webhosting/{id}/databases, whether the API stores
// a database under the name given or prefixed with the account's user, and
// which name {dbname} in the paths takes.
const AltDatabaseList Alt = "gigahost.database-list"

// Forms of the database list.
const (
	// databasesWrapped: {"databases": [{"name": "shop"}]}, stored and listed
	// as given; {dbname} the name.
	databasesWrapped = "wrapped"
	// databasesPrefixed: [{"database": "exampleno_shop"}], a bare list, the
	// name stored prefixed with the account's user (as hosting control panels
	// do); {dbname} must be the prefixed name.
	databasesPrefixed = "user-prefixed"
	// databasesNames: {"databases": ["shop"]}, the names only.
	databasesNames = "names-only"
)

// AltFTPList: GET /webhosting/{id}/ftp, and the form of {ftp_user} in the
// PUT and DELETE paths.
const AltFTPList Alt = "gigahost.ftp-list"

// Forms of the FTP account list.
const (
	// ftpWrapped: {"ftp": [{"username": "web", "path": "shop"}]}, the
	// username as given, the path as given ("" for full access); {ftp_user}
	// the username.
	ftpWrapped = "wrapped"
	// ftpFullNames: [{"user": "web@example.no", "directory":
	// "/home/exampleno/domains/example.no/public_html/shop"}], a bare list,
	// the account named <username>@<domain> and its folder absolute;
	// {ftp_user} must be <username>@<domain>.
	ftpFullNames = "full-names"
	// ftpNames: {"ftp": ["web"]}, the usernames only, no path.
	ftpNames = "names-only"
)
