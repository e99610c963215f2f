package sshkey

import (
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/opcache"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// The API has no endpoint for one SSH key: every key is found in the
// account's list (GET /account). Refreshing N keys, and the data source,
// share one list per provider instance (one Terraform operation); every
// write drops it (successful or not: it may have acted), so a read after a
// write lists again.

const sharedKey = "gigahost/sshkeys"

// keyList is the shared list of one provider instance.
type keyList = opcache.Value[[]gigahost.SSHKey]

func sharedKeys(c *providerdata.Clients) *keyList {
	return opcache.Shared(c, sharedKey, func() *keyList { return &keyList{} })
}
