package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Snapshots of virtual servers: GET /servers/{id}/snapshots, POST
// /servers/{id}/snapshot (name; the answer is a message without an id),
// DELETE /servers/{id}/snapshot/{snap-id}. The docs list no restore.

// Snapshot is one item of GET /servers/{id}/snapshots.
type Snapshot struct {
	ID          client.Int    `json:"snap_id"`
	ServerID    client.Int    `json:"srv_id"`
	Name        client.String `json:"snap_name"`
	DisplayName client.String `json:"snap_display_name"`
	Time        client.Int    `json:"snap_time"`  // unix seconds
	State       client.String `json:"snap_state"` // pending, completed
}

// Label is the snapshot's descriptive name: snap_display_name when set,
// else snap_name. The docs do not say which of the two shows the name given
// to the create (their example: snap_name "Asdf1234", snap_display_name
// "my-snapshot").
func (s Snapshot) Label() string {
	if s.DisplayName != "" {
		return string(s.DisplayName)
	}
	return string(s.Name)
}

// named reports whether either name field carries name.
func (s Snapshot) named(name string) bool {
	return string(s.DisplayName) == name || string(s.Name) == name
}

// Completed reports whether the snapshot is done (snap_state "completed").
func (s Snapshot) Completed() bool { return strings.EqualFold(string(s.State), "completed") }

// Pending reports whether the snapshot is still being made.
func (s Snapshot) Pending() bool { return strings.EqualFold(string(s.State), "pending") }

// Virtual reports whether snapshots apply to the server: the docs offer
// them for virtual servers, which the record shows as srv_type "vps" with an
// srv_vps_type (kvm). A record that names no type at all is left to the API.
func (s *Server) Virtual() bool {
	return s.Type == "" || strings.EqualFold(string(s.Type), "vps") || s.VPSType != ""
}

// NotVirtualError refuses a snapshot of a server that is not virtual.
type NotVirtualError struct {
	ServerID int64
	Type     string
}

func (e *NotVirtualError) Error() string {
	return fmt.Sprintf("server %d is not a virtual server (srv_type %q): the API offers snapshots of virtual servers (srv_type \"vps\") only", e.ServerID, e.Type)
}

func snapshotsPath(serverID int64) string { return serverPath(serverID, "/snapshots") }

// Snapshots lists a server's snapshots. Every item must carry a snap_id: an
// unknown shape is an error, never "no snapshots".
func (c *Client) Snapshots(ctx context.Context, serverID int64) ([]Snapshot, error) {
	var raw json.RawMessage
	path := snapshotsPath(serverID)
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return nil, err
	}
	items, err := listItems(raw, "snapshots")
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	out := make([]Snapshot, 0, len(items))
	for _, item := range items {
		var s Snapshot
		if err := json.Unmarshal(item, &s); err != nil || s.ID == 0 {
			return nil, fmt.Errorf("GET %s: an item that is not a snapshot with a snap_id: %s", path, abbreviate(item))
		}
		out = append(out, s)
	}
	return out, nil
}

// snapshotsOrGone lists the snapshots; a 404 is read as the server's
// absence, confirmed over several reads (gone true) or not (the list is
// read again once the server shows).
func (c *Client) snapshotsOrGone(ctx context.Context, serverID int64) (list []Snapshot, gone bool, err error) {
	list, err = c.Snapshots(ctx, serverID)
	if !client.IsNotFound(err) {
		return list, false, err
	}
	srv, cerr := c.ConfirmServer(ctx, serverID)
	if cerr != nil || srv == nil {
		return nil, srv == nil && cerr == nil, cerr
	}
	list, err = c.Snapshots(ctx, serverID)
	return list, false, err
}

func findSnapshot(list []Snapshot, id int64) (Snapshot, bool) {
	for _, s := range list {
		if int64(s.ID) == id {
			return s, true
		}
	}
	return Snapshot{}, false
}

// Snapshot returns one snapshot, or nil when it is confirmed gone: missing
// from the list over AbsenceReads reads and the absence window, or its
// server confirmed gone (servers are sometimes missing for tens of seconds,
// FIELD-NOTES; nothing says the snapshot list is steadier).
func (c *Client) Snapshot(ctx context.Context, serverID, snapID int64) (*Snapshot, error) {
	var found *Snapshot
	missing := c.newAbsence()
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		list, gone, err := c.snapshotsOrGone(ctx, serverID)
		if err != nil || gone {
			return gone, err
		}
		if s, ok := findSnapshot(list, snapID); ok {
			found = &s
			return true, nil
		}
		return missing.missed(), nil
	})
	return found, err
}

// CreateSnapshot starts a snapshot of a virtual server and returns it as
// the list first shows it (pending, as a rule). The answer carries no id, so
// the snapshot is the one the list shows that was not there before and
// carries the name; creates on one server are serialised so that the list
// before is this create's own. A lost answer is resolved by listing
// (client.CreateOnce), never by a blind second create; a new snapshot not
// listed yet is looked for over the absence window. A server whose record
// shows it is not virtual is refused before anything is sent.
func (c *Client) CreateSnapshot(ctx context.Context, serverID int64, name string) (Snapshot, error) {
	srv, err := c.ConfirmServer(ctx, serverID)
	if err != nil {
		return Snapshot{}, err
	}
	if srv == nil {
		return Snapshot{}, fmt.Errorf("server %d does not exist (confirmed over several reads)", serverID)
	}
	if !srv.Virtual() {
		return Snapshot{}, &NotVirtualError{ServerID: serverID, Type: string(srv.Type)}
	}
	unlock := c.snapshotLocks.lock(serverID)
	defer unlock()
	before, err := c.Snapshots(ctx, serverID)
	if err != nil {
		return Snapshot{}, fmt.Errorf("listing the snapshots of server %d before creating one: %w", serverID, err)
	}
	known := make([]int64, 0, len(before))
	for _, s := range before {
		known = append(known, int64(s.ID))
	}
	findNew := func(ctx context.Context) (Snapshot, bool, error) {
		list, err := c.Snapshots(ctx, serverID)
		if err != nil {
			return Snapshot{}, false, err
		}
		var hits []Snapshot
		for _, s := range list {
			if s.named(name) && !slices.Contains(known, int64(s.ID)) {
				hits = append(hits, s)
			}
		}
		switch len(hits) {
		case 0:
			return Snapshot{}, false, nil
		case 1:
			return hits[0], true, nil
		}
		return Snapshot{}, false, fmt.Errorf("%d new snapshots of server %d are named %q (ids %s): cannot tell which one this create made; import the right one",
			len(hits), serverID, name, snapshotIDs(hits))
	}
	path := serverPath(serverID, "/snapshot")
	snap, adopted, err := client.CreateOnce(ctx, c.createTries("the snapshot was not created"), func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: map[string]any{"name": name}, Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) (Snapshot, bool, error) {
		s, ok, ferr := findNew(ctx)
		if ferr != nil {
			return s, false, fmt.Errorf("%w; and listing the snapshots to learn whether it was created failed: %w", err, ferr)
		}
		if !ok {
			// A snapshot the list shows only a little later would be
			// created twice: look over the absence window first.
			s, ok, ferr = c.waitNewSnapshot(ctx, findNew)
		}
		return s, ok, ferr
	})
	if err != nil || adopted {
		return snap, err
	}
	snap, ok, err := c.waitNewSnapshot(ctx, findNew)
	if err != nil {
		return Snapshot{}, fmt.Errorf("the snapshot %q of server %d was created, but listing the snapshots to learn its id failed: %w", name, serverID, err)
	}
	if !ok {
		return Snapshot{}, fmt.Errorf("POST %s answered that the snapshot %q is being created, but the server's snapshot list does not show it (read %d times)", path, name, AbsenceReads)
	}
	return snap, nil
}

// waitNewSnapshot looks for the new snapshot until it shows or has been
// missing for AbsenceReads reads and the absence window.
func (c *Client) waitNewSnapshot(ctx context.Context, findNew func(context.Context) (Snapshot, bool, error)) (Snapshot, bool, error) {
	var snap Snapshot
	var found bool
	missing := c.newAbsence()
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		s, ok, err := findNew(ctx)
		if err != nil || ok {
			snap, found = s, ok
			return true, err
		}
		return missing.missed(), nil
	})
	return snap, found, err
}

func snapshotIDs(list []Snapshot) string {
	ids := make([]string, 0, len(list))
	for _, s := range list {
		ids = append(ids, fmt.Sprint(int64(s.ID)))
	}
	return strings.Join(ids, ", ")
}

// SnapshotFailedError is a snapshot that left pending without completing.
type SnapshotFailedError struct {
	ServerID, SnapID int64
	State            string // "" when the snapshot disappeared
}

func (e *SnapshotFailedError) Error() string {
	if e.State == "" {
		return fmt.Sprintf("snapshot %d of server %d disappeared before it completed", e.SnapID, e.ServerID)
	}
	return fmt.Sprintf("snapshot %d of server %d is in state %q, neither pending nor completed (the states the docs list)", e.SnapID, e.ServerID, e.State)
}

// WaitSnapshot waits until a snapshot is completed (snap_state "completed",
// compared without case). pending is waited for; any other state, and a
// snapshot confirmed gone, fails the wait.
func (c *Client) WaitSnapshot(ctx context.Context, serverID, snapID int64) (Snapshot, error) {
	var last Snapshot
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		s, err := c.Snapshot(ctx, serverID, snapID)
		switch {
		case err != nil:
			return false, err
		case s == nil:
			return false, &SnapshotFailedError{ServerID: serverID, SnapID: snapID}
		case s.Completed():
			last = *s
			return true, nil
		case s.Pending():
			last = *s
			return false, nil
		}
		return false, &SnapshotFailedError{ServerID: serverID, SnapID: snapID, State: string(s.State)}
	})
	if err != nil && ctx.Err() != nil {
		return last, fmt.Errorf("waiting for snapshot %d of server %d to complete (last state %q): %w", snapID, serverID, string(last.State), err)
	}
	return last, err
}

// DeleteSnapshot deletes a snapshot and verifies it by listing until it is
// gone (a 200 alone is not trusted). A snapshot or server already gone is no
// error.
func (c *Client) DeleteSnapshot(ctx context.Context, serverID, snapID int64) error {
	path := serverPath(serverID, fmt.Sprintf("/snapshot/%d", snapID))
	if err := c.do(ctx, http.MethodDelete, path, nil, nil, nil); err != nil && !client.IsNotFound(err) {
		return err
	}
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		list, gone, err := c.snapshotsOrGone(ctx, serverID)
		if err != nil || gone {
			return gone, err
		}
		_, still := findSnapshot(list, snapID)
		return !still, nil
	})
	if err != nil {
		return fmt.Errorf("DELETE %s was answered, but verifying that the snapshot is gone failed: %w", path, err)
	}
	return nil
}

// keyedLocks is one mutex per key, made on first use.
type keyedLocks struct {
	mu    sync.Mutex
	locks map[int64]*sync.Mutex
}

// lock locks key's mutex and returns its unlock.
func (k *keyedLocks) lock(key int64) func() {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[int64]*sync.Mutex{}
	}
	m, ok := k.locks[key]
	if !ok {
		m = &sync.Mutex{}
		k.locks[key] = m
	}
	k.mu.Unlock()
	m.Lock()
	return m.Unlock
}
