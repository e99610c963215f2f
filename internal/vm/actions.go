package vm

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/actionbase"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
)

// Actions on a VM: operations that change nothing a resource could hold
// (a reboot, a network rebuild), so they are never resources.

// Action type names.
const (
	RebootActionType         = "gigas_virtual_machine_reboot"
	RebuildNetworkActionType = "gigas_virtual_machine_rebuild_network"
)

// DefaultActionTimeout bounds an action when timeouts.invoke is unset: the
// wait for the VM's lock, the operation's transaction and the lock again.
const DefaultActionTimeout = 20 * time.Minute

var (
	_ action.ActionWithConfigure = (*RebootAction)(nil)
	_ action.ActionWithConfigure = (*RebuildNetworkAction)(nil)
)

// Actions lists this family's actions.
func Actions() []func() action.Action {
	return []func() action.Action{NewRebootAction, NewRebuildNetworkAction}
}

// RebootAction is gigas_virtual_machine_reboot.
type RebootAction struct{ actionbase.Action }

// NewRebootAction returns the reboot action.
func NewRebootAction() action.Action {
	return &RebootAction{actionbase.Action{TypeName: RebootActionType}}
}

// RebuildNetworkAction is gigas_virtual_machine_rebuild_network.
type RebuildNetworkAction struct{ actionbase.Action }

// NewRebuildNetworkAction returns the network rebuild action.
func NewRebuildNetworkAction() action.Action {
	return &RebuildNetworkAction{actionbase.Action{TypeName: RebuildNetworkActionType}}
}

type rebootModel struct {
	VMID     types.String   `tfsdk:"virtual_machine_id"`
	Force    types.Bool     `tfsdk:"force"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

type rebuildNetworkModel struct {
	VMID     types.String   `tfsdk:"virtual_machine_id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func vmIDAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "The VM (`gigas_virtual_machine.id`, a numeric string).",
		Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a numeric VM id such as \"226661014786\"")},
	}
}

const operationWaits = "The action first waits until the VM is free of running operations (a VM is locked while one runs), " +
	"then sends the request once and waits for its queue token to complete, reporting each step as progress. " +
	"A request whose answer is lost is never sent again: the VM is read instead, and the action fails, saying so, when it cannot tell whether the operation took place. "

// Schema implements action.Action.
func (a *RebootAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reboots a Gigas virtual machine (`POST /account/{account_id}/virtual_machine/{id}/reboot`). " + operationWaits +
			"Trigger it from a resource's `lifecycle.action_trigger`, or run it with `terraform apply -invoke=action.gigas_virtual_machine_reboot.<name>`. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"virtual_machine_id": vmIDAttribute(),
			"force": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Kill the VM instead of shutting it down cleanly. Default `false`. " +
					"The API applies it on Oracle-backed VMs only; other providers ignore it and reboot cleanly.",
			},
			"timeouts": actionbase.Timeouts(ctx, DefaultActionTimeout),
		},
	}
}

// Invoke implements action.Action.
func (a *RebootAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	actionbase.Invoke(ctx, req, resp, a.Gigas, func(m *rebootModel) timeouts.Value { return m.Timeouts }, DefaultActionTimeout,
		func(ctx context.Context, c *gigas.Client, m *rebootModel, progress client.Progress) (string, []string, error) {
			id := m.VMID.ValueString()
			warnings, err := c.RebootVM(ctx, id, m.Force.ValueBool(), progress)
			return fmt.Sprintf("Reboot of VM %s", id), warnings, err
		})
}

// Schema implements action.Action.
func (a *RebuildNetworkAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Rebuilds the network of a Gigas virtual machine to apply network changes " +
			"(`POST /account/{account_id}/virtual_machine/{id}/rebuild_network`). " + operationWaits +
			"Trigger it from a resource's `lifecycle.action_trigger`, or run it with `terraform apply -invoke=action.gigas_virtual_machine_rebuild_network.<name>`. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"virtual_machine_id": vmIDAttribute(),
			"timeouts":           actionbase.Timeouts(ctx, DefaultActionTimeout),
		},
	}
}

// Invoke implements action.Action.
func (a *RebuildNetworkAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	actionbase.Invoke(ctx, req, resp, a.Gigas, func(m *rebuildNetworkModel) timeouts.Value { return m.Timeouts }, DefaultActionTimeout,
		func(ctx context.Context, c *gigas.Client, m *rebuildNetworkModel, progress client.Progress) (string, []string, error) {
			id := m.VMID.ValueString()
			warnings, err := c.RebuildVMNetwork(ctx, id, progress)
			return fmt.Sprintf("Network rebuild of VM %s", id), warnings, err
		})
}
