package mockapi

// The silent points of the Gigahost envelope. The field notes say errors
// come as meta.status plus meta.message or meta.error; the docs' error
// examples show only the envelope, not the HTTP status it travels with.
const (
	// AltErrorStatus: the HTTP status of an error answer.
	AltErrorStatus Alt = "gigahost.error-status"
)

// Forms of AltErrorStatus.
const (
	// errorsAsHTTP: the HTTP status is meta.status.
	errorsAsHTTP = "http-status"
	// errorsAs200: every 4xx error travels as HTTP 200, meta.status
	// carrying the error.
	errorsAs200 = "http-200-meta"
)

var envelopeAlts = []AltSpec{
	{
		Name:  AltErrorStatus,
		Forms: []string{errorsAsHTTP, errorsAs200},
		Why: "FIELD-NOTES: errors come as meta.status plus meta.message or meta.error. No source shows the HTTP status of an error answer; " +
			"some PHP APIs answer every request 200 and put the error in the envelope only.",
	},
}
