package mockapi

// The silent points of the Gigahost account area: API keys, SSH keys and
// web hosting. The docs show the list of API keys (a bare list), the
// account with its sshkeys, and the list of hosting accounts (wrapped in
// hosting); they show no example for one API key, one hosting account, or
// the list of a hosting account's e-mail accounts.
const (
	// AltAPIKeyObject: GET /account/apikeys/{id}.
	AltAPIKeyObject Alt = "gigahost.apikey-object"
	// AltHostingObject: GET /webhosting/{id}.
	AltHostingObject Alt = "gigahost.hosting-object"
	// AltMailboxList: GET /webhosting/{id}/emails.
	AltMailboxList Alt = "gigahost.mailbox-list"
)

// Forms of the mailbox list.
const (
	// mailboxesWrapped: {"emails": [{"email": "a@d", "quota": "250"}]},
	// wrapped as GET /webhosting wraps its list, the full address in email
	// (the form the other mailbox endpoints take), quota a numeric string.
	mailboxesWrapped = "wrapped"
	// mailboxesBare: the same entries in a bare list, quota a number.
	mailboxesBare = "bare"
	// mailboxesLocalDomain: email is the part before the @ (the form the
	// create takes), with domain beside it.
	mailboxesLocalDomain = "local-and-domain"
	// mailboxesLocalOnly: email is the part before the @, no domain (the
	// account's), quota "unlimited" for 0.
	mailboxesLocalOnly = "local-only"
	// mailboxesUserDomain: user and domain, no email.
	mailboxesUserDomain = "user-and-domain"
	// mailboxesOtherWrapper: wrapped under another name (accounts).
	mailboxesOtherWrapper = "other-wrapper"
	// mailboxesStrings: the addresses only, as strings; no quota.
	mailboxesStrings = "addresses-only"
)

// Forms of a single object (one API key, one hosting account).
const (
	objectBare        = "bare"
	objectList        = "one-element-list"
	objectWrapped     = "wrapped"
	objectWrappedList = "wrapped-list"
)

var accountAlts = []AltSpec{
	{
		Name:  AltAPIKeyObject,
		Forms: []string{objectBare, objectList, objectWrapped},
		Why: "The docs give GET /account/apikeys/{id} no example answer (only its 404). The key may come bare like an item of the list, " +
			"in a one-element list (as GET /servers/{id} does, FIELD-NOTES), or wrapped in an object (apikey).",
	},
	{
		Name:  AltHostingObject,
		Forms: []string{objectBare, objectList, objectWrapped, objectWrappedList},
		Why: "The docs give GET /webhosting/{id} no example answer, only that it includes the domain, package, status, order information " +
			"and usage. The account may come bare, in a one-element list (as GET /servers/{id}), wrapped in hosting as an object, " +
			"or wrapped in hosting as a one-element list (exactly as GET /webhosting answers).",
	},
	{
		Name: AltMailboxList,
		Forms: []string{mailboxesWrapped, mailboxesBare, mailboxesLocalDomain, mailboxesLocalOnly, mailboxesUserDomain,
			mailboxesOtherWrapper, mailboxesStrings},
		Why: "The docs give GET /webhosting/{id}/emails no example answer. The list may be wrapped (as GET /webhosting wraps its list in hosting) " +
			"or bare; an entry may carry the full address (as the password, quota and delete paths take it) or the part before the @ " +
			"(as the create takes it), with or without the domain, in email or in user; the quota as a numeric string, a number, " +
			"\"unlimited\" or not at all.",
		Unread: []string{mailboxesStrings}, // no quota listed: kept from the configuration, null to an import
	},
}
