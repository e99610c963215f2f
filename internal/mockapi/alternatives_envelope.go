package mockapi

// envelopeAlts are the silent points of the Gigahost envelope and other cross-cutting forms.
var envelopeAlts = []AltSpec{}
