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
	gone := c.newAbsence()
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		st, listed, err := b.get(ctx, c, w.OrderID, c.poll.Initial/2)
		if err != nil {
			return false, err
		}
		var srv *Server
		if listed {
			gone.seen()
			setServer(int64(st.ServerID))
			out.record(st)
			tflog.Debug(ctx, "Gigahost deploy status", map[string]any{"order_id": w.OrderID, "srv_id": out.ServerID, "status": out.LastStatus})
			if st.Provisioning() || out.ServerID == 0 {
				return false, nil
			}
			// Ready in the status view (or a status the docs do not list):
			// confirm from the server record, which may still be missing for
			// a while.
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
		if srv != nil && !srv.Deleted() {
			gone.seen()
			if srv.Installing {
				return false, nil
			}
			out.Server = srv
			return true, nil
		}
		if listed {
			return false, nil
		}
		if gone.missed() {
			return false, &DeployFailedError{OrderID: w.OrderID, ServerID: out.ServerID, LastStatus: out.LastStatus, Reads: gone.reads, Since: time.Since(gone.since)}
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
