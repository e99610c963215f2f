package sshkey

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// KeysDataSourceType is the data source's type name.
const KeysDataSourceType = "gigahost_ssh_keys"

var _ datasource.DataSourceWithConfigure = (*KeysDataSource)(nil)

// NewKeysDataSource returns the gigahost_ssh_keys data source.
func NewKeysDataSource() datasource.DataSource {
	return &KeysDataSource{DataSourceBase: providerdata.NewDataSourceBase(KeysDataSourceType)}
}

// KeysDataSource lists the account's SSH keys.
type KeysDataSource struct{ providerdata.DataSourceBase }

// Schema implements datasource.DataSource.
func (d *KeysDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SSH public keys of the Gigahost account, optionally filtered by name. " +
			"`ids` feeds `gigahost_server.ssh_key_ids` directly. Needs the `account` permission category (mode `r` is enough) on an API key.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only keys with exactly this name.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only keys whose name matches this regular expression (RE2 syntax), for example `^ops-`. With `name`, a key must match both.",
				Validators:          []validator.String{tfutil.ValidRegex()},
			},
			"ids": schema.ListAttribute{
				ElementType:         types.Int64Type,
				Computed:            true,
				MarkdownDescription: "The numeric ids of the matching keys, in the order of `keys`: what `gigahost_server.ssh_key_ids` takes.",
			},
			"keys": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The matching keys, by id.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          schema.StringAttribute{Computed: true, MarkdownDescription: "The key id, as a string (the `id` of a `gigahost_ssh_key`)."},
					"key_id":      schema.Int64Attribute{Computed: true, MarkdownDescription: "The key id as a number."},
					"name":        schema.StringAttribute{Computed: true, MarkdownDescription: "Label of the key."},
					"public_key":  schema.StringAttribute{Computed: true, MarkdownDescription: "The OpenSSH public key line, as the API stores it."},
					"fingerprint": schema.StringAttribute{Computed: true, MarkdownDescription: "SHA256 fingerprint (`SHA256:...`), as `ssh-keygen -lf` shows it; null when the API's key does not parse."},
					"created_at":  schema.Int64Attribute{Computed: true, MarkdownDescription: "When the key was added, in unix seconds."},
				}},
			},
		},
	}
}

// Read implements datasource.DataSource.
func (d *KeysDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	providerdata.ReadData(ctx, req, resp, d.Gigahost, func(ctx context.Context, c *gigahost.Client, m *keysModel, diags *diag.Diagnostics) {
		re, ok := tfutil.ConfigRegex(m.NameRegex, path.Root("name_regex"), diags)
		if !ok {
			return
		}
		keys, err := c.SSHKeys(ctx)
		if err != nil {
			addAPIError(diags, "Cannot list the Gigahost account's SSH keys", err)
			return
		}
		m.IDs, m.Keys = []types.Int64{}, []keyEntryModel{}
		for _, k := range sortedByID(keys) {
			name := string(k.Name)
			if (!m.Name.IsNull() && name != m.Name.ValueString()) || (re != nil && !re.MatchString(name)) {
				continue
			}
			var e keyEntryModel
			e.fromAPI(k)
			m.Keys = append(m.Keys, e)
			m.IDs = append(m.IDs, e.KeyID)
		}
	})
}
