package webhosting

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes the web-hosting resources share; noun names one item
// ("mailbox", "forwarder", "database").

// idAttribute is the computed id; form says it, as "`<hosting_id>/<address>`,
// for example `1234/info@example.no`".
func idAttribute(form string) schema.StringAttribute {
	return schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: form + ".",
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func hostingIDAttribute(noun string) schema.Int64Attribute {
	return schema.Int64Attribute{
		Required:            true,
		MarkdownDescription: "Id of the web-hosting account (see the `gigahost_webhosting` data source). Changing it creates a new " + noun + ".",
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
	}
}

// localPartAttribute is email: the part of an address before the @.
func localPartAttribute(noun string) schema.StringAttribute {
	return schema.StringAttribute{
		Required: true,
		MarkdownDescription: "The part of the address before the `@`, for example `info`; the domain is the hosting account's. " +
			"Lower-case letters, digits and `.` `_` `+` `-`, starting and ending with a letter or digit, at most 64 characters. " +
			"Changing it creates a new " + noun + ".",
		Validators:    []validator.String{localPartValidator},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// computedAttribute is a computed string kept from the state in plans.
func computedAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: description,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// passwordAttributes are password, password_wo and password_wo_version:
// the password sensitive in the state, or write-only with a version.
func passwordAttributes(noun string) map[string]schema.Attribute {
	rule := fmt.Sprintf("%d to %d characters", minPasswordLength, maxPasswordLength)
	return map[string]schema.Attribute{
		"password": schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			MarkdownDescription: "The " + noun + " password, " + rule + ". Stored (sensitive) in the state; a change sets the new password " +
				"in place. Exactly one of `password` and `password_wo` must be set.",
			Validators: []validator.String{
				stringvalidator.LengthBetween(minPasswordLength, maxPasswordLength),
				stringvalidator.ExactlyOneOf(path.MatchRoot("password"), path.MatchRoot("password_wo")),
			},
		},
		"password_wo": schema.StringAttribute{
			Optional:  true,
			Sensitive: true,
			WriteOnly: true,
			MarkdownDescription: "Write-only " + noun + " password, " + rule + ": never stored in the plan or the state (Terraform 1.11 or later). " +
				"It is sent when the " + noun + " is created and again whenever `password_wo_version` changes.",
			Validators: []validator.String{stringvalidator.LengthBetween(minPasswordLength, maxPasswordLength)},
		},
		"password_wo_version": schema.Int64Attribute{
			Optional:            true,
			MarkdownDescription: "Any number; change it to send `password_wo` again (Terraform cannot see a change of a write-only value).",
			Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("password_wo"))},
		},
	}
}

// withAttributes merges attribute maps into one.
func withAttributes(maps ...map[string]schema.Attribute) map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for _, m := range maps {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// passwords are the three password attributes of a model.
type passwords struct {
	Password, PasswordWO types.String
	Version              types.Int64
}

// createPassword is the password a create sends: password, or else the
// write-only value, which is only in the configuration.
func createPassword(plan types.String, configWO types.String) string {
	if !plan.IsNull() {
		return plan.ValueString()
	}
	return configWO.ValueString()
}

// passwordChange decides whether an update sets the password: when
// password changes, when password_wo_version changes, or when the
// configuration moves from password to password_wo (the old password would
// otherwise silently stay).
func passwordChange(plan, state passwords, configWO types.String) (string, bool) {
	if !plan.Password.IsNull() {
		return plan.Password.ValueString(), !plan.Password.Equal(state.Password)
	}
	if configWO.IsNull() {
		return "", false
	}
	versionChanged := !plan.Version.Equal(state.Version)
	switchedForm := !state.Password.IsNull()
	return configWO.ValueString(), versionChanged || switchedForm
}
