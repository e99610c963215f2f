package mockapi

// dnsAlts are the silent points of Gigahost DNS (zones, records, redirects).
var dnsAlts = []AltSpec{}
