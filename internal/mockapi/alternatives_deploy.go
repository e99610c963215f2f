package mockapi

// The silent points of Gigahost servers and deploy.
const (
	// AltServerBackupsFlag: what srv_feature_backups shows. The live sample
	// shows false on a server ordered without backups; nothing shows it on
	// one ordered with them, nor that it is the ordered option at all (the
	// other srv_feature_* flags are capabilities).
	AltServerBackupsFlag Alt = "servers.backups-flag"
	// AltServerOrderStatus: the order_status of a live server's record. The
	// live sample shows "active"; the docs' GET /servers/{id} example shows
	// "cancelled" on a live server.
	AltServerOrderStatus Alt = "servers.order-status"
	// AltCancelledServer: what the views show of a server once cancelled
	// with early termination. FIELD-NOTES: a second cancel answers 400 (so
	// it is no longer a server to cancel); whether the record vanishes or
	// stays with srv_deleted or a "cancelled" mark is not shown.
	AltCancelledServer Alt = "servers.cancelled"
	// AltServerListItems: what GET /servers items carry. The docs' example
	// has no order or datacenter object (the record of GET /servers/{id} has).
	AltServerListItems Alt = "servers.list-items"
	// AltRenameField: which field shows a name set with PUT /servers/{id}/name
	// ("Update your servers descriptive name"): srv_name or srv_label.
	AltRenameField Alt = "servers.rename-field"
	// AltDeployOrderIDs: the form of order_ids in the deploy answer. The
	// docs show numbers; FIELD-NOTES say ids are strings elsewhere.
	AltDeployOrderIDs Alt = "deploy.order-ids"
	// AltOrderIDGap: how far apart the order ids of one account's orders
	// are. Order ids are shared by the whole platform (docs examples:
	// consecutive within a minute; about a dozen orders a day).
	AltOrderIDGap Alt = "deploy.order-id-gap"
	// AltStatusForeignIDs: how GET /deploy/status answers ids that are no
	// order of the account (not documented): left out, or refused with 400.
	AltStatusForeignIDs Alt = "deploy.status-foreign-ids"
)

// deployAlts are the silent points of Gigahost servers and deploy.
var deployAlts = []AltSpec{
	{Name: AltServerBackupsFlag, Forms: []string{"ordered", "false", "true"},
		Why: "srv_feature_backups: the ordered option (ordered), always false, or a capability always true"},
	{Name: AltServerOrderStatus, Forms: []string{"active", "cancelled"},
		Why: "order.order_status of a live server: active (live sample) or cancelled (docs example)"},
	{Name: AltCancelledServer, Forms: []string{"vanishes", "deleted", "marked"},
		Why: "after a cancel: the server leaves the views, stays with srv_deleted \"1\", or stays with \"cancelled\" set"},
	{Name: AltServerListItems, Forms: []string{"record", "bare"},
		Why: "GET /servers items: the full record, or as the docs' example without order and datacenter"},
	{Name: AltRenameField, Forms: []string{"srv_name", "srv_label"},
		Why: "PUT /servers/{id}/name lands in srv_name or in srv_label"},
	{Name: AltDeployOrderIDs, Forms: []string{"numbers", "strings"},
		Why: "order_ids of POST /deploy/servers as numbers (docs) or numeric strings"},
	{Name: AltOrderIDGap, Forms: []string{"consecutive", "gapped"},
		Why: "order ids of successive orders: consecutive, or with other customers' orders between (up to 40)"},
	{Name: AltStatusForeignIDs, Forms: []string{"ignored", "refused"},
		Why: "GET /deploy/status with ids of no order of the account: left out of the list, or a 400"},
}
