package sshkey

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// KeysDataSourceType is the data source's type name.
const KeysDataSourceType = "gigahost_ssh_keys"

// NewKeysDataSource returns the gigahost_ssh_keys data source: the
// account's SSH keys, by id.
func NewKeysDataSource() datasource.DataSource {
	keyName := func(k gigahost.SSHKey) string { return string(k.Name) }
	return providerdata.NewListDataSource(providerdata.ListSpec[gigahost.Client, gigahost.SSHKey, keyModel]{
		TypeName: KeysDataSourceType,
		Description: "Lists the SSH public keys of the Gigahost account, optionally filtered by name. " +
			"`ids` feeds `gigahost_server.ssh_key_ids` directly. Needs the `account` permission category (mode `r` is enough) on an API key.",
		Client: providerdata.GigahostClient,
		List: func(c *gigahost.Client, ctx context.Context) ([]gigahost.SSHKey, error) {
			keys, err := c.SSHKeys(ctx)
			return sortedByID(keys), err
		},
		ListError: "Cannot list the Gigahost account's SSH keys",
		APIError:  addAPIError,
		Filters: []providerdata.ListFilter[gigahost.SSHKey]{
			{Attribute: "name", Match: providerdata.MatchExact, Field: keyName, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				Description: "Keep only keys with exactly this name."},
			{Attribute: "name_regex", Match: providerdata.MatchRegex, Field: keyName,
				Description: "Keep only keys whose name matches this regular expression (RE2 syntax), for example `^ops-`. With `name`, a key must match both."},
		},
		Attribute: "keys", AttributeDescription: "The matching keys, by id.",
		Item: map[string]schema.Attribute{
			"id":          providerdata.ComputedString("The key id, as a string (the `id` of a `gigahost_ssh_key`)."),
			"key_id":      providerdata.ComputedInt64("The key id as a number."),
			"name":        providerdata.ComputedString("Label of the key."),
			"public_key":  providerdata.ComputedString("The OpenSSH public key line, as the API stores it."),
			"fingerprint": providerdata.ComputedString("SHA256 fingerprint (`SHA256:...`), as `ssh-keygen -lf` shows it; null when the API's key does not parse."),
			"created_at":  providerdata.ComputedInt64("When the key was added, in unix seconds."),
		},
		Convert: keyFromAPI,
		Derived: map[string]providerdata.Derived[keyModel]{"ids": {
			Schema: schema.ListAttribute{
				ElementType:         types.Int64Type,
				Computed:            true,
				MarkdownDescription: "The numeric ids of the matching keys, in the order of `keys`: what `gigahost_server.ssh_key_ids` takes.",
			},
			Value: func(keys []keyModel) any {
				ids := make([]types.Int64, 0, len(keys))
				for _, k := range keys {
					ids = append(ids, k.KeyID)
				}
				return ids
			},
		}},
	})
}
