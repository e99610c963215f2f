package gigahost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// DeployInput is one order of POST /deploy/servers. Exactly one of OSID,
// ISOID and Rescue selects the image.
type DeployInput struct {
	ProductID     int64
	PriceID       int64
	RegionID      int64
	OSID          int64
	ISOID         int64
	Rescue        bool
	BillingPeriod string // hourly (default), monthly, quarterly, annual
	Quantity      int
	Backups       bool
	Hostnames     []string
	SSHKeyIDs     []int64
}

// DeployResult is the answer to POST /deploy/servers: one order per server.
type DeployResult struct {
	OrderIDs     []client.Int    `json:"order_ids"`
	OrderNumbers []client.String `json:"order_numbers"`
	Message      client.String   `json:"message"`
	Mode         client.String   `json:"mode"`
	Waitlisted   client.Bool     `json:"waitlisted"`
	// PendingPayment and UnderReview come with recurring orders (docs:
	// "Example return data (recurring term)"): the order is saved but does
	// not deploy until it is paid or reviewed.
	PendingPayment client.Bool `json:"pending_payment"`
	UnderReview    client.Bool `json:"under_review"`
	// ServerID is set when the answer was lost and the order was found
	// instead, once it has a server (0 while it is waiting).
	ServerID int64 `json:"-"`
	// Adopted is true when the answer was lost and the order was found.
	Adopted bool `json:"-"`
}

// Held says why an order that the API accepted does not deploy now:
// "payment" (pending_payment), "review" (under_review), or "" when it deploys.
func (r *DeployResult) Held() string {
	switch {
	case bool(r.PendingPayment):
		return "payment"
	case bool(r.UnderReview):
		return "review"
	}
	return ""
}

// PaymentDeclinedError is a 402 to an order (docs: "Recurring card charge
// declined (order and invoice are kept and retried)"): the API saved the
// order and deploys it once paid, but its answer carries no order id.
type PaymentDeclinedError struct{ Err error }

func (e *PaymentDeclinedError) Error() string {
	return fmt.Sprintf("%s\n\nThe API saved the order and deploys it once it is paid, but its answer carries no order id, so Terraform could not record it. "+
		"Do not apply again before settling it: that would place a second order. Pay the invoice (or cancel the order) in the Gigahost control panel; "+
		"once the server is deployed, bring it under Terraform with `terraform import <address> <server_id>`.", e.Err)
}

func (e *PaymentDeclinedError) Unwrap() error { return e.Err }

// maxDeployAttempts bounds how often Deploy orders again after finding that
// an order whose answer was lost created nothing.
const maxDeployAttempts = 3

// Deploy orders servers. The ids are sent as strings, as in the request the
// live API is known to accept.
//
// A server is billed, so the order is never blindly repeated: an order of
// one server whose answer is lost (a 5xx or a dropped connection) goes
// through client.CreateOnce, whose find step looks for the order
// (findLostOrder): in the deploy status, by the order ids that follow the
// account's latest order, which settles within a few polls; or, when the
// account has no recent order to count from, in the server list over
// lostOrderWindow. A found order is returned with Adopted set; none means
// the order created nothing and it is placed again (at most
// maxDeployAttempts orders); several is an error that names them.
func (c *Client) Deploy(ctx context.Context, in DeployInput) (*DeployResult, error) {
	body := deployBody(in)
	single := max(in.Quantity, 1) == 1
	var base *orderBaseline
	if single {
		var err error
		if base, err = c.orderBaseline(ctx); err != nil {
			return nil, fmt.Errorf("listing servers before the order: %w", err)
		}
	}
	ledger := c.deployLedger()
	var out DeployResult
	tries := client.CreateTries{
		Attempts: maxDeployAttempts, NotCreated: "no server was created",
		Again: func(ctx context.Context, n int, err error) {
			tflog.Info(ctx, "Gigahost deploy answer lost and no order was placed: ordering again", map[string]any{"attempt": n, "error": err.Error()})
		},
	}
	found, adopted, err := client.CreateOnce(ctx, tries, func(ctx context.Context) error {
		out = DeployResult{}
		ledger.begin()
		err := c.send(ctx, client.Request{Method: http.MethodPost, Path: "/deploy/servers", Body: body, Creates: true}, &out)
		ledger.end(err == nil, out.OrderIDs)
		return err
	}, func(ctx context.Context, _ int, err error) (*DeployResult, bool, error) {
		if !single {
			return nil, false, fmt.Errorf("%w; an order of %d servers is not looked for: check the account's servers before ordering again", err, in.Quantity)
		}
		res, ok, ferr := c.findLostOrder(ctx, in, base)
		if ferr != nil {
			if errors.Is(ferr, errSeveralOrders) {
				return nil, false, fmt.Errorf("%w; %w", err, ferr)
			}
			return nil, false, fmt.Errorf("%w; and looking for the order it may have placed failed: %w", err, ferr)
		}
		if ok {
			tflog.Warn(ctx, "Gigahost deploy answer lost: adopting the order it placed", map[string]any{
				"order_ids": res.OrderIDs, "srv_id": res.ServerID, "error": err.Error()})
		}
		return res, ok, nil
	})
	switch {
	case client.IsStatus(err, http.StatusPaymentRequired):
		return nil, &PaymentDeclinedError{Err: err}
	case err != nil:
		return nil, err
	case adopted:
		return found, nil
	}
	return &out, nil
}

func deployBody(in DeployInput) map[string]any {
	body := map[string]any{
		"pid":       strconv.FormatInt(in.ProductID, 10),
		"price_id":  strconv.FormatInt(in.PriceID, 10),
		"region_id": strconv.FormatInt(in.RegionID, 10),
		"quantity":  max(in.Quantity, 1),
		"ssh_keys":  append([]int64{}, in.SSHKeyIDs...),
	}
	switch {
	case in.OSID != 0:
		body["os_id"] = strconv.FormatInt(in.OSID, 10)
	case in.ISOID != 0:
		body["iso_id"] = strconv.FormatInt(in.ISOID, 10)
	case in.Rescue:
		body["rescue"] = 1
	}
	if in.BillingPeriod != "" {
		body["billing_period"] = in.BillingPeriod
	}
	if in.Backups {
		body["backups"] = 1
	}
	if len(in.Hostnames) > 0 {
		body["hostnames"] = in.Hostnames
	}
	return body
}
