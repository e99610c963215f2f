package mockapi

// The silent points of the Gigas API. Each form is one plausible answer
// where the docs (gigas-quickstart.txt, gigas-virtual-machines.txt) and the
// field notes show none; the first form is the mock's default.
const (
	// AltGigasVMDisks: does the VM object also carry primary_disk_size and
	// swap_disk_size? The docs' entity table and create example have neither.
	AltGigasVMDisks Alt = "gigas.vm-disk-fields"
	// AltGigasDisks: the shape of GET .../virtual_machine/{id}/disks, a
	// "disk resource list" whose shape the docs do not show.
	AltGigasDisks Alt = "gigas.disks"
	// AltGigasVMList: the shape of GET /account/{id}/virtual_machines.
	AltGigasVMList Alt = "gigas.vm-list"
	// AltGigasVMObject: the shape of GET /account/{id}/virtual_machine/{id}
	// ("virtual machine resource"; only the create answer is shown, bare).
	AltGigasVMObject Alt = "gigas.vm-object"
	// AltGigasPutAnswer: the answer to a VM PUT ("Has Token: Yes", success
	// 202/200, body not shown).
	AltGigasPutAnswer Alt = "gigas.put-answer"
	// AltGigasBuiltStatus: the status a VM is in once its build completes.
	AltGigasBuiltStatus Alt = "gigas.built-status"
	// AltGigasDoneWord: the word a finished transaction reports. The field
	// notes show Completed and complete; another word is possible.
	AltGigasDoneWord Alt = "gigas.txn-done-word"
	// AltGigasDeleteAnswer: the answer to a VM DELETE: the docs say both "No
	// data is returned" and "Has Token: Yes".
	AltGigasDeleteAnswer Alt = "gigas.delete-answer"
	// AltGigasTokenRefresh: POST /token/refresh is not documented (the token
	// answer carries a refresh_token, so some refresh likely exists).
	AltGigasTokenRefresh Alt = "gigas.token-refresh"
)

// gigasAlts are the silent points of Gigas virtual machines.
var gigasAlts = []AltSpec{
	{
		Name: AltGigasVMDisks, Forms: []string{"absent", "present"},
		Why: "The VM entity table and the create example list no disk sizes; a live VM object may still carry them.",
	},
	{
		Name: AltGigasDisks, Forms: []string{"bare-list", "item-wrapped", "wrapped", "type-field", "unknown-fields", "unavailable"},
		Why: "GET /virtual_machine/{id}/disks returns a \"disk resource list\" whose shape is not shown: " +
			"a bare list of {id, label, disk_size (GB), primary, is_swap}; the same with each item under \"disk\"; " +
			"the list under \"disks\"; items told apart by type primary/swap with size_gb; " +
			"fields the client cannot read (capacity with no unit, no role); or the endpoint answering 404.",
		Unread: []string{"unknown-fields", "unavailable"},
	},
	{
		Name: AltGigasVMList, Forms: []string{"bare", "wrapped", "item-wrapped"},
		Why: "The VM list's shape is not shown: a bare array of VM objects, {\"virtual_machines\": [...]}, or [{\"virtual_machine\": {...}}].",
	},
	{
		Name: AltGigasVMObject, Forms: []string{"bare", "wrapped"},
		Why: "GET of one VM is not shown; the create answer is a bare VM object. It may be wrapped as {\"virtual_machine\": {...}}.",
	},
	{
		Name: AltGigasPutAnswer, Forms: []string{"token", "vm-with-token", "no-token"},
		Why: "The PUT answer is not shown: {id, queue_token} with 202; the VM object with queue_token; " +
			"or 200 with the VM object (old values) and no queue_token while the change is still applied.",
	},
	{
		Name: AltGigasBuiltStatus, Forms: []string{"online", "offline"},
		Why: "Nothing says whether a built VM is started; required_virtual_machine_build defaults to true, startup is not stated.",
	},
	{
		Name: AltGigasDoneWord, Forms: []string{"evidenced", "other"},
		Why: "The field notes show Completed and complete; another word for done (Success) would be neither pending nor completed.",
	},
	{
		Name: AltGigasDeleteAnswer, Forms: []string{"empty", "token"},
		Why: "Destroy a virtual machine: \"No data is returned\" yet \"Has Token: Yes\": 202 with no body, or {\"queue_token\": ...}.",
	},
	{
		Name: AltGigasTokenRefresh, Forms: []string{"present", "absent"},
		Why: "POST /token answers a refresh_token, but no refresh endpoint is documented; POST /token/refresh may answer 404.",
	},
}
