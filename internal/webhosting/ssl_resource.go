package webhosting

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// SSLResourceType is the resource's type name.
const SSLResourceType = "gigahost_webhosting_ssl"

// defaultSSLCreateTimeout bounds the wait for the certificate ("usually
// issued within a minute").
const defaultSSLCreateTimeout = 10 * time.Minute

// NewSSLResource returns the gigahost_webhosting_ssl resource.
func NewSSLResource() resource.Resource {
	return providerdata.NewResource[SSLResource](SSLResourceType, providerdata.IDParts("hosting_id"))
}

// SSLResource is the free SSL certificate of a Gigahost web-hosting account.
type SSLResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *SSLResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keepState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The free SSL certificate of a Gigahost web-hosting account (one per account). " +
			"Create requests the certificate and waits until it is installed and covers every host name " +
			"(the API says it is usually issued within a minute; bounded by `timeouts.create`). " +
			"**The host names must resolve to the hosting account** before the certificate can be issued: when their DNS records " +
			"are managed in the same configuration, make this resource depend on them (`depends_on`). " +
			"If the wait fails, the resource stays in the state as tainted: the next apply removes the request and asks again. " +
			"The API has no update: a change of the host names or the key size removes the certificate and requests a new one. " +
			"Destroy removes the certificate and verifies it by reading the account back. Import with the hosting account id.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The hosting account id, as a string.",
				PlanModifiers:       keepState,
			},
			"hosting_id": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "Id of the web-hosting account (see the `gigahost_webhosting` data source). Changing it replaces the certificate.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"hostnames": schema.SetAttribute{
				Required:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The host names to secure, in lower case, all under the account's main domain " +
					"(for example `example.no` and `www.example.no`; `valid_hostnames` lists those the account can secure). " +
					"Read back from the installed certificate, so a certificate replaced outside Terraform shows as a change. " +
					"Changing them requests a new certificate.",
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.RegexMatches(sslHostnamePattern,
						"must be a lower-case host name of two or more dot-separated labels (letters, digits and hyphens, 1 to 63 characters each, no leading or trailing hyphen)")),
				},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
			},
			"keysize": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The key: `secp384r1` (the API's default when unset), `secp256r1` or `rsa_4096`. " +
					"The API does not show it, so it is kept as configured; after an import, setting it changes only the state. " +
					"Changing it otherwise requests a new certificate.",
				Validators: []validator.String{stringvalidator.OneOf(sslKeySizes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
					// After an import the key size is not known (null): setting
					// it then records it and sends nothing.
					resp.RequiresReplace = !req.StateValue.IsNull()
				}, "Changing the key size requests a new certificate.", "Changing the key size requests a new certificate.")},
			},
			"enabled": schema.BoolAttribute{
				Computed:            true,
				MarkdownDescription: "Whether SSL is enabled on the account, as the API reports it.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"expires_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the installed certificate expires, RFC 3339 in UTC (null when the API does not say). Renewal is the API's.",
				PlanModifiers:       keepState,
			},
			"valid_hostnames": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The host names the account can secure, as the API lists them.",
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true,
				CreateDescription: "How long to wait for the certificate to be issued (default 10m)."}),
		},
	}
}

// Create implements resource.Resource.
func (r *SSLResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, c, ok := providerdata.Load[sslModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Create, defaultSSLCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	in, diags := plan.toAPI(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	hostingID := plan.HostingID.ValueInt64()
	if err := c.RequestSSL(ctx, hostingID, in); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot request an SSL certificate for hosting account %d", hostingID), err)
		return
	}
	// The request is taken: the resource goes to state before the wait, so
	// that a failed wait leaves it tainted (replaced by the next apply,
	// removed by destroy), never unknown to Terraform.
	plan.ID = types.StringValue(hostingIDString(hostingID))
	s, err := c.WaitSSL(ctx, hostingID, in.Hostnames)
	if err != nil {
		plan.nullUnknowns()
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		addAPIError(&resp.Diagnostics, fmt.Sprintf("The SSL certificate of hosting account %d was requested but not issued; it is saved in state as tainted", hostingID), err)
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(ctx, hostingID, s)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read implements resource.Resource.
func (r *SSLResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, c, ok := providerdata.Load[sslModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := state.HostingID.ValueInt64()
	s, err := c.HostingSSL(ctx, hostingID)
	if client.IsNotFound(err) || (err == nil && !s.Installed) {
		// The certificate, or the whole account, is gone: the plan requests it again.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the SSL certificate of hosting account %d", hostingID), err)
		return
	}
	resp.Diagnostics.Append(state.fromAPI(ctx, hostingID, s)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. Every change of the certificate
// replaces it; what is left is the state's own: the key size set after an
// import, and the timeouts. Nothing is sent.
func (r *SSLResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	planToState[sslModel](ctx, req, resp)
}

// planToState is the Update of a resource whose API changes nothing in
// place: the plan (computed values kept from the state) becomes the state.
func planToState[M any](ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

// Delete implements resource.Resource.
func (r *SSLResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[sslModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID := state.HostingID.ValueInt64()
	if err := c.DeleteSSL(ctx, hostingID); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot remove the SSL certificate of hosting account %d", hostingID), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is the
// hosting account id.
func (r *SSLResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importHostingID(ctx, req, resp)
}

// importHostingID imports a one-per-account resource by its hosting id.
func importHostingID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	hostingID, err := parseHostingID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), hostingIDString(hostingID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("hosting_id"), hostingID)...)
}
