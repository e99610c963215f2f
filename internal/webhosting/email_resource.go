package webhosting

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// EmailResourceType is the resource's type name.
const EmailResourceType = "gigahost_webhosting_email"

// NewEmailResource returns the gigahost_webhosting_email resource.
func NewEmailResource() resource.Resource {
	return providerdata.NewResource[EmailResource](EmailResourceType, providerdata.IDParts("hosting_id", "address"))
}

// EmailResource is an e-mail account of a Gigahost web-hosting account.
type EmailResource struct{ providerdata.ResourceBase }

// Schema implements resource.Resource.
func (r *EmailResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An e-mail account (mailbox) of a Gigahost web-hosting account. " +
			"Give the password either as `password` (sensitive, kept in the state) or as the write-only `password_wo` " +
			"(Terraform 1.11 or later; never stored in the plan or the state) with `password_wo_version`. " +
			"The API never returns a password, so a password changed outside Terraform is not detected. " +
			"Import with `<hosting_id>/<address>`; the password is then unknown to Terraform: with `password`, the next apply sets it " +
			"again, with `password_wo` nothing is sent until `password_wo_version` is set or changed. " +
			"A create whose answer is lost is resolved by listing the account (the mailbox is adopted, never created twice); " +
			"a destroy is verified by listing the account, and fails if the mailbox is still there.",
		Attributes: withAttributes(passwordAttributes("mailbox"), map[string]schema.Attribute{
			"id":         idAttribute("`<hosting_id>/<address>`, for example `1234/info@example.no`"),
			"hosting_id": hostingIDAttribute("mailbox"),
			"email":      localPartAttribute("mailbox"),
			"address":    computedAttribute("The full address, `<email>@<domain>`."),
			"quota": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Mailbox size in MB; `0` means unlimited. When unset, the API's default, shown after creation. Changed in place. " +
					"If the API's mailbox list does not show quotas, the configured or last known value is kept (null when neither is known).",
				Validators:    []validator.Int64{int64validator.AtLeast(0)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		}),
	}
}

// Create implements resource.Resource.
func (r *EmailResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, config, c, ok := loadCreate[emailModel](ctx, req, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	// A write-only value is only in the configuration, never in the plan.
	password := createPassword(plan.Password, config.PasswordWO)
	hostingID := plan.HostingID.ValueInt64()
	mb, err := c.CreateMailbox(ctx, hostingID, plan.toAPI(password), logCreateAgain(hostingID, plan.Email.ValueString()))
	if address := createdAddress(mb, err); address != "" {
		// The mailbox exists from now on: its id goes to state even when
		// reading it back failed, so that the resource is tainted (replaced
		// by the next apply, deleted by destroy) rather than a mailbox
		// Terraform does not know of.
		plan.ID = types.StringValue(emailID(hostingID, address))
		plan.Address = types.StringValue(address)
		plan.Email = types.StringValue(strings.SplitN(address, "@", 2)[0])
		plan.PasswordWO = types.StringNull()
		if plan.Quota.IsUnknown() {
			plan.Quota = types.Int64Null()
		}
	}
	if err != nil {
		if !plan.ID.IsUnknown() && !plan.ID.IsNull() {
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
			addAPIError(&resp.Diagnostics, fmt.Sprintf("The e-mail account %s was created but cannot be read back; it is saved in state as tainted", plan.Address.ValueString()), err)
			return
		}
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot create the e-mail account %q in hosting account %d", plan.Email.ValueString(), hostingID), err)
		return
	}
	plan.fromAPI(hostingID, mb)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// createdAddress is the address of a mailbox that a create made, known or
// not read back; "" when the create made nothing known.
func createdAddress(mb gigahost.Mailbox, err error) string {
	if err == nil {
		return mb.Address
	}
	var notRead *gigahost.ErrMailboxNotRead
	if errors.As(err, &notRead) {
		return notRead.Address
	}
	return ""
}

// logCreateAgain logs each new attempt of a create whose answer was lost.
func logCreateAgain(hostingID int64, local string) func(ctx context.Context, attempt int, err error) {
	return func(ctx context.Context, attempt int, err error) {
		tflog.Debug(ctx, "E-mail account create: answer lost and the account is not in the list; creating it again", map[string]any{
			"hosting_id": hostingID, "email": local, "attempt": attempt, "error": err.Error(),
		})
	}
}

// Read implements resource.Resource.
func (r *EmailResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state emailModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	hostingID, address, err := parseEmailID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Invalid id in state", err.Error())
		return
	}
	c := r.Gigahost(&resp.Diagnostics)
	if c == nil {
		return
	}
	// Every mailbox of the account is read from one list per operation.
	list, err := c.Mailboxes(ctx, hostingID)
	mb, found := gigahost.FindMailbox(list, address)
	if client.IsNotFound(err) || (err == nil && !found) {
		// The mailbox, or its whole hosting account, is gone: the plan re-creates it.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the e-mail account %s", address), err)
		return
	}
	state.fromAPI(hostingID, mb)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource. Only the password, its version and
// the quota can change in place; everything else replaces the mailbox.
func (r *EmailResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, config, c, ok := loadUpdate[emailModel](ctx, req, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address := state.HostingID.ValueInt64(), state.Address.ValueString()
	if !plan.Quota.IsUnknown() && !plan.Quota.Equal(state.Quota) {
		if err := c.SetMailboxQuota(ctx, hostingID, address, plan.Quota.ValueInt64()); err != nil {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot change the quota of %s", address), err)
			return
		}
	}
	if password, send := passwordToSend(plan, state, config); send {
		if err := c.SetMailboxPassword(ctx, hostingID, address, password); err != nil {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot change the password of %s", address), err)
			return
		}
	}

	// The account's list, kept current by the writes above when this
	// operation has read it already.
	list, err := c.Mailboxes(ctx, hostingID)
	mb, found := gigahost.FindMailbox(list, address)
	if err == nil && !found {
		err = fmt.Errorf("the e-mail account %s is no longer in the list of hosting account %d", address, hostingID)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read the e-mail account %s after the update", address), err)
		return
	}
	plan.fromAPI(hostingID, mb)
	plan.PasswordWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// passwordToSend decides whether an update sets the password (passwordChange).
func passwordToSend(plan, state, config emailModel) (string, bool) {
	return passwordChange(plan.passwords(), state.passwords(), config.PasswordWO)
}

// Delete implements resource.Resource.
func (r *EmailResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, c, ok := providerdata.Load[emailModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	hostingID, address := state.HostingID.ValueInt64(), state.Address.ValueString()
	if err := c.DeleteMailbox(ctx, hostingID, address); err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot delete the e-mail account %s", address), err)
	}
}

// ImportState implements resource.ResourceWithImportState: the id is
// <hosting_id>/<address>; Read then fills the rest. The password stays
// unknown to Terraform (null in the state).
func (r *EmailResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAddressID(ctx, req, resp)
}

// localPartValidator checks the part of an address before the @.
var localPartValidator = tfutil.StringValidator("must be a valid e-mail local part: lower-case letters, digits and . _ + -, starting and ending with a letter or digit, at most 64 characters",
	func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
			return
		}
		if problem := localPartProblem(req.ConfigValue.ValueString()); problem != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid e-mail local part",
				fmt.Sprintf("%s %q %s (it is the part before the @, without the domain).", req.Path, req.ConfigValue.ValueString(), problem))
		}
	})
