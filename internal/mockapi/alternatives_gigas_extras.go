package mockapi

// The silent points of the Gigas VM extras: the VM's IP address list and
// its ISO mounts (gigas-virtual-machines.txt names these endpoints but shows
// no answer). The first form of each is the mock's default.
const (
	// AltGigasIPAddresses: the shape of GET .../virtual_machine/{id}/ip_addresses.
	AltGigasIPAddresses Alt = "gigas.vm-ip-addresses"
	// AltGigasISOList: the shape of GET .../virtual_machine/{id}/isos
	// ("Iso Join Resource", not shown).
	AltGigasISOList Alt = "gigas.vm-isos"
	// AltGigasISOMountAnswer: the answer to POST .../virtual_machine/{id}/iso
	// ("Success Code 200", "Has Token: Yes", body not shown).
	AltGigasISOMountAnswer Alt = "gigas.vm-iso-mount-answer"
)

// gigasExtrasAlts are the silent points of the VM's addresses and ISOs.
var gigasExtrasAlts = []AltSpec{
	{
		Name: AltGigasIPAddresses, Forms: []string{"bare", "wrapped", "item-wrapped", "ip-address-field", "no-public-flag", "unknown-fields"},
		Why: "GET /virtual_machine/{id}/ip_addresses is documented with filters (network_id, interface_id, public) but no answer: " +
			"a bare list of {id, address, netmask, gateway, network_id, interface_id, is_public} (names from the create's selected_ip_* " +
			"parameters and the documented network usage resource); the list under \"ip_addresses\"; each item under \"ip_address\"; " +
			"the address under \"ip_address\" and the flag as \"public\" (the filter's name); no public flag at all; " +
			"or fields the client cannot read (\"ip\").",
		Unread: []string{"unknown-fields"},
	},
	{
		Name: AltGigasISOList, Forms: []string{"bare", "wrapped", "item-wrapped", "unknown-fields"},
		Why: "GET /virtual_machine/{id}/isos returns an \"Iso Join Resource\" whose fields are not shown: a bare list of " +
			"{id (the iso join id), iso_id, iso_url, virtual_machine_id}; the list under \"isos\"; each item under \"iso_join\"; " +
			"or items without an id the client can read.",
		Refused: []string{"unknown-fields"},
	},
	{
		Name: AltGigasISOMountAnswer, Forms: []string{"join-with-token", "token-only", "empty"},
		Why: "POST /virtual_machine/{id}/iso answers 200 with \"Has Token: Yes\" and no body shown: the iso join with queue_token; " +
			"{queue_token} alone (the join id must then be found in the list); or no body at all.",
	},
}
