package vm

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// gigasClient returns the Gigas client or adds a diagnostic that says which
// credential is missing.
func gigasClient(clients *providerdata.Clients, diags *diag.Diagnostics) *gigas.Client {
	if clients == nil {
		diags.AddError("Provider not configured", "The provider was not configured before use; this is a bug in the provider.")
		return nil
	}
	c, err := clients.Gigas()
	if err != nil {
		diags.AddError("Gigas credentials missing", err.Error())
		return nil
	}
	return c
}
