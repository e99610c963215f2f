package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/actionbase"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// Actions on a server: operations that change nothing a resource could
// hold (a reboot, a power cycle), so they are never resources.

// Action type names.
const (
	RebootActionType = "gigahost_server_reboot"
	PowerActionType  = "gigahost_server_power"
)

// DefaultActionTimeout bounds an action when timeouts.invoke is unset: the
// call and, for power, the wait for the powerstate to show it.
const DefaultActionTimeout = 10 * time.Minute

var (
	_ action.ActionWithConfigure = (*RebootAction)(nil)
	_ action.ActionWithConfigure = (*PowerAction)(nil)
)

// Actions lists this family's actions.
func Actions() []func() action.Action {
	return []func() action.Action{NewRebootAction, NewPowerAction}
}

// RebootAction is gigahost_server_reboot.
type RebootAction struct{ actionbase.Action }

// NewRebootAction returns the reboot action.
func NewRebootAction() action.Action {
	return &RebootAction{actionbase.Action{TypeName: RebootActionType}}
}

// PowerAction is gigahost_server_power.
type PowerAction struct{ actionbase.Action }

// NewPowerAction returns the power action.
func NewPowerAction() action.Action {
	return &PowerAction{actionbase.Action{TypeName: PowerActionType}}
}

type rebootModel struct {
	ServerID types.String   `tfsdk:"server_id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

type powerModel struct {
	ServerID types.String   `tfsdk:"server_id"`
	State    types.String   `tfsdk:"state"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// serverIDOf reads a server_id the schema has checked to be digits.
func serverIDOf(v types.String) (int64, error) {
	id, err := strconv.ParseInt(v.ValueString(), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("server_id %q is not a server id: %w", v.ValueString(), err)
	}
	return id, nil
}

func actionServerID() schema.StringAttribute {
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "The server (`gigahost_server.id`, a numeric string).",
		Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a server id: digits only, such as 18856")},
	}
}

// actionsSection is the section of the server resource's page on the
// operations that are actions, not state.
const actionsSection = "## Actions\n\n" +
	"Operations on a server that hold no state are actions (Terraform 1.14 or later), triggered from a resource's " +
	"`lifecycle.action_trigger` or run with `terraform apply -invoke=action.<type>.<name>`:\n\n" +
	"- `" + RebootActionType + "`: reboots the server (every server, KVM VPS included).\n" +
	"- `" + PowerActionType + "`: powers it `on` or `off` and waits for its powerstate to show it; not available for KVM VPS products.\n" +
	"\nThe console is an ephemeral resource (Terraform 1.10 or later): `" + IPMIEphemeralType + "` opens a KVM/IPMI session, valid for 3 hours, " +
	"whose credentials are never written to the plan or the state.\n"

const invokeHow = "Trigger it from a resource's `lifecycle.action_trigger`, or run it with `terraform apply -invoke=action.%s.<name>`. Needs Terraform 1.14 or later."

// Schema implements action.Action.
func (a *RebootAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reboots a Gigahost server (`GET /servers/{id}/reboot`); it works on every server, KVM VPS included. " +
			"The reboot is sent once: when its answer is lost the action fails and says so rather than risk a second reboot, " +
			"since nothing the API shows tells whether the first took place. The API offers no way to wait for the server to be back. " +
			fmt.Sprintf(invokeHow, RebootActionType),
		Attributes: map[string]schema.Attribute{
			"server_id": actionServerID(),
			"timeouts":  actionbase.Timeouts(ctx, DefaultActionTimeout),
		},
	}
}

// Invoke implements action.Action.
func (a *RebootAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	actionbase.Invoke(ctx, req, resp, a.Gigahost, func(m *rebootModel) timeouts.Value { return m.Timeouts }, DefaultActionTimeout,
		func(ctx context.Context, c *gigahost.Client, m *rebootModel, progress client.Progress) (string, []string, error) {
			summary := "Reboot of server " + m.ServerID.ValueString()
			id, err := serverIDOf(m.ServerID)
			if err != nil {
				return summary, nil, err
			}
			return summary, nil, c.Reboot(ctx, id, progress)
		})
}

// Schema implements action.Action.
func (a *PowerAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Powers a Gigahost server on or off (`GET /servers/{id}/power/on` or `/power/off`), then waits until " +
			"`GET /servers/{id}/powerstate` shows the new state (where the server reports one; otherwise a warning says it could not be confirmed). " +
			"**Not available for KVM VPS products**: the API answers 405 there, and the action fails saying so; use `gigahost_server_reboot` instead. " +
			"A call whose answer is lost is sent again only after the powerstate shows the server is not yet in the state asked for. " +
			fmt.Sprintf(invokeHow, PowerActionType),
		Attributes: map[string]schema.Attribute{
			"server_id": actionServerID(),
			"state": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The power state to bring the server to: `on` or `off`.",
				Validators:          []validator.String{stringvalidator.OneOf("on", "off")},
			},
			"timeouts": actionbase.Timeouts(ctx, DefaultActionTimeout),
		},
	}
}

// Invoke implements action.Action.
func (a *PowerAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	actionbase.Invoke(ctx, req, resp, a.Gigahost, func(m *powerModel) timeouts.Value { return m.Timeouts }, DefaultActionTimeout,
		func(ctx context.Context, c *gigahost.Client, m *powerModel, progress client.Progress) (string, []string, error) {
			summary := fmt.Sprintf("Power %s of server %s", m.State.ValueString(), m.ServerID.ValueString())
			id, err := serverIDOf(m.ServerID)
			if err != nil {
				return summary, nil, err
			}
			warnings, err := c.SetPower(ctx, id, m.State.ValueString() == "on", progress)
			var unsupported *gigahost.PowerUnsupportedError
			if errors.As(err, &unsupported) {
				summary = fmt.Sprintf("Power control is not available for server %d (KVM VPS)", id)
			}
			return summary, warnings, err
		})
}
