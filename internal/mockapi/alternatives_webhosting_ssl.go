package mockapi

// The silent points of a hosting account's SSL certificate, DKIM signing and
// autoresponders. The docs describe these answers in words only: GET
// /webhosting/{id}/ssl "includes whether SSL is enabled, the certificate
// details if one is installed, and the list of valid hostnames".
const (
	// AltSSLObject: GET /webhosting/{id}/ssl.
	AltSSLObject Alt = "gigahost.ssl-object"
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

var webhostingSSLAlts = []AltSpec{
	{
		Name:  AltSSLObject,
		Forms: []string{sslNested, sslFlatStrings, sslPHPEmpty, sslWrapped},
		Why: "The docs give GET /webhosting/{id}/ssl no example answer, only that it includes whether SSL is enabled, the certificate " +
			"details if one is installed, and the list of valid hostnames. The flag may be a boolean or \"1\"/1 (FIELD-NOTES: booleans in " +
			"every form); the certificate an object, null, absent or [] when there is none; its names a list or one comma-separated " +
			"string; its expiry a date-time, a date or unix seconds; the whole bare or wrapped.",
	},
}
