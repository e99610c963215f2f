package mockapi

// The silent points of the operations behind the provider's actions and
// the IPMI ephemeral resource: Gigas VM reboot and network rebuild, Gigahost
// server reboot, power on/off, powerstate and KVM/IPMI sessions.
const (
	// AltGigasOperationAnswer: the answer to POST .../reboot and
	// .../rebuild_network (success 202, "Has Token: Yes", body not shown).
	AltGigasOperationAnswer Alt = "gigas.operation-answer"
	// AltPowerAnswer: the answer to GET /servers/{id}/reboot, /power/on and
	// /power/off; the docs show none.
	AltPowerAnswer Alt = "servers.power-answer"
	// AltPowerState: GET /servers/{id}/powerstate "gets your servers
	// powerstate if supported"; which servers do not support it is not said.
	AltPowerState Alt = "servers.powerstate"
	// AltIPMIAnswer: the field names of POST /servers/{id}/ipmi. The docs'
	// example answers username and password; the server record's
	// ipmi_session names them kvm_username and kvm_password, with kvm_expires.
	AltIPMIAnswer Alt = "servers.ipmi-answer"
)

// actionsAlts are the silent points of the actions and the IPMI session.
var actionsAlts = []AltSpec{
	{Name: AltGigasOperationAnswer, Forms: []string{"token", "empty"},
		Why: "reboot and rebuild_network answer 202 with \"Has Token: Yes\" and no body shown: {\"queue_token\": ...}, or no body while the VM is locked"},
	{Name: AltPowerAnswer, Forms: []string{"meta-only", "message", "empty"},
		Why: "reboot and power on/off show no answer: the bare meta, meta with a message and data [], or an empty body"},
	{Name: AltPowerState, Forms: []string{"reported", "unsupported"},
		Why: "powerstate is read \"if supported\": meta.powerstate as documented, or 405 for a server without it"},
	{Name: AltIPMIAnswer, Forms: []string{"documented", "record-fields"},
		Why: "the IPMI session as the docs' example answers it (kvm_ip_address, username, password), or with the ipmi_session names (kvm_username, kvm_password, kvm_expires)"},
}
