package providerdata

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Identity is a resource's identity (Terraform 1.12): the parts of its id,
// which an import block's identity gives instead of the id string.
//
// Every resource's id is its import id: one value, or values joined by "/"
// (<zone_id>/<record_id>). The identity holds those values as attributes
// named Parts, taken from the state's id after each create, read and
// update; the last part keeps any "/" of its own (an IPv6 subnet). An
// import by identity joins them back into the import id, so a resource's
// ImportState parses one form only.
type Identity struct {
	// Parts name the id's values, in order.
	Parts []string
	// Extra are state attributes that the identity also holds (copied as
	// they are in state), each optional in an import block.
	Extra []string
	// ImportID makes the import id from an import block's identity when
	// the parts alone do not (Extra are used); nil joins the parts.
	ImportID func(values map[string]string) (string, error)
	// Mutable: the id changes with the object (a DNS record's content hash).
	Mutable bool
}

// IDParts is the identity of a resource whose id is these values joined
// by "/".
func IDParts(parts ...string) Identity { return Identity{Parts: parts} }

// identityDescriptions describe the identity attributes the provider uses.
var identityDescriptions = map[string]string{
	"vm_id":              "The virtual machine's id.",
	"virtual_machine_id": "The virtual machine's id.",
	"iso_join_id":        "The id of the mount (the join between the ISO and the VM).",
	"server_id":          "The server's id (`srv_id`).",
	"address":            "The address: an e-mail address, or the IP address or IPv6 subnet of a reverse DNS name.",
	"snapshot_id":        "The snapshot's id.",
	"zone_id":            "The DNS zone's id.",
	"record_id":          "The record's id, a hash of its content (it changes whenever the record does). Leave it out to find the record by `name`, `type` and `value`.",
	"name":               "The name (of the record: relative to the zone, `@` for the apex; of the database: as configured).",
	"type":               "The record type.",
	"value":              "The record's value, as the zone's record list shows it.",
	"source":             "The redirect's source name.",
	"session_id":         "The BGP session's id.",
	"key_id":             "The key's id.",
	"hosting_id":         "The web-hosting account's id.",
	"username":           "The FTP account's username.",
}

func (id Identity) schema() identityschema.Schema {
	attrs := map[string]identityschema.Attribute{}
	for _, p := range id.Parts {
		a := identityschema.StringAttribute{Description: identityDescriptions[p]}
		if id.ImportID == nil || p == id.Parts[0] {
			a.RequiredForImport = true
		} else {
			a.OptionalForImport = true
		}
		attrs[p] = a
	}
	for _, e := range id.Extra {
		attrs[e] = identityschema.StringAttribute{Description: identityDescriptions[e], OptionalForImport: true}
	}
	return identityschema.Schema{Attributes: attrs}
}

// fromState sets identity from the state's id and Extra attributes. A null
// state sets nothing.
func (id Identity) fromState(ctx context.Context, st tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || st.Raw.IsNull() {
		return
	}
	var full types.String
	diags.Append(st.GetAttribute(ctx, path.Root("id"), &full)...)
	if diags.HasError() {
		return
	}
	// No id yet (a server order not yet deployed, an import of what does
	// not exist): empty parts, as the framework wants an identity after
	// every create and read.
	values := make([]string, len(id.Parts))
	if !full.IsNull() && !full.IsUnknown() {
		values = strings.SplitN(full.ValueString(), "/", len(id.Parts))
	}
	if len(values) != len(id.Parts) {
		diags.AddError("Cannot set the resource identity",
			fmt.Sprintf("The id %q has %d parts where %s were expected. This is a bug in the provider.", full.ValueString(), len(values), strings.Join(id.Parts, "/")))
		return
	}
	for i, p := range id.Parts {
		diags.Append(identity.SetAttribute(ctx, path.Root(p), values[i])...)
	}
	for _, e := range id.Extra {
		var v types.String
		diags.Append(st.GetAttribute(ctx, path.Root(e), &v)...)
		diags.Append(identity.SetAttribute(ctx, path.Root(e), v)...)
	}
}

// importID is the import id an import block's identity stands for.
func (id Identity) importID(ctx context.Context, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) (string, bool) {
	values := map[string]string{}
	for _, p := range append(append([]string{}, id.Parts...), id.Extra...) {
		var v types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(p), &v)...)
		values[p] = v.ValueString()
	}
	if diags.HasError() {
		return "", false
	}
	if id.ImportID != nil {
		s, err := id.ImportID(values)
		if err != nil {
			diags.AddError("Invalid import identity", err.Error())
			return "", false
		}
		return s, true
	}
	parts := make([]string, len(id.Parts))
	for i, p := range id.Parts {
		if values[p] == "" {
			diags.AddAttributeError(path.Root(p), "Invalid import identity", fmt.Sprintf("%s must not be empty.", p))
			return "", false
		}
		parts[i] = values[p]
	}
	return strings.Join(parts, "/"), true
}

// identified is a resource with its identity: the resource's own methods,
// and after each create, read and update the identity set from the state.
// It forwards the optional interfaces the provider's resources implement.
type identified struct {
	managed
	identity Identity
}

// managed is what every resource of the provider implements.
type managed interface {
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
}

var (
	_ resource.ResourceWithIdentity         = (*identified)(nil)
	_ resource.ResourceWithConfigure        = (*identified)(nil)
	_ resource.ResourceWithImportState      = (*identified)(nil)
	_ resource.ResourceWithModifyPlan       = (*identified)(nil)
	_ resource.ResourceWithValidateConfig   = (*identified)(nil)
	_ resource.ResourceWithConfigValidators = (*identified)(nil)
)

// Unwrap returns the resource inside an identified resource, for tests
// that call a resource's methods directly.
func Unwrap(r resource.Resource) resource.Resource {
	if w, ok := r.(*identified); ok {
		return w.managed
	}
	return r
}

// Metadata implements resource.Resource; a mutable identity is declared here.
func (r *identified) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.managed.Metadata(ctx, req, resp)
	resp.ResourceBehavior.MutableIdentity = r.identity.Mutable
}

// IdentitySchema implements resource.ResourceWithIdentity.
func (r *identified) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = r.identity.schema()
}

// Create implements resource.Resource.
func (r *identified) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.managed.Create(ctx, req, resp)
	r.identity.fromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// Read implements resource.Resource.
func (r *identified) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	r.managed.Read(ctx, req, resp)
	st := resp.State
	if st.Raw.IsNull() {
		// Gone: the framework still wants an identity; the prior one.
		st = req.State
	}
	r.identity.fromState(ctx, st, resp.Identity, &resp.Diagnostics)
}

// Update implements resource.Resource.
func (r *identified) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.managed.Update(ctx, req, resp)
	r.identity.fromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// ImportState implements resource.ResourceWithImportState: an identity is
// turned into the import id the resource parses.
func (r *identified) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		id, ok := r.identity.importID(ctx, req.Identity, &resp.Diagnostics)
		if !ok {
			return
		}
		req.ID = id
	}
	r.managed.ImportState(ctx, req, resp)
}

// Configure implements resource.ResourceWithConfigure.
func (r *identified) Configure(ctx context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.managed.Configure(ctx, req, resp)
}

// ModifyPlan implements resource.ResourceWithModifyPlan.
func (r *identified) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if m, ok := r.managed.(resource.ResourceWithModifyPlan); ok {
		m.ModifyPlan(ctx, req, resp)
	}
}

// ValidateConfig implements resource.ResourceWithValidateConfig.
func (r *identified) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := r.managed.(resource.ResourceWithValidateConfig); ok {
		v.ValidateConfig(ctx, req, resp)
	}
}

// ConfigValidators implements resource.ResourceWithConfigValidators.
func (r *identified) ConfigValidators(ctx context.Context) []resource.ConfigValidator {
	if v, ok := r.managed.(resource.ResourceWithConfigValidators); ok {
		return v.ConfigValidators(ctx)
	}
	return nil
}
