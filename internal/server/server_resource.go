package server

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ResourceType is the server resource's type name.
const ResourceType = "gigahost_server"

var (
	_ resource.ResourceWithConfigValidators = (*ServerResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*ServerResource)(nil)
)

// Defaults of the timeouts block.
const (
	defaultCreateTimeout = 60 * time.Minute
	defaultUpdateTimeout = 60 * time.Minute
	defaultDeleteTimeout = 20 * time.Minute
)

// Reinstall settings: the API requires them and they are not worth an
// attribute each; a user can change them on the server afterwards.
const (
	reinstallLanguage = "en_US"
	reinstallKeyboard = "en"
	reinstallTimezone = "Europe/Oslo"
)

// cancelReason is sent with every cancellation.
const cancelReason = "Destroyed by Terraform (terraform-provider-giga)"

// NewServerResource returns the gigahost_server resource.
func NewServerResource() resource.Resource {
	return providerdata.NewResource[ServerResource](ResourceType, serverIdentity)
}

// ServerResource deploys, renames, reinstalls and cancels Gigahost servers.
type ServerResource struct{ providerdata.ResourceBase }

// hostnameRE is an RFC 1123 host name: dot-separated labels of letters,
// digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen.
var hostnameRE = regexp.MustCompile(`^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`)

// ConfigValidators implements resource.ResourceWithConfigValidators.
func (r *ServerResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{imageValidator{}}
}

// ModifyPlan warns about an in-place reinstall and marks the password as changing.
func (r *ServerResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var state, plan serverModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !reinstallPlanned(&state, &plan) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("os_id"), "Server will be reinstalled",
		fmt.Sprintf("Changing os_id from %d to %s reinstalls server %s in place: all data on its disks is erased and a new root password is set.",
			state.OSID.ValueInt64(), plan.OSID.String(), state.ID.ValueString()))
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("root_password"), types.StringUnknown())...)
}

func reinstallPlanned(state, plan *serverModel) bool {
	return !state.OSID.IsNull() && !plan.OSID.IsNull() && !state.OSID.Equal(plan.OSID)
}

// Create implements resource.Resource.
func (r *ServerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	m, c, ok := providerdata.Load[serverModel](ctx, req.Plan, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, m.Timeouts.Create, defaultCreateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	priceID := m.PriceID.ValueInt64()
	if m.PriceID.IsNull() || m.PriceID.IsUnknown() {
		var ok bool
		if priceID, ok = r.catalogPrice(ctx, c, &m, &resp.Diagnostics); !ok {
			return
		}
		m.PriceID = types.Int64Value(priceID)
	}
	in, diags := m.toDeploy(ctx, priceID)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	res, orderID, ok := deploy(ctx, c, in, &resp.Diagnostics)
	if !ok {
		return
	}

	// The order is billable from now on: save it in state before waiting,
	// so that a failed wait, a timeout or a crash leaves a tainted resource
	// that destroy can cancel instead of an orphaned server. The server id
	// is known already when the answer was lost and the order's server was
	// found instead.
	m.OrderID = idString(orderID)
	m.ID = idString(res.ServerID)
	m.unknownsToNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	if held := res.Held(); held != "" {
		// Saved but not deploying: keep the order (never order again) and
		// say what the user must do.
		// A warning, not an error: an error would taint the resource, and
		// its replacement would then cancel the server once deployed.
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, heldKey, []byte(strconv.Quote(held)))...)
		resp.Diagnostics.AddWarning(heldSummary(orderID, held), heldDetail(orderID, held))
		return
	}

	out, err := c.WaitDeploy(ctx, gigahost.DeployWatch{
		OrderID:  orderID,
		ServerID: res.ServerID,
		OnServerID: func(id int64) {
			// Record the server id the moment the status shows it, for the same reason.
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), idString(id))...)
		},
	})
	m.applyDeploy(out)
	if err != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
		resp.Diagnostics.AddError("Gigahost server deploy did not complete",
			fmt.Sprintf("%s\n\nThe order (and the server, if assigned) is saved in state and marked tainted: the next apply replaces it and `terraform destroy` cancels it.", err))
		return
	}

	srv := out.Server
	if name := m.Name.ValueString(); !m.Name.IsNull() && !m.Name.IsUnknown() && name != string(srv.Name) {
		if err := c.RenameServer(ctx, out.ServerID, name); err != nil {
			resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
			tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Server %d is ready but could not be renamed", out.ServerID), err)
			return
		}
		srv.Name = client.String(name)
	}
	m.fromAPI(srv, false)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// deploy places the order of one server and returns the answer and its
// order id (0 when only the server of an order whose answer was lost is known).
func deploy(ctx context.Context, c *gigahost.Client, in gigahost.DeployInput, diags *diag.Diagnostics) (*gigahost.DeployResult, int64, bool) {
	res, err := c.Deploy(ctx, in)
	if err != nil {
		var declined *gigahost.PaymentDeclinedError
		if errors.As(err, &declined) || client.IsOutcomeUnknown(err) {
			// Not an API answer: say what is known of the order as it is.
			diags.AddError("Cannot deploy the Gigahost server", err.Error())
		} else {
			tfutil.AddAPIError(diags, "Cannot deploy the Gigahost server", err)
		}
		return nil, 0, false
	}
	switch {
	case len(res.OrderIDs) == 1:
		return res, int64(res.OrderIDs[0]), true
	case len(res.OrderIDs) > 1:
		// One server was asked for and several were ordered: each may be
		// billed. This resource keeps the first (in state before any wait,
		// as always); the others are named, never dropped silently.
		diags.AddWarning("Several orders for one server", extraOrders(res))
		return res, int64(res.OrderIDs[0]), true
	case res.ServerID == 0:
		diags.AddError("Unexpected deploy answer",
			fmt.Sprintf("POST /deploy/servers answered with no order id (message %q): an order may have been placed all the same; check the account's orders before applying again.", res.Message))
		return nil, 0, false
	}
	return res, 0, true
}

// extraOrders says which orders of a deploy answer this resource does not
// manage, and what to do with them.
func extraOrders(res *gigahost.DeployResult) string {
	var extra []string
	for i, id := range res.OrderIDs[1:] {
		o := fmt.Sprintf("order %d", int64(id))
		if i+1 < len(res.OrderNumbers) {
			o += fmt.Sprintf(" (number %s)", string(res.OrderNumbers[i+1]))
		}
		extra = append(extra, o)
	}
	return fmt.Sprintf("POST /deploy/servers for one server answered with %d orders (message %q). This resource manages the first, order %d; "+
		"the others are not managed by Terraform and may be billed: %s. Cancel them in the control panel, or import each server "+
		"once deployed into a resource of its own (terraform import gigahost_server.<name> <server_id>; data \"gigahost_servers\" lists them).",
		len(res.OrderIDs), string(res.Message), int64(res.OrderIDs[0]), strings.Join(extra, ", "))
}

// catalogPrice finds the product's price id in the catalog, checking that
// the product deploys in the region and allows the billing period.
func (r *ServerResource) catalogPrice(ctx context.Context, c *gigahost.Client, m *serverModel, diags *diag.Diagnostics) (int64, bool) {
	cat, err := c.Catalog(ctx)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot read the Gigahost catalog to find the price_id", err)
		return 0, false
	}
	pid := m.ProductID.ValueInt64()
	p, ok := cat.Product(pid)
	switch {
	case !ok:
		diags.AddAttributeError(path.Root("product_id"), "Unknown product", fmt.Sprintf("product_id %d is not in the deploy catalog (GET /deploy/servers).", pid))
	case !p.InRegion(m.RegionID.ValueInt64()):
		diags.AddAttributeError(path.Root("region_id"), "Product not available in region",
			fmt.Sprintf("product %d (%s) deploys in regions %v, not in region %d.", pid, p.ProductName, p.RegionIDs, m.RegionID.ValueInt64()))
	case !p.AllowsBillingPeriod(m.BillingPeriod.ValueString()):
		diags.AddAttributeError(path.Root("billing_period"), "Billing period not allowed",
			fmt.Sprintf("product %d (%s) cannot be billed %s.", pid, p.ProductName, m.BillingPeriod.ValueString()))
	case p.PriceID == 0:
		diags.AddAttributeError(path.Root("price_id"), "No price in the catalog",
			fmt.Sprintf("product %d (%s) has no price_id in the catalog (auctions are not deployable with a price id); set price_id.", pid, p.ProductName))
	default:
		return int64(p.PriceID), true
	}
	return 0, false
}

// serverIdentity is the server's id; empty while its order has no server
// yet (held for payment or review), so it may change once.
var serverIdentity = providerdata.Identity{Parts: []string{"server_id"}, Mutable: true}

// Read implements resource.Resource. A missing server leaves state only when
// its absence is confirmed over several reads: the live API sometimes omits a
// live server for tens of seconds.
func (r *ServerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	m, c, ok := providerdata.Load[serverModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	importing := m.ProductID.IsNull()
	id := m.serverID()
	if id == 0 {
		if id = resolveOrderServer(ctx, c, &m, req.Private, resp); id == 0 {
			return
		}
		m.ID = idString(id)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, heldKey, nil)...)
	}
	srv, err := c.GetServer(ctx, id)
	if client.IsNotFound(err) {
		srv, err = r.confirmMissing(ctx, c, &m, id)
		if err == nil && srv == nil {
			if m.ID.IsNull() || m.serverID() != id {
				m.ID = idString(id)
			}
			resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
			return
		}
	}
	if err != nil {
		if errors.Is(err, errServerGone) {
			resp.State.RemoveResource(ctx)
			return
		}
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read Gigahost server %d", id), err)
		return
	}
	if srv.Deleted() {
		resp.State.RemoveResource(ctx)
		return
	}
	m.fromAPI(srv, importing)
	if m.PriceID.IsNull() {
		// Imported: take the price from the catalog, as a create without price_id would.
		if cat, err := c.Catalog(ctx); err == nil {
			if p, ok := cat.Product(m.ProductID.ValueInt64()); ok && p.PriceID != 0 {
				m.PriceID = types.Int64Value(int64(p.PriceID))
			}
		}
	}
	if importing && m.BillingPeriod.IsNull() {
		m.BillingPeriod = types.StringValue("hourly")
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// resolveOrderServer finds the server of a deploy interrupted before the
// server id was known, through its order. It returns 0 when the resource is
// settled without one: kept as it is (the order is still provisioning, or
// held for payment or review, with a warning) or removed (no order, or an
// order confirmed gone without a server).
func resolveOrderServer(ctx context.Context, c *gigahost.Client, m *serverModel, private privateKeys, resp *resource.ReadResponse) int64 {
	orderID := m.orderID()
	if orderID == 0 {
		resp.State.RemoveResource(ctx)
		return 0
	}
	srvID, listed, err := c.ResolveOrder(ctx, orderID)
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot resolve the server of order %d", orderID), err)
		return 0
	}
	if srvID != 0 || listed {
		return srvID // 0 while still waiting for a server: keep the order
	}
	if held := heldReason(ctx, private); held != "" {
		// Saved but not deploying until paid or reviewed: it has no server
		// and may never be listed, but it is not gone.
		resp.Diagnostics.AddWarning(heldSummary(orderID, held), heldDetail(orderID, held))
		return 0
	}
	if srvID, err = c.WaitOrderServer(ctx, orderID); err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot resolve the server of order %d", orderID), err)
		return 0
	}
	if srvID == 0 {
		resp.Diagnostics.AddWarning("Gigahost order gone", fmt.Sprintf("Order %d has no server and is no longer provisioning; it is removed from state.", orderID))
		resp.State.RemoveResource(ctx)
	}
	return srvID
}

var errServerGone = errors.New("server gone")

// confirmMissing handles a 404 on a server: a server whose order is still
// provisioning is kept as it is (nil, nil); otherwise the absence is
// confirmed over several reads (errServerGone), or the server shows up again.
func (r *ServerResource) confirmMissing(ctx context.Context, c *gigahost.Client, m *serverModel, id int64) (*gigahost.Server, error) {
	if orderID := m.orderID(); orderID != 0 {
		if _, listed, err := c.ResolveOrder(ctx, orderID); err != nil {
			return nil, err
		} else if listed {
			return nil, nil
		}
	}
	srv, err := c.ConfirmServer(ctx, id)
	if err != nil {
		return nil, err
	}
	if srv == nil {
		return nil, errServerGone
	}
	return srv, nil
}

// Update implements resource.Resource: rename in place, and reinstall when
// os_id changes from one OS to another.
func (r *ServerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, c, ok := providerdata.LoadUpdate[serverModel](ctx, req.Plan, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, plan.Timeouts.Update, defaultUpdateTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()

	id := state.serverID()
	if id == 0 {
		resp.Diagnostics.AddError("Server id unknown", fmt.Sprintf("The server of order %s is not known yet; run `terraform apply -refresh-only` (or apply again) once the deploy has progressed.", state.OrderID.ValueString()))
		return
	}
	plan.RootPassword = state.RootPassword
	if reinstallPlanned(&state, &plan) {
		hostname := reinstallHostname(&plan, &state, id)
		pw, err := c.Reinstall(ctx, id, gigahost.ReinstallInput{OSID: plan.OSID.ValueInt64(), Language: reinstallLanguage, Keyboard: reinstallKeyboard, Timezone: reinstallTimezone, Hostname: hostname})
		if err != nil {
			tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot reinstall server %d", id), err)
			return
		}
		plan.RootPassword = types.StringNull()
		if pw != "" {
			plan.RootPassword = types.StringValue(pw)
		}
		if err := c.WaitReinstall(ctx, id, plan.OSID.ValueInt64()); err != nil {
			// Record the new OS and password: the reinstall has started.
			plan.unknownsToNull()
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
			resp.Diagnostics.AddError(fmt.Sprintf("Reinstall of server %d did not complete", id), err.Error())
			return
		}
	}
	if !plan.Name.IsUnknown() && !plan.Name.Equal(state.Name) {
		if err := c.RenameServer(ctx, id, plan.Name.ValueString()); err != nil {
			tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot rename server %d", id), err)
			return
		}
	}
	srv, err := c.ConfirmServer(ctx, id)
	if err != nil || srv == nil {
		if err == nil {
			err = fmt.Errorf("server %d is missing after the update", id)
		}
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot read server %d after the update", id), err)
		return
	}
	plan.ID, plan.OrderID, plan.IPv4, plan.IPv6 = state.ID, state.OrderID, state.IPv4, state.IPv6
	plan.fromAPI(srv, false)
	plan.unknownsToNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	// The configuration's deploy-time values are in state now: from here on
	// a change of them replaces the server.
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
}

// reinstallHostname is the host name sent with a reinstall (the API requires
// one): the configured hostname, else the server's name when it is a host
// name (the API names a server after its hostname), else the API's default
// name srv<id>.gigahost.no. A descriptive name such as "web one" is never
// sent as a host name.
func reinstallHostname(plan, state *serverModel, id int64) string {
	if h := plan.Hostname.ValueString(); h != "" {
		return h
	}
	if n := state.Name.ValueString(); n != "" && len(n) <= 253 && hostnameRE.MatchString(n) {
		return n
	}
	return fmt.Sprintf("srv%d.gigahost.no", id)
}

// Delete implements resource.Resource: cancel with early termination and
// confirm the server is gone.
func (r *ServerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	m, c, ok := providerdata.Load[serverModel](ctx, req.State, &resp.Diagnostics, r.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, m.Timeouts.Delete, defaultDeleteTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if held := heldReason(ctx, req.Private); held != "" && m.serverID() == 0 {
		srvID, _, err := c.ResolveOrder(ctx, m.orderID())
		if err != nil {
			tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot resolve the server of order %d", m.orderID()), err)
			return
		}
		if srvID == 0 {
			resp.Diagnostics.AddError(fmt.Sprintf("Gigahost order %d has no server to cancel", m.orderID()),
				fmt.Sprintf("Order %d %s and has no server yet. The API cannot cancel an order that has no server: cancel it in the Gigahost control panel, "+
					"then remove it from state with `terraform state rm`. Otherwise it deploys once %s, and a later refresh finds its server.",
					m.orderID(), heldWhat(held), heldWhen(held)))
			return
		}
		m.ID = idString(srvID)
	}
	warning, err := deleteServer(ctx, c, m.serverID(), m.orderID())
	if warning != "" {
		resp.Diagnostics.AddWarning("Gigahost server already gone", warning)
	}
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, "Cannot cancel the Gigahost server", err)
	}
}

// deleteServer cancels a server and waits until it is gone. Without a server
// id it first waits for the order to show one. A refused cancellation of a
// server confirmed absent succeeds with a warning.
func deleteServer(ctx context.Context, c *gigahost.Client, id, orderID int64) (warning string, err error) {
	if id == 0 {
		if orderID == 0 {
			return "", nil
		}
		if id, err = c.WaitOrderServer(ctx, orderID); err != nil {
			return "", fmt.Errorf("resolving the server of order %d: %w", orderID, err)
		}
		if id == 0 {
			return fmt.Sprintf("Order %d never got a server and is no longer provisioning: there is nothing to cancel.", orderID), nil
		}
	}
	return c.Cancel(ctx, id, cancelReason)
}

// ImportState implements resource.ResourceWithImportState: import by server
// id. order_id is read from the server record when it carries one.
func (r *ServerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := tfutil.ParseImportID(req.ID, false, "server_id")
	if err == nil {
		if _, perr := strconv.ParseInt(parts[0], 10, 64); perr != nil {
			err = fmt.Errorf("import id %q is not of the form <server_id>: the server id is a number, such as 18856", req.ID)
		}
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts[0])...)
	// The deploy-time values the next read guesses (the hostname from the
	// server's name) must not replace the server on the first plan.
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, importedPrivate)...)
}

// heldKey marks, in private state, an order the API saved but does not
// deploy yet: "payment" (pending_payment) or "review" (under_review).
const heldKey = "held"

type privateKeys interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

func heldReason(ctx context.Context, p privateKeys) string {
	if p == nil || reflect.ValueOf(p).IsNil() {
		return ""
	}
	b, _ := p.GetKey(ctx, heldKey)
	s, err := strconv.Unquote(string(b))
	if err != nil {
		return ""
	}
	return s
}

func heldWhat(held string) string {
	if held == "review" {
		return "is under review by Gigahost"
	}
	return "awaits payment"
}

func heldWhen(held string) string {
	if held == "review" {
		return "the review approves it"
	}
	return "it is paid"
}

func heldSummary(orderID int64, held string) string {
	return fmt.Sprintf("Gigahost order %d %s", orderID, heldWhat(held))
}

func heldDetail(orderID int64, held string) string {
	return fmt.Sprintf("The API accepted order %d but it %s; it deploys once %s. The order is saved in state with no server id yet, so no second order is placed, "+
		"and the server's id and addresses stay null until then. Settle it in the Gigahost control panel; a later refresh (`terraform apply -refresh-only`) "+
		"records the server once it is deployed. To give it up, cancel the order in the control panel and run `terraform state rm`: "+
		"destroying it fails while the order has no server, because the API cannot cancel an order.", orderID, heldWhat(held), heldWhen(held))
}
