package gigahost

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

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
	// ServerID is set when the answer was lost and the server the order
	// created was found instead: OrderIDs then holds the order id its record
	// shows, if any.
	ServerID int64 `json:"-"`
}

// maxDeployAttempts bounds how often Deploy orders again after finding that
// an order whose answer was lost created nothing.
const maxDeployAttempts = 3

// createdSlack is how much older than the order a server found after a lost
// answer may look and still be taken for the order's: the API's clock and
// ours differ. An older server is one the list taken before the order
// happened to omit (FIELD-NOTES: live servers are sometimes missing).
const createdSlack = 10 * time.Minute

// Deploy orders servers. The ids are sent as strings, as in the request the
// live API is known to accept.
//
// A server is billed, so the order is never blindly repeated: when the
// answer to an order of one server is lost (a 5xx or a dropped connection),
// Deploy watches the server list for a server that was not there before the
// order, is not another order's of this Client, and matches the order
// (product, region, image, billing period, and hostname when the record
// shows one). The API lists no orders and shows an order's status only by
// its id, so a placed order can only be seen once it has a server; the
// watch lasts lostOrderWindow. One such server is adopted and returned with
// ServerID set; none means the order created nothing and it is placed again
// (at most maxDeployAttempts orders); several is an error that names them.
func (c *Client) Deploy(ctx context.Context, in DeployInput) (*DeployResult, error) {
	body := deployBody(in)
	single := max(in.Quantity, 1) == 1
	known := map[int64]bool{}
	if single {
		before, err := c.listDeployed(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing servers before the order: %w", err)
		}
		for _, s := range before {
			known[int64(s.ID)] = true
		}
	}
	ledger := c.deployLedger()
	since := time.Now()
	for attempt := 1; ; attempt++ {
		var out DeployResult
		ledger.begin()
		err := c.send(ctx, client.Request{Method: http.MethodPost, Path: "/deploy/servers", Body: body, Creates: true}, &out)
		ledger.end(err == nil, out.OrderIDs)
		if err == nil {
			return &out, nil
		}
		if !client.IsOutcomeUnknown(err) {
			return nil, err
		}
		if !single {
			return nil, fmt.Errorf("%w; an order of %d servers is not looked for: check the account's servers before ordering again", err, in.Quantity)
		}
		found, lerr := c.findLostOrder(ctx, in, known, since)
		if lerr != nil {
			return nil, fmt.Errorf("%w; and looking for the server it may have created failed: %w", err, lerr)
		}
		switch {
		case len(found) == 1:
			srv := found[0]
			tflog.Warn(ctx, "Gigahost deploy answer lost: adopting the server the order created", map[string]any{
				"srv_id": int64(srv.ID), "order_id": int64(srv.Order.OrderID), "error": err.Error()})
			res := &DeployResult{ServerID: int64(srv.ID), Message: "adopted after a lost answer"}
			if srv.Order.OrderID != 0 {
				res.OrderIDs, res.OrderNumbers = []client.Int{srv.Order.OrderID}, []client.String{srv.Order.OrderNumber}
			}
			return res, nil
		case len(found) > 1:
			names := make([]string, len(found))
			for i, s := range found {
				names[i] = fmt.Sprintf("server %d (order %d, name %q)", int64(s.ID), int64(s.Order.OrderID), string(s.Name))
			}
			return nil, fmt.Errorf("%w; since then %d new servers match this order: %s. Check them in the control panel, import the right one and cancel the others",
				err, len(found), strings.Join(names, ", "))
		case attempt >= maxDeployAttempts:
			return nil, fmt.Errorf("%w; no server was created after %d attempts", err, attempt)
		}
		tflog.Info(ctx, "Gigahost deploy answer lost and no server was created: ordering again", map[string]any{"attempt": attempt, "error": err.Error()})
	}
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

// deployedServer is a server record with its creation time, which tells a
// server just ordered from an older one that a list happened to omit.
type deployedServer struct {
	Server
	Created client.Int `json:"srv_date_created"` // Unix seconds, 0 if absent
}

func (c *Client) listDeployed(ctx context.Context) ([]deployedServer, error) {
	var out []deployedServer
	if err := c.do(ctx, http.MethodGet, "/servers", nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// lostOrderWindow is how long Deploy watches for the server of an order
// whose answer was lost before taking it that the order created nothing:
// twice the absence window (60 s with the default settings), over at least
// AbsenceReads reads.
func (c *Client) lostOrderWindow() time.Duration { return 2 * c.AbsenceWindow() }

// findLostOrder watches the server list for servers that an order whose
// answer was lost may have created: not known before the order, not claimed
// by another deploy of this Client, created at most createdSlack before
// since, and matching the order. It returns as soon as it sees some, or
// none after lostOrderWindow. Exactly one found is claimed at once, so that
// concurrent deploys do not both adopt it.
func (c *Client) findLostOrder(ctx context.Context, in DeployInput, known map[int64]bool, since time.Time) ([]Server, error) {
	ledger := c.deployLedger()
	begin := time.Now()
	reads := 0
	var found []Server
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		servers, err := c.listDeployed(ctx)
		if err != nil {
			return false, err
		}
		ledger.mu.Lock()
		defer ledger.mu.Unlock()
		if ledger.inFlight > 0 {
			// Another deploy of this Client awaits its answer: a server
			// seen now may be its, not yet claimed. Look again later.
			return false, nil
		}
		reads++
		found = found[:0]
		for _, s := range servers {
			id, orderID := int64(s.ID), int64(s.Order.OrderID)
			if id == 0 || known[id] || ledger.servers[id] || (orderID != 0 && ledger.orders[orderID]) || s.Gone() {
				continue
			}
			if s.Created != 0 && time.Unix(int64(s.Created), 0).Before(since.Add(-createdSlack)) {
				continue
			}
			if in.matches(&s.Server) {
				found = append(found, s.Server)
			}
		}
		if len(found) == 1 {
			ledger.servers[int64(found[0].ID)] = true
		}
		if len(found) > 0 {
			return true, nil
		}
		return reads >= AbsenceReads && time.Since(begin) >= c.lostOrderWindow(), nil
	})
	return found, err
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
	wantHost := ""
	if len(in.Hostnames) > 0 {
		wantHost = in.Hostnames[0]
	}
	shown := shownHostname(s)
	return same(in.ProductID, s.ProductIDOf()) && same(in.RegionID, int64(s.Datacenter.RegionID)) &&
		same(in.OSID, int64(s.OSID)) && same(in.ISOID, int64(s.ISOID)) &&
		(s.BillingPeriod() == "" || s.BillingPeriod() == period) &&
		(shown == "" || strings.EqualFold(shown, wantHost))
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
// servers adopted after lost answers, so that a deploy looking for its lost
// order does not take another deploy's server, and how many orders await
// their answer.
type deployLedger struct {
	mu       sync.Mutex
	inFlight int
	orders   map[int64]bool
	servers  map[int64]bool
}

var ledgers sync.Map // *Client -> *deployLedger

func (c *Client) deployLedger() *deployLedger {
	l, _ := ledgers.LoadOrStore(c, &deployLedger{orders: map[int64]bool{}, servers: map[int64]bool{}})
	return l.(*deployLedger) //nolint:forcetypeassert // only *deployLedger is stored
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

// DeployStatus is one order of GET /deploy/status. The API lists an order
// only while its server is provisioning (and briefly once ready); it has no
// failure status: a failed order just disappears.
type DeployStatus struct {
	OrderID         client.Int    `json:"order_id"`
	OrderNumber     client.String `json:"order_number"`
	Hostname        client.String `json:"hostname"`
	ServerID        client.Int    `json:"srv_id"`
	Status          client.String `json:"status"` // waitlist, waiting, deploying, installing, ready, rescue, iso
	InstallProgress client.String `json:"install_progress"`
	IP              client.String `json:"ip"`
	IPv6            client.String `json:"ipv6"`
	Password        client.String `json:"password"` // only while installing without SSH keys, or in rescue
}

// Finished reports whether the status is a final one (the server is usable).
func (s DeployStatus) Finished() bool {
	switch strings.ToLower(string(s.Status)) {
	case "ready", "rescue", "iso":
		return true
	}
	return false
}

// DeployStatuses returns the listed orders among orderIDs (GET /deploy/status?ids=).
func (c *Client) DeployStatuses(ctx context.Context, orderIDs ...int64) ([]DeployStatus, error) {
	ids := make([]string, len(orderIDs))
	for i, id := range orderIDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	var out struct {
		Servers []DeployStatus `json:"servers"`
	}
	q := url.Values{"ids": []string{strings.Join(ids, ",")}}
	if err := c.do(ctx, http.MethodGet, "/deploy/status", q, nil, &out); err != nil {
		return nil, err
	}
	return out.Servers, nil
}

// AbsenceReads is how many consecutive reads must miss a server before it is
// taken as gone: the live API sometimes omits a live server for tens of
// seconds (FIELD-NOTES).
const AbsenceReads = 3

// AbsenceWindow is how long a server must stay missing, besides AbsenceReads,
// before it is taken as gone: three times the longest poll interval (30 s
// with the default settings).
func (c *Client) AbsenceWindow() time.Duration { return 3 * c.poll.Max }

// DeployWatch says which order WaitDeploy follows.
type DeployWatch struct {
	OrderID int64
	// ServerID is the server id when already known (a resumed wait).
	ServerID int64
	// OnServerID is called once, as soon as the server id is known, so that
	// the caller can record it before the wait ends.
	OnServerID func(serverID int64)
}

// DeployOutcome is what WaitDeploy learned. It is returned with errors too:
// the server id and the password matter most when the wait fails.
type DeployOutcome struct {
	OrderID    int64
	ServerID   int64
	LastStatus string
	IPv4       string
	IPv6       string // the deploy-time value: the server record may omit it
	Password   string // the root password, kept from while it was shown
	// Server is the record that confirmed completion.
	Server *Server
}

// WaitDeploy follows an order through waiting, deploying and installing to
// ready (or rescue, or iso) and confirms completion from the server record.
// An order that leaves the status view is judged by the server record; a
// server missing from both views (over AbsenceReads reads and AbsenceWindow)
// fails the wait with a message naming the order and the server. Status
// polls of concurrent waits of one Client share requests.
func (c *Client) WaitDeploy(ctx context.Context, w DeployWatch) (*DeployOutcome, error) {
	out := &DeployOutcome{OrderID: w.OrderID, ServerID: w.ServerID}
	b := c.statusBatcher()
	b.watch(w.OrderID)
	defer b.unwatch(w.OrderID)

	setServer := func(id int64) {
		if id == 0 || out.ServerID != 0 {
			return
		}
		out.ServerID = id
		if w.OnServerID != nil {
			w.OnServerID(id)
		}
	}
	var absentSince time.Time
	absent := 0
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		st, listed, err := b.get(ctx, c, w.OrderID, c.poll.Initial/2)
		if err != nil {
			return false, err
		}
		var srv *Server
		if listed {
			absent = 0
			setServer(int64(st.ServerID))
			out.LastStatus = string(st.Status)
			if st.IP != "" {
				out.IPv4 = string(st.IP)
			}
			if st.IPv6 != "" {
				out.IPv6 = string(st.IPv6)
			}
			if st.Password != "" {
				out.Password = string(st.Password)
			}
			tflog.Debug(ctx, "Gigahost deploy status", map[string]any{"order_id": w.OrderID, "srv_id": out.ServerID, "status": out.LastStatus})
			if !st.Finished() || out.ServerID == 0 {
				return false, nil
			}
			// Ready in the status view: confirm from the server record, which
			// may still be missing for a while.
			if srv, err = c.serverOrNil(ctx, out.ServerID); err != nil || srv == nil {
				return false, err
			}
		} else {
			if out.ServerID == 0 {
				srv, err = c.FindServerByOrder(ctx, w.OrderID)
				if srv != nil {
					setServer(int64(srv.ID))
				}
			} else {
				srv, err = c.serverOrNil(ctx, out.ServerID)
			}
			if err != nil {
				return false, err
			}
		}
		if srv != nil && !srv.Gone() {
			absent = 0
			if srv.Installing {
				return false, nil
			}
			out.Server = srv
			return true, nil
		}
		if listed {
			return false, nil
		}
		if absent == 0 {
			absentSince = time.Now()
		}
		absent++
		if absent >= AbsenceReads && time.Since(absentSince) >= c.AbsenceWindow() {
			return false, &DeployFailedError{OrderID: w.OrderID, ServerID: out.ServerID, LastStatus: out.LastStatus, Reads: absent, Since: time.Since(absentSince)}
		}
		return false, nil
	})
	if err != nil {
		var failed *DeployFailedError
		if !errors.As(err, &failed) && ctx.Err() != nil {
			return out, fmt.Errorf("waiting for order %d (server %s) to be ready, last status %q: %w", w.OrderID, serverIDText(out.ServerID), out.LastStatus, err)
		}
		return out, err
	}
	return out, nil
}

// DeployFailedError is a deploy whose order and server both disappeared.
type DeployFailedError struct {
	OrderID    int64
	ServerID   int64
	LastStatus string
	Reads      int
	Since      time.Duration
}

func (e *DeployFailedError) Error() string {
	if e.ServerID == 0 {
		return fmt.Sprintf("deploy of order %d failed: the order left the deploy status (last status %q) before a server was assigned, and no server carries it (checked %d times over %s)",
			e.OrderID, e.LastStatus, e.Reads, e.Since.Round(time.Millisecond))
	}
	return fmt.Sprintf("deploy of order %d failed: the order left the deploy status (last status %q) and server %d is in neither the deploy status nor the server list (checked %d times over %s)",
		e.OrderID, e.LastStatus, e.ServerID, e.Reads, e.Since.Round(time.Millisecond))
}

func serverIDText(id int64) string {
	if id == 0 {
		return "not yet assigned"
	}
	return strconv.FormatInt(id, 10)
}

// serverOrNil reads a server, mapping a 404 to nil.
func (c *Client) serverOrNil(ctx context.Context, id int64) (*Server, error) {
	srv, err := c.GetServer(ctx, id)
	if client.IsNotFound(err) {
		return nil, nil
	}
	return srv, err
}

// ResolveOrder finds the server of an order: from the deploy status while the
// order is listed (serverID 0 while none is assigned yet), else by the order
// id in the server list. listed reports whether the order is still provisioning.
func (c *Client) ResolveOrder(ctx context.Context, orderID int64) (serverID int64, listed bool, err error) {
	sts, err := c.DeployStatuses(ctx, orderID)
	if err != nil {
		return 0, false, err
	}
	for _, st := range sts {
		if int64(st.OrderID) == orderID {
			return int64(st.ServerID), true, nil
		}
	}
	srv, err := c.FindServerByOrder(ctx, orderID)
	if err != nil || srv == nil {
		return 0, false, err
	}
	return int64(srv.ID), false, nil
}

// ConfirmServer reads a server and, when it is missing, reads again with
// backoff until it shows up (returned) or has been missing for AbsenceReads
// reads and AbsenceWindow (nil, nil). A record that shows the server
// cancelled or deleted is absent at once.
func (c *Client) ConfirmServer(ctx context.Context, id int64) (*Server, error) {
	var found *Server
	start := time.Now()
	reads := 0
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		srv, err := c.serverOrNil(ctx, id)
		if err != nil {
			return false, err
		}
		if srv != nil {
			if srv.Gone() {
				return true, nil
			}
			found = srv
			return true, nil
		}
		reads++
		return reads >= AbsenceReads && time.Since(start) >= c.AbsenceWindow(), nil
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}

// WaitServerGone polls until the server is missing or shows as cancelled.
// After a cancellation the API answered with success, one miss is enough.
func (c *Client) WaitServerGone(ctx context.Context, id int64) error {
	return client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		srv, err := c.serverOrNil(ctx, id)
		if err != nil {
			return false, err
		}
		return srv == nil || srv.Gone(), nil
	})
}

// statusBatcher lets concurrent waits share GET /deploy/status requests: a
// request asks for every watched order at once, and a wait whose order was
// fetched recently enough reuses that answer.
type statusBatcher struct {
	mu      sync.Mutex
	watched map[int64]int
	results map[int64]statusResult
	flight  *statusFlight
}

type statusResult struct {
	st     DeployStatus
	listed bool
	at     time.Time
}

type statusFlight struct {
	ids  map[int64]bool
	done chan struct{}
}

var batchers sync.Map // *Client -> *statusBatcher

func (c *Client) statusBatcher() *statusBatcher {
	b, _ := batchers.LoadOrStore(c, &statusBatcher{watched: map[int64]int{}, results: map[int64]statusResult{}})
	return b.(*statusBatcher) //nolint:forcetypeassert // only *statusBatcher is stored
}

func (b *statusBatcher) watch(id int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.watched[id]++
}

func (b *statusBatcher) unwatch(id int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.watched[id]--; b.watched[id] <= 0 {
		delete(b.watched, id)
		delete(b.results, id)
	}
}

// get returns the status of one order, listed false when the status view
// does not list it, from an answer at most maxAge old.
func (b *statusBatcher) get(ctx context.Context, c *Client, id int64, maxAge time.Duration) (DeployStatus, bool, error) {
	for {
		b.mu.Lock()
		if r, ok := b.results[id]; ok && time.Since(r.at) <= maxAge {
			b.mu.Unlock()
			return r.st, r.listed, nil
		}
		if f := b.flight; f != nil {
			b.mu.Unlock()
			select {
			case <-f.done:
				continue
			case <-ctx.Done():
				return DeployStatus{}, false, ctx.Err()
			}
		}
		f := &statusFlight{ids: map[int64]bool{id: true}, done: make(chan struct{})}
		for w := range b.watched {
			f.ids[w] = true
		}
		b.flight = f
		b.mu.Unlock()

		ids := make([]int64, 0, len(f.ids))
		for w := range f.ids {
			ids = append(ids, w)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		sts, err := c.DeployStatuses(ctx, ids...)

		b.mu.Lock()
		if err == nil {
			now := time.Now()
			for w := range f.ids {
				b.results[w] = statusResult{at: now}
			}
			for _, st := range sts {
				if f.ids[int64(st.OrderID)] {
					b.results[int64(st.OrderID)] = statusResult{st: st, listed: true, at: now}
				}
			}
		}
		r := b.results[id]
		b.flight = nil
		close(f.done)
		b.mu.Unlock()
		if err != nil {
			return DeployStatus{}, false, err
		}
		return r.st, r.listed, nil
	}
}

// WaitOrderServer waits until an order has a server id, or until the order
// is confirmed gone with no server (0, nil): missing from the deploy status
// and the server list over AbsenceReads reads and AbsenceWindow.
func (c *Client) WaitOrderServer(ctx context.Context, orderID int64) (int64, error) {
	var serverID int64
	var since time.Time
	misses := 0
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		id, listed, err := c.ResolveOrder(ctx, orderID)
		if err != nil {
			return false, err
		}
		if id != 0 {
			serverID = id
			return true, nil
		}
		if listed {
			misses = 0
			return false, nil
		}
		if misses == 0 {
			since = time.Now()
		}
		misses++
		return misses >= AbsenceReads && time.Since(since) >= c.AbsenceWindow(), nil
	})
	return serverID, err
}
