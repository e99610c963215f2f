package gigahost

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The waiters of Gigahost servers: a deploy until ready, an order until it
// has a server, a server until confirmed present or absent, a cancelled
// server until gone, a reinstall until done.

// AbsenceReads is how many consecutive reads must miss a server before it is
// taken as gone: the live API sometimes omits a live server for tens of
// seconds (FIELD-NOTES).
const AbsenceReads = 3

// AbsenceWindow is how long a server must stay missing, besides AbsenceReads,
// before it is taken as gone: three times the longest poll interval (30 s
// with the default settings).
func (c *Client) AbsenceWindow() time.Duration { return 3 * c.poll.Max }

// absence confirms that something the live API sometimes omits for a while
// (FIELD-NOTES: servers can 404 for tens of seconds) is really gone: missed
// by AbsenceReads consecutive reads over at least the window.
type absence struct {
	window time.Duration
	reads  int
	since  time.Time
}

func (c *Client) newAbsence() *absence { return &absence{window: c.AbsenceWindow()} }

// seen resets the count: the thing showed up.
func (a *absence) seen() { a.reads = 0 }

// missed counts a read that did not show it and reports whether the absence
// is now confirmed.
func (a *absence) missed() bool {
	if a.reads == 0 {
		a.since = time.Now()
	}
	a.reads++
	return a.reads >= AbsenceReads && time.Since(a.since) >= a.window
}

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
// fails the wait with a message naming the order and the server. Concurrent
// waits of one Client share status requests and their schedule
// (statusBatcher). Once the status shows the server ready, a record still
// missing or installing is read again soon (confirmFirst, doubling), not
// only at the next status read.
func (c *Client) WaitDeploy(ctx context.Context, w DeployWatch) (*DeployOutcome, error) {
	d := &deployWait{c: c, w: w, out: &DeployOutcome{OrderID: w.OrderID, ServerID: w.ServerID}, gone: c.newAbsence(), b: c.statusBatcher()}
	d.b.watch(w.OrderID)
	defer d.b.unwatch(w.OrderID)
	err := d.run(ctx)
	out := d.out
	if err != nil {
		var failed *DeployFailedError
		if !errors.As(err, &failed) && ctx.Err() != nil {
			return out, fmt.Errorf("waiting for order %d (server %s) to be ready, last status %q: %w", w.OrderID, serverIDText(out.ServerID), out.LastStatus, err)
		}
		return out, err
	}
	return out, nil
}

// confirmFirst is the first wait, as a share of the poll settings' first
// wait (Initial), before the server record is read again when the status
// shows the server ready but the record does not yet (FIELD-NOTES: records
// are sometimes missing for a while); each next wait is twice as long, up to
// the poll settings' Max.
const confirmFirst = 0.25

// deployWait is one WaitDeploy in progress.
type deployWait struct {
	c    *Client
	w    DeployWatch
	out  *DeployOutcome
	gone *absence
	b    *statusBatcher
	// confirmAt is when the record is read again between status reads
	// (zero: not before the next status read), confirmWait the wait after.
	confirmAt   time.Time
	confirmWait time.Duration
}

func (d *deployWait) run(ctx context.Context) error {
	var seen uint64
	for {
		r, ok, err := d.b.next(ctx, d.c, d.w.OrderID, seen, d.confirmAt)
		if err != nil {
			return err
		}
		var done bool
		if ok {
			seen = r.fetch
			done, err = d.check(ctx, r.st, r.listed)
		} else {
			done, err = d.reconfirm(ctx)
		}
		if err != nil || done {
			return err
		}
	}
}

func (d *deployWait) setServer(id int64) {
	if id == 0 || d.out.ServerID != 0 {
		return
	}
	d.out.ServerID = id
	if d.w.OnServerID != nil {
		d.w.OnServerID(id)
	}
}

// check judges one status read (listed false: the status view did not list
// the order) and, when needed, the server record.
func (d *deployWait) check(ctx context.Context, st DeployStatus, listed bool) (bool, error) {
	var srv *Server
	var err error
	if listed {
		d.gone.seen()
		d.setServer(int64(st.ServerID))
		d.out.record(st)
		tflog.Debug(ctx, "Gigahost deploy status", map[string]any{"order_id": d.w.OrderID, "srv_id": d.out.ServerID, "status": d.out.LastStatus})
		if st.Provisioning() || d.out.ServerID == 0 {
			d.confirmAt = time.Time{}
			return false, nil
		}
		// Ready in the status view (or a status the docs do not list):
		// confirm from the server record, which may still be missing for
		// a while.
		if srv, err = d.c.serverOrNil(ctx, d.out.ServerID); err != nil {
			return false, err
		}
	} else {
		if d.out.ServerID == 0 {
			srv, err = d.c.FindServerByOrder(ctx, d.w.OrderID)
			if srv != nil {
				d.setServer(int64(srv.ID))
			}
		} else {
			srv, err = d.c.serverOrNil(ctx, d.out.ServerID)
		}
		if err != nil {
			return false, err
		}
	}
	if d.confirmed(srv) {
		return true, nil
	}
	if listed || srv != nil {
		return false, nil
	}
	if d.gone.missed() {
		return false, &DeployFailedError{OrderID: d.w.OrderID, ServerID: d.out.ServerID, LastStatus: d.out.LastStatus, Reads: d.gone.reads, Since: time.Since(d.gone.since)}
	}
	return false, nil
}

// confirmed reports whether a record read shows the server present and
// installed; if not, and the server id is known, it schedules a read of the
// record before the next status read.
func (d *deployWait) confirmed(srv *Server) bool {
	switch {
	case srv != nil && srv.Deleted():
		return false
	case srv != nil:
		d.gone.seen()
		if !srv.Installing {
			d.out.Server = srv
			return true
		}
	}
	if d.out.ServerID != 0 {
		if d.confirmWait == 0 {
			d.confirmWait = time.Duration(confirmFirst * float64(d.c.poll.Interval(0)))
		}
		d.confirmAt = time.Now().Add(d.confirmWait)
		if d.confirmWait *= 2; d.c.poll.Max > 0 {
			d.confirmWait = min(d.confirmWait, d.c.poll.Max)
		}
	}
	return false
}

// reconfirm reads the record between status reads. A miss here counts
// towards no absence: only reads beside a status read do.
func (d *deployWait) reconfirm(ctx context.Context) (bool, error) {
	srv, err := d.c.serverOrNil(ctx, d.out.ServerID)
	if err != nil {
		return false, err
	}
	if srv != nil && srv.Deleted() {
		srv = nil
	}
	return d.confirmed(srv), nil
}

// record keeps what a status shows; an empty value keeps what was seen
// before (the password is shown only while installing).
func (out *DeployOutcome) record(st DeployStatus) {
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
// reads and AbsenceWindow (nil, nil). A record that shows the server deleted
// (srv_deleted) is absent at once; a cancelled order is not (the docs'
// GET /servers/{id} example shows order_status "cancelled" on a live server).
func (c *Client) ConfirmServer(ctx context.Context, id int64) (*Server, error) {
	var found *Server
	gone := c.newAbsence()
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		srv, err := c.serverOrNil(ctx, id)
		if err != nil {
			return false, err
		}
		if srv != nil {
			if !srv.Deleted() {
				found = srv
			}
			return true, nil
		}
		return gone.missed(), nil
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}

// WaitServerGone polls until a server this client cancelled is missing,
// deleted (srv_deleted) or marked cancelled ("cancelled" set). After a
// cancellation the API answered with success, one miss is enough. An order
// status of "cancelled" alone is not: the docs show it on a live server.
func (c *Client) WaitServerGone(ctx context.Context, id int64) error {
	return client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		srv, err := c.serverOrNil(ctx, id)
		if err != nil {
			return false, err
		}
		return srv == nil || srv.Deleted() || bool(srv.CancelledAt), nil
	})
}

// WaitOrderServer waits until an order has a server id, or until the order
// is confirmed gone with no server (0, nil): missing from the deploy status
// and the server list over AbsenceReads reads and AbsenceWindow.
func (c *Client) WaitOrderServer(ctx context.Context, orderID int64) (int64, error) {
	var serverID int64
	gone := c.newAbsence()
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
			gone.seen()
			return false, nil
		}
		return gone.missed(), nil
	})
	return serverID, err
}

// WaitReinstall waits until the server record shows the new OS and no
// install running. The record may be missing for a while meanwhile.
func (c *Client) WaitReinstall(ctx context.Context, id, osID int64) error {
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		srv, err := c.serverOrNil(ctx, id)
		if err != nil || srv == nil {
			return false, err
		}
		return int64(srv.OSID) == osID && !bool(srv.Installing), nil
	})
	if err != nil {
		return fmt.Errorf("waiting for the reinstall of server %d with os %d: %w", id, osID, err)
	}
	return nil
}
