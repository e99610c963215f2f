// Package actionbase is what every action and ephemeral resource embeds,
// as resources embed providerdata.ResourceBase: the type name, Configure,
// the clients, and the frame of an action's Invoke (configuration, client,
// timeout, progress, warnings and errors as diagnostics).
package actionbase

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// Action is embedded by every action: its type name and Configure.
type Action struct {
	TypeName string
	providerdata.ClientsHolder
}

// Metadata implements action.Action.
func (b *Action) Metadata(_ context.Context, _ action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = b.TypeName
}

// Configure implements action.ActionWithConfigure.
func (b *Action) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	b.SetProviderData(req.ProviderData, &resp.Diagnostics)
}

// Ephemeral is embedded by every ephemeral resource: its type name and
// Configure.
type Ephemeral struct {
	TypeName string
	providerdata.ClientsHolder
}

// Metadata implements ephemeral.EphemeralResource.
func (b *Ephemeral) Metadata(_ context.Context, _ ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = b.TypeName
}

// Configure implements ephemeral.EphemeralResourceWithConfigure.
func (b *Ephemeral) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	b.SetProviderData(req.ProviderData, &resp.Diagnostics)
}

// Timeouts is every action's optional timeouts = { invoke = "..." }, with
// def, the bound when it is unset, in its description.
func Timeouts(ctx context.Context, def time.Duration) schema.Attribute {
	desc := fmt.Sprintf("How long the action may take in all, waits included, as a duration such as `30s`, `10m` or `1h`. Default `%s`.", strings.TrimSuffix(def.String(), "0s"))
	attr := timeouts.AttributesWithOpts(ctx, timeouts.Opts{InvokeDescription: desc})
	if nested, ok := attr.(schema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = "Timeouts: `timeouts = { invoke = \"30m\" }`. " + desc
		return nested
	}
	return attr
}

// Invoke is the frame of every action's Invoke: the configuration into a
// model M, the client, a context bounded by the model's timeouts (def when
// unset), then run, which returns warnings and an error. Progress messages
// go to Terraform as they come; warnings become warning diagnostics; an
// error becomes an error diagnostic under summary, with the API's status
// and message.
func Invoke[M any, C any](ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse,
	client func(*diag.Diagnostics) *C, timeoutsOf func(*M) timeouts.Value, def time.Duration,
	run func(ctx context.Context, c *C, m *M, progress client.Progress) (summary string, warnings []string, err error),
) {
	m, c, ok := providerdata.Load[M](ctx, req.Config, &resp.Diagnostics, client)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, timeoutsOf(&m).Invoke, def, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	progress := func(msg string) {
		if resp.SendProgress != nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: msg})
		}
	}
	summary, warnings, err := run(ctx, c, &m, progress)
	for _, w := range warnings {
		resp.Diagnostics.AddWarning(summary, w)
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, summary, err)
	}
}
