package mockapi

// The silent points of a hosting account's SSL certificate, DKIM signing and
// autoresponders. The docs describe these answers in words only: GET
// /webhosting/{id}/ssl "includes whether SSL is enabled, the certificate
// details if one is installed, and the list of valid hostnames".
const (
	// AltSSLObject: GET /webhosting/{id}/ssl.
	AltSSLObject Alt = "gigahost.ssl-object"
	// AltDKIMObject: GET /webhosting/{id}/email-dkim.
	AltDKIMObject Alt = "gigahost.dkim-object"
	// AltAutoresponderPath: the {email} of /webhosting/{id}/autoresponders/{email}.
	AltAutoresponderPath Alt = "gigahost.autoresponder-path"
	// AltAutoresponderObject: GET /webhosting/{id}/autoresponders/{email}.
	AltAutoresponderObject Alt = "gigahost.autoresponder-object"
)

// Forms of the SSL answer.
const (
	// sslNested: {"enabled": true, "certificate": {"hostnames": [...],
	// "expires": "2027-02-28 12:00:00"} or null, "hostnames": [valid names]}.
	sslNested = "nested"
	// sslFlatStrings: {"ssl_enabled": "1", "cert": {"domains": "a,b",
	// "expires_at": "<unix seconds>"}, "valid_hostnames": [...]}, no cert
	// member without a certificate.
	sslFlatStrings = "strings"
	// sslPHPEmpty: enabled 1/0, certificate [] (PHP's empty array) without
	// a certificate, expiry a date.
	sslPHPEmpty = "php-empty"
	// sslWrapped: the nested form under ssl.
	sslWrapped = "wrapped"
)

// Forms of the DKIM answer.
const (
	// dkimFlag: {"enabled": true}: the flag alone, as the docs describe it.
	dkimFlag = "flag"
	// dkimWithKey: {"dkim_enabled": "1", "public_key": ..., "record_name":
	// ..., "record_value": ...}: the flag as a string, with the key and the
	// DNS record the API writes.
	dkimWithKey = "with-key"
	// dkimStatusWord: {"dkim": {"status": "on"}}: wrapped, the flag a word.
	dkimStatusWord = "status-word"
)

// Forms of the autoresponder path and answer.
const (
	// autoresponderPathFull: {email} is the full address (as the mailbox
	// paths take it); the part before the @ is not found.
	autoresponderPathFull = "full-address"
	// autoresponderPathLocal: {email} is the part before the @ (as the
	// create's user); the full address is not found.
	autoresponderPathLocal = "local-part"
	// autoresponderBare: {"email": "a@d", "subject", "text", "cc": "OFF",
	// "reply_once_time": "2d"}: the create's fields.
	autoresponderBare = "bare"
	// autoresponderWrappedList: the same under autoresponder, in a
	// one-element list.
	autoresponderWrappedList = "wrapped-list"
	// autoresponderSparse: {"text", "cc": false}: no address, subject or
	// period; cc a boolean.
	autoresponderSparse = "sparse"
)

var webhostingSSLAlts = []AltSpec{
	{
		Name:  AltSSLObject,
		Forms: []string{sslNested, sslFlatStrings, sslPHPEmpty, sslWrapped},
		Why: "The docs give GET /webhosting/{id}/ssl no example answer, only that it includes whether SSL is enabled, the certificate " +
			"details if one is installed, and the list of valid hostnames. The flag may be a boolean or \"1\"/1 (FIELD-NOTES: booleans in " +
			"every form); the certificate an object, null, absent or [] when there is none; its names a list or one comma-separated " +
			"string; its expiry a date-time, a date or unix seconds; the whole bare or wrapped.",
	},
	{
		Name:  AltDKIMObject,
		Forms: []string{dkimFlag, dkimWithKey, dkimStatusWord},
		Why: "The docs say only that GET /webhosting/{id}/email-dkim returns whether DKIM signing is enabled, and show no answer, no public key " +
			"and no DNS record. The flag may come alone or beside the key and the record the API writes, as a boolean, \"1\" or a word, bare or wrapped.",
	},
	{
		Name:  AltAutoresponderPath,
		Forms: []string{autoresponderPathFull, autoresponderPathLocal},
		Why: "The docs call {email} of /webhosting/{id}/autoresponders/{email} \"the email address\" without saying whether the full address " +
			"(as the mailbox paths, which say so) or the part before the @ (as the create's user).",
	},
	{
		Name:  AltAutoresponderObject,
		Forms: []string{autoresponderBare, autoresponderWrappedList, autoresponderSparse},
		Why: "The docs give GET /webhosting/{id}/autoresponders/{email} no example answer (\"the details of a single automatic reply\"). " +
			"It may carry the create's fields bare or wrapped, or only some of them.",
	},
}
