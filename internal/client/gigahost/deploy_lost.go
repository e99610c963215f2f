package gigahost

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Finding an order whose answer was lost.
//
// The API lists no orders; GET /deploy/status shows an order, while it is
// provisioning (waiting included), only to whoever asks for its id. Order ids
// grow with every order placed on the platform (docs: 10001 and 10002 in one
// answer, 10003 and 10050 in later examples; the live sample's order 35989 of
// October 2026 against order 3081 of June 2018 in the docs: about a dozen
// orders a day). So when the account placed an order recently, the lost
// order's id, if it was placed, is among the next orderIDWindow ids, and one
// status request for those ids settles the question within a few polls. With
// no recent order to count from, the server list is watched instead, for
// lostOrderWindow, as a placed order shows only once it has a server.

// orderIDWindow is how many order ids after the account's latest recent
// order the deploy status is asked about.
const orderIDWindow = 100

// recentOrder is how old the account's latest order may be for its id to be
// counted from (with about a dozen orders a day on the platform, far fewer
// than orderIDWindow are placed meanwhile).
const recentOrder = 24 * time.Hour

// createdSlack is how much older than the order a server found after a lost
// answer may look and still be taken for the order's: the API's clock and
// ours differ. An older server is one the list taken before the order
// happened to omit (FIELD-NOTES: live servers are sometimes missing).
const createdSlack = 10 * time.Minute

// errSeveralOrders is returned when several orders or servers match.
var errSeveralOrders = errors.New("several orders match")

// orderBaseline is what the account shows before an order of one server.
type orderBaseline struct {
	at      time.Time
	servers map[int64]bool // server ids listed before the order
	// lastOrder is the latest order id the account is known to have placed
	// recently, 0 when none: then the status view cannot be searched.
	lastOrder int64
	// provisioning holds the orders of the window that were in the deploy
	// status before the order: not this order's.
	provisioning map[int64]bool
}

// deployedServer is a server record with its creation time, which tells a
// server just ordered from an older one that a list happened to omit.
type deployedServer struct {
	Server
	Created client.Int `json:"srv_date_created"` // Unix seconds, 0 if absent
}

func (c *Client) listDeployed(ctx context.Context) ([]deployedServer, error) {
	var out []deployedServer
	if err := c.do(ctx, "GET", "/servers", nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// orderBaseline lists the servers, finds the latest recent order (from the
// orders this Client placed, else from the newest server: its order id from
// the list or, when list items carry no order, from its record) and the
// orders of the window that are provisioning already.
func (c *Client) orderBaseline(ctx context.Context) (*orderBaseline, error) {
	b := &orderBaseline{at: time.Now(), servers: map[int64]bool{}, provisioning: map[int64]bool{}}
	servers, err := c.listDeployed(ctx)
	if err != nil {
		return nil, err
	}
	var newest *deployedServer
	for i := range servers {
		s := &servers[i]
		b.servers[int64(s.ID)] = true
		if s.Created == 0 || time.Since(time.Unix(int64(s.Created), 0)) > recentOrder {
			continue
		}
		if newest == nil || s.Created > newest.Created || (s.Created == newest.Created && s.ID > newest.ID) {
			newest = s
		}
	}
	b.lastOrder = c.deployLedger().lastOrder()
	if newest != nil {
		orderID := int64(newest.Order.OrderID)
		if orderID == 0 {
			// The docs' list example carries no order: read the record.
			if srv, err := c.serverOrNil(ctx, int64(newest.ID)); err == nil && srv != nil {
				orderID = int64(srv.Order.OrderID)
			}
		}
		b.lastOrder = max(b.lastOrder, orderID)
	}
	if b.lastOrder == 0 {
		return b, nil
	}
	sts, err := c.DeployStatuses(ctx, orderWindow(b.lastOrder)...)
	if err != nil {
		// The docs do not say how ids of no order of the account are
		// answered: if refused, fall back to watching the server list.
		tflog.Info(ctx, "Gigahost deploy status refused the order ids after the latest order: a lost answer will be looked for in the server list", map[string]any{"error": err.Error()})
		b.lastOrder = 0
		return b, nil
	}
	for _, st := range sts {
		b.provisioning[int64(st.OrderID)] = true
	}
	return b, nil
}

func orderWindow(last int64) []int64 {
	ids := make([]int64, orderIDWindow)
	for i := range ids {
		ids[i] = last + 1 + int64(i)
	}
	return ids
}

// lostOrderWindow is how long the server list is watched for the server of
// an order whose answer was lost when the status view cannot be searched:
// twice the absence window (60 s with the default settings).
func (c *Client) lostOrderWindow() time.Duration { return 2 * c.AbsenceWindow() }

// findLostOrder looks for an order whose answer was lost: in the deploy
// status by the ids after the baseline's latest order, and in the server
// list for a new matching server. It settles after AbsenceReads polls that
// found nothing when the status could be searched, else after
// lostOrderWindow. Exactly one found is claimed at once, so that concurrent
// deploys of this Client do not both adopt it; several is errSeveralOrders.
func (c *Client) findLostOrder(ctx context.Context, in DeployInput, base *orderBaseline) (*DeployResult, bool, error) {
	ledger := c.deployLedger()
	begin := time.Now()
	reads := 0
	var res *DeployResult
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		// The server list first, then the status: a server assigned between
		// the two reads then shows in the status as its order's server, not
		// as a second match (list items may carry no order to tell).
		servers, err := c.listDeployed(ctx)
		if err != nil {
			return false, err
		}
		var sts []DeployStatus
		if base.lastOrder != 0 {
			if sts, err = c.DeployStatuses(ctx, orderWindow(base.lastOrder)...); err != nil {
				return false, err
			}
		}
		ledger.mu.Lock()
		defer ledger.mu.Unlock()
		if ledger.inFlight > 0 {
			// Another deploy of this Client awaits its answer: an order seen
			// now may be its, not yet claimed. Look again later.
			return false, nil
		}
		reads++
		orders := ledger.unclaimedOrders(in, base, sts)
		srvs := ledger.unclaimedServers(in, base, servers, orders)
		switch n := len(orders) + len(srvs); {
		case n == 1 && len(orders) == 1:
			st := orders[0]
			ledger.orders[int64(st.OrderID)] = true
			res = &DeployResult{OrderIDs: []client.Int{st.OrderID}, OrderNumbers: []client.String{st.OrderNumber},
				ServerID: int64(st.ServerID), Adopted: true, Message: "adopted after a lost answer"}
			return true, nil
		case n == 1:
			srv := srvs[0]
			ledger.servers[int64(srv.ID)] = true
			res = &DeployResult{ServerID: int64(srv.ID), Adopted: true, Message: "adopted after a lost answer"}
			if srv.Order.OrderID != 0 {
				res.OrderIDs, res.OrderNumbers = []client.Int{srv.Order.OrderID}, []client.String{srv.Order.OrderNumber}
			}
			return true, nil
		case n > 1:
			return false, severalOrders(orders, srvs)
		}
		if base.lastOrder != 0 {
			return reads >= AbsenceReads, nil
		}
		return reads >= AbsenceReads && time.Since(begin) >= c.lostOrderWindow(), nil
	})
	if err == nil && res != nil && len(res.OrderIDs) == 0 {
		err = c.adoptedOrder(ctx, res)
	}
	return res, res != nil, err
}

// adoptedOrder fills in the order of a server adopted from the server list:
// from its record when the list item carries none (the docs' list example
// has no order; the record has). The waits follow the order's status.
func (c *Client) adoptedOrder(ctx context.Context, res *DeployResult) error {
	srv, err := c.serverOrNil(ctx, res.ServerID)
	if err != nil || srv == nil || srv.Order.OrderID == 0 {
		return err
	}
	res.OrderIDs, res.OrderNumbers = []client.Int{srv.Order.OrderID}, []client.String{srv.Order.OrderNumber}
	return nil
}

func severalOrders(orders []DeployStatus, srvs []Server) error {
	var names []string
	for _, o := range orders {
		names = append(names, fmt.Sprintf("order %d (server %s, hostname %q)", int64(o.OrderID), serverIDText(int64(o.ServerID)), string(o.Hostname)))
	}
	for _, s := range srvs {
		names = append(names, fmt.Sprintf("server %d (order %d, name %q)", int64(s.ID), int64(s.Order.OrderID), string(s.Name)))
	}
	return fmt.Errorf("%w: since then %d new orders or servers match this order: %s. Check them in the control panel, import the right one and cancel the others",
		errSeveralOrders, len(names), strings.Join(names, ", "))
}

// unclaimedOrders are the orders of the status view that may be the lost
// one: not provisioning before the order, not answered to or claimed by
// another deploy of this Client, and showing the ordered hostname (or none).
// Callers hold l.mu.
func (l *deployLedger) unclaimedOrders(in DeployInput, base *orderBaseline, sts []DeployStatus) []DeployStatus {
	var out []DeployStatus
	for _, st := range sts {
		id := int64(st.OrderID)
		if id == 0 || base.provisioning[id] || l.orders[id] || (st.ServerID != 0 && l.servers[int64(st.ServerID)]) {
			continue
		}
		if hostnameMatches(string(st.Hostname), "", in) {
			out = append(out, st)
		}
	}
	return out
}

// unclaimedServers are the servers that may be the lost order's: not listed
// before the order, not claimed, not created long before it, matching it,
// and not the server of an order found in the status view. Callers hold l.mu.
func (l *deployLedger) unclaimedServers(in DeployInput, base *orderBaseline, servers []deployedServer, orders []DeployStatus) []Server {
	ofOrders := map[int64]bool{}
	for _, o := range orders {
		ofOrders[int64(o.ServerID)] = true
		ofOrders[-int64(o.OrderID)] = true
	}
	var out []Server
	for _, s := range servers {
		id, orderID := int64(s.ID), int64(s.Order.OrderID)
		if id == 0 || base.servers[id] || l.servers[id] || ofOrders[id] || (orderID != 0 && (l.orders[orderID] || ofOrders[-orderID] || base.provisioning[orderID])) || s.Deleted() {
			continue
		}
		if s.Created != 0 && time.Unix(int64(s.Created), 0).Before(base.at.Add(-createdSlack)) {
			continue
		}
		if in.matches(&s.Server) {
			out = append(out, s.Server)
		}
	}
	return out
}

// matches reports whether a server record may be what this order of one
// server created. Fields the record leaves empty match anything, and so does
// a hostname the record does not show: the API does not report it reliably.
func (in DeployInput) matches(s *Server) bool {
	same := func(want, got int64) bool { return want == 0 || got == 0 || want == got }
	period := in.BillingPeriod
	if period == "" {
		period = "hourly"
	}
	return same(in.ProductID, s.ProductIDOf()) && same(in.RegionID, int64(s.Datacenter.RegionID)) &&
		same(in.OSID, int64(s.OSID)) && same(in.ISOID, int64(s.ISOID)) &&
		(s.BillingPeriod() == "" || s.BillingPeriod() == period) &&
		hostnameMatches(shownHostname(s), string(s.Label), in)
}

// hostnameMatches reports whether a shown host name may be the ordered one:
// a name that is empty, the label or the API's default name shows nothing.
func hostnameMatches(shown, label string, in DeployInput) bool {
	shown = strings.TrimSpace(shown)
	if shown == "" || strings.EqualFold(shown, label) || defaultServerName.MatchString(shown) {
		return true
	}
	want := ""
	if len(in.Hostnames) > 0 {
		want = in.Hostnames[0]
	}
	return strings.EqualFold(shown, want)
}

// defaultServerName is the name the API gives a server ordered without a hostname.
var defaultServerName = regexp.MustCompile(`^(?i)srv[0-9]+\.gigahost\.no$`)

// shownHostname is the hostname a server record shows, "" when it shows
// only the default name.
func shownHostname(s *Server) string {
	for _, h := range []client.String{s.Hostname, s.Name} {
		name := strings.TrimSpace(string(h))
		if name != "" && !strings.EqualFold(name, string(s.Label)) && !defaultServerName.MatchString(name) {
			return name
		}
	}
	return ""
}

// deployLedger records, per Client, the orders whose answers arrived and the
// orders and servers adopted after lost answers, so that a deploy looking for
// its lost order does not take another deploy's, and how many orders await
// their answer.
type deployLedger struct {
	mu       sync.Mutex
	inFlight int
	orders   map[int64]bool
	servers  map[int64]bool
}

func (l *deployLedger) begin() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight++
}

// end records the answer of an order: its order ids, when it arrived.
func (l *deployLedger) end(answered bool, orderIDs []client.Int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight--
	if answered {
		for _, id := range orderIDs {
			l.orders[int64(id)] = true
		}
	}
}

// lastOrder is the highest order id this Client placed or adopted.
func (l *deployLedger) lastOrder() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := make([]int64, 0, len(l.orders))
	for id := range l.orders {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] > ids[j] })
	if len(ids) == 0 {
		return 0
	}
	return ids[0]
}
