package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Server is a server record of GET /servers and GET /servers/{id}. Most
// scalars come as strings, some as numbers (srv_ram); nested objects may come
// as null or [] when empty, so they are decoded leniently.
type Server struct {
	ID          client.Int    `json:"srv_id"`
	Name        client.String `json:"srv_name"`
	Hostname    client.String `json:"srv_hostname"`
	Label       client.String `json:"srv_label"`
	Type        client.String `json:"srv_type"`     // vps, dedicated
	VPSType     client.String `json:"srv_vps_type"` // kvm
	Online      client.Bool   `json:"srv_status"`
	Installing  client.Bool   `json:"srv_status_install"`
	Rescue      client.Bool   `json:"srv_status_rescue"`
	Suspended   client.Bool   `json:"srv_suspended"`
	DeletedFlag client.Bool   `json:"srv_deleted"`
	// srv_feature_backups is not read: nothing shows that it is the ordered
	// backups option rather than the availability of the feature, as the
	// other srv_feature_* flags are (reinstall, mgmt, firewall, snapshot).
	OSID        client.Int     `json:"os_id"`
	ISOID       client.Int     `json:"iso_id"`
	ProductID   client.Int     `json:"product_id"` // 0 on live records: see Order.ProductID
	Cores       client.Int     `json:"srv_cores"`
	RAMGB       client.Int     `json:"srv_ram"`
	PrimaryIP   client.String  `json:"srv_primary_ip"`
	IPs         []ServerIP     `json:"ips"`
	Subnets     []ServerSubnet `json:"subnets"`
	Order       ServerOrder    `json:"order"`
	Datacenter  ServerDC       `json:"datacenter"`
	OS          ServerOS       `json:"os"`
	CancelledAt cancelMark     `json:"cancelled"`
	// IPMISession is the open KVM/IPMI session (ipmi_session, null when
	// none), read only after a lost answer to POST /servers/{id}/ipmi.
	IPMISession json.RawMessage `json:"ipmi_session"`
}

// ServerIP is one address of a server.
type ServerIP struct {
	ID      client.Int    `json:"ip_id"`
	SubID   client.Int    `json:"sub_id"`
	Family  client.String `json:"ip_v4v6"` // ipv4, ipv6
	Address client.String `json:"ip_address"`
	Type    client.String `json:"ip_type"` // primary, extra
	Reverse client.String `json:"ip_reverse"`
}

// ServerOrder is the order behind a server.
type ServerOrder struct {
	OrderID      client.Int    `json:"order_id"`
	OrderNumber  client.String `json:"order_number"`
	ProductID    client.Int    `json:"product_id"`
	ProductName  client.String `json:"product_name"`
	BillingType  client.String `json:"order_billing_type"`  // hourly, recurring
	BillingCycle client.Int    `json:"order_billing_cycle"` // months of a recurring term
	Status       client.String `json:"order_status"`
}

// ServerDC is the datacenter and region of a server.
type ServerDC struct {
	RegionID   client.Int    `json:"region_id"`
	RegionName client.String `json:"region_name"`
	DCName     client.String `json:"dc_name"`
}

// ServerOS is the installed operating system.
type ServerOS struct {
	OSID client.Int    `json:"os_id"`
	Name client.String `json:"os_name"`
}

// The nested objects are sometimes null or [] on the live API.
func (o *ServerOrder) UnmarshalJSON(b []byte) error {
	type p ServerOrder
	return lenientObject(b, (*p)(o))
}

// UnmarshalJSON accepts an object, or null/[] as empty.
func (d *ServerDC) UnmarshalJSON(b []byte) error { type p ServerDC; return lenientObject(b, (*p)(d)) }

// UnmarshalJSON accepts an object, or null/[] as empty.
func (o *ServerOS) UnmarshalJSON(b []byte) error { type p ServerOS; return lenientObject(b, (*p)(o)) }

func lenientObject(b []byte, out any) error {
	s := strings.TrimSpace(string(b))
	if !strings.HasPrefix(s, "{") {
		return nil
	}
	return json.Unmarshal(b, out)
}

// cancelMark records whether "cancelled" carries anything: it is null on a
// live server, and its shape when set is not documented.
type cancelMark bool

func (c *cancelMark) UnmarshalJSON(b []byte) error {
	switch strings.TrimSpace(string(b)) {
	case "null", "false", "0", `"0"`, `""`, "[]", "{}":
		*c = false
	default:
		*c = true
	}
	return nil
}

// Deleted reports whether the record shows the server deleted (srv_deleted,
// docs GET /servers/{id}). Nothing else in a record means gone: the docs'
// own example shows order_status "cancelled" and "cancelled": null on a live
// server, and what "cancelled" holds when set is not documented.
func (s *Server) Deleted() bool { return bool(s.DeletedFlag) }

// DisplayName is the descriptive name the record shows. A rename is
// documented to set "the servers descriptive name" without saying which field
// shows it, so both are read. srv_label carries a set name when it is neither
// empty, nor srv_name, nor the default the docs and the live sample show
// (srv<id>.gigahost.no, equal to srv_hostname). A set label wins (a rename
// into srv_label, made here or outside Terraform, and the same after an
// import); otherwise srv_name.
func (s *Server) DisplayName() string {
	name, label := string(s.Name), string(s.Label)
	if label != "" && label != name && label != string(s.Hostname) &&
		!strings.HasPrefix(label, fmt.Sprintf("srv%d.", int64(s.ID))) {
		return label
	}
	return name
}

// IPv4 is the primary IPv4 address.
func (s *Server) IPv4() string {
	if s.PrimaryIP != "" {
		return string(s.PrimaryIP)
	}
	return s.firstIP("ipv4")
}

// IPv6 is the primary IPv6 address, or "" when the record omits it (it
// sometimes does: keep the deploy-time value then).
func (s *Server) IPv6() string { return s.firstIP("ipv6") }

func (s *Server) firstIP(family string) string {
	fallback := ""
	for _, ip := range s.IPs {
		if !strings.EqualFold(string(ip.Family), family) {
			continue
		}
		if strings.EqualFold(string(ip.Type), "primary") {
			return string(ip.Address)
		}
		if fallback == "" {
			fallback = string(ip.Address)
		}
	}
	return fallback
}

// ProductIDOf is the product of the server: live records carry it only in the order.
func (s *Server) ProductIDOf() int64 {
	if s.Order.ProductID != 0 {
		return int64(s.Order.ProductID)
	}
	return int64(s.ProductID)
}

// BillingPeriod maps the order's billing type and cycle to the deploy
// request's billing_period: hourly, monthly, quarterly or annual ("" when unknown).
func (s *Server) BillingPeriod() string {
	switch strings.ToLower(string(s.Order.BillingType)) {
	case "hourly":
		return "hourly"
	case "recurring":
		switch s.Order.BillingCycle {
		case 1:
			return "monthly"
		case 3:
			return "quarterly"
		case 12:
			return "annual"
		}
	}
	return ""
}

func serverPath(id int64, suffix string) string { return fmt.Sprintf("/servers/%d%s", id, suffix) }

// ListServers returns every server the credentials can see (GET /servers).
// The live API sometimes omits a live server for a while.
func (c *Client) ListServers(ctx context.Context) ([]Server, error) {
	var out []Server
	if err := c.do(ctx, http.MethodGet, "/servers", nil, nil, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// GetServer returns one server. The API wraps it in a one-element list; an
// empty list is reported as a 404 like an unknown id.
func (c *Client) GetServer(ctx context.Context, id int64) (*Server, error) {
	path := serverPath(id, "")
	var out []Server
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &out); err != nil {
		return nil, err
	}
	for i := range out {
		if int64(out[i].ID) == id || len(out) == 1 {
			return &out[i], nil
		}
	}
	return nil, &client.APIError{Method: http.MethodGet, Path: path, Status: http.StatusNotFound, Message: "server not in the answer"}
}

// maxOrderReads bounds how many server records FindServerByOrder reads when
// the list items carry no order.
const maxOrderReads = 20

// FindServerByOrder lists the servers and returns the one created by the
// order, if any. The docs' GET /servers example carries no "order" object
// (the record of GET /servers/{id} does): list items without an order id are
// read one by one, newest first, at most maxOrderReads of them.
func (c *Client) FindServerByOrder(ctx context.Context, orderID int64) (*Server, error) {
	servers, err := c.ListServers(ctx)
	if err != nil {
		return nil, err
	}
	var unknown []int64
	for i := range servers {
		switch int64(servers[i].Order.OrderID) {
		case orderID:
			return &servers[i], nil
		case 0:
			unknown = append(unknown, int64(servers[i].ID))
		}
	}
	sort.Slice(unknown, func(i, j int) bool { return unknown[i] > unknown[j] })
	for i, id := range unknown {
		if i >= maxOrderReads {
			break
		}
		srv, err := c.serverOrNil(ctx, id)
		if err != nil {
			return nil, err
		}
		if srv != nil && int64(srv.Order.OrderID) == orderID {
			return srv, nil
		}
	}
	return nil, nil
}

// RenameServer sets the server's descriptive name (PUT /servers/{id}/name).
func (c *Client) RenameServer(ctx context.Context, id int64, name string) error {
	return c.do(ctx, http.MethodPut, serverPath(id, "/name"), nil, map[string]any{"name": name}, nil)
}

// CancelServer sends one cancellation, which terminates a server and stops
// its billing at once (POST /servers/{id}/cancel with early_termination, the
// only way: DELETE answers 405). It is not retried: a 5xx or a lost answer is
// a client.OutcomeUnknownError. A server that no longer exists answers 400,
// not 404. Cancel handles both.
func (c *Client) CancelServer(ctx context.Context, id int64, reason string) error {
	body := map[string]any{"reason": reason, "early_termination": 1}
	return c.send(ctx, client.Request{Method: http.MethodPost, Path: serverPath(id, "/cancel"), Body: body, Creates: true}, nil)
}

// maxCancelAttempts bounds how often Cancel sends the cancellation.
const maxCancelAttempts = 3

// Cancel terminates a server and waits until it is gone. The cancellation is
// never sent blindly twice: after a lost answer (a 5xx or a dropped
// connection) the server is read first, and the cancellation is sent again
// only when the server is there and neither deleted nor marked cancelled. A
// refused cancellation (400, 404, 410) is followed by an absence check
// (FIELD-NOTES): a server confirmed absent is no error, and warning says so.
func (c *Client) Cancel(ctx context.Context, id int64, reason string) (warning string, err error) {
	for attempt := 1; ; attempt++ {
		err := c.CancelServer(ctx, id, reason)
		switch {
		case err == nil:
			if err := c.WaitServerGone(ctx, id); err != nil {
				return "", fmt.Errorf("server %d was cancelled but still shows as active: %w", id, err)
			}
			return "", nil
		case client.IsOutcomeUnknown(err):
			srv, cerr := c.ConfirmServer(ctx, id)
			if cerr != nil {
				return "", fmt.Errorf("%w (and reading server %d back failed: %w)", err, id, cerr)
			}
			if srv == nil || bool(srv.CancelledAt) {
				return "", nil
			}
			if attempt >= maxCancelAttempts {
				return "", fmt.Errorf("%w; server %d is still active after %d cancellations", err, id, attempt)
			}
			continue
		case client.IsStatus(err, http.StatusBadRequest, http.StatusNotFound, http.StatusGone):
			srv, cerr := c.ConfirmServer(ctx, id)
			if cerr != nil {
				return "", fmt.Errorf("%w (and checking whether server %d still exists failed: %w)", err, id, cerr)
			}
			if srv != nil && !bool(srv.CancelledAt) {
				return "", err
			}
			return fmt.Sprintf("The cancellation of server %d was refused (%s), and the server is confirmed gone: it is removed from state.", id, err), nil
		default:
			return "", err
		}
	}
}
