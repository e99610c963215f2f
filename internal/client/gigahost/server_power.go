package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Power and console access of a server (gigahost-api.txt): GET
// /servers/{id}/reboot, /power/on, /power/off ("if supported"; no answer
// body shown), GET /servers/{id}/powerstate (meta.powerstate), POST
// /servers/{id}/ipmi (a KVM/IPMI session valid for 3 hours). FIELD-NOTES:
// power on and off answer 405 on KVM VPS products; reboot works.

// PowerUnsupportedError is a power on or off the API refused with 405: KVM
// VPS products have no power control (FIELD-NOTES).
type PowerUnsupportedError struct {
	ServerID int64
	State    string // on, off
	Err      error
}

func (e *PowerUnsupportedError) Error() string {
	return fmt.Sprintf("server %d cannot be powered %s: power control is not available for KVM VPS products, "+
		"which answer 405 to it. Use gigahost_server_reboot to restart it: reboot works on every server. (%s)",
		e.ServerID, e.State, e.Err)
}

func (e *PowerUnsupportedError) Unwrap() error { return e.Err }

// RebootServer sends one reboot (GET /servers/{id}/reboot). It is marked as
// a write that is never retried blindly: a 5xx or a lost answer is a
// client.OutcomeUnknownError.
func (c *Client) RebootServer(ctx context.Context, id int64) error {
	return c.send(ctx, client.Request{Method: http.MethodGet, Path: serverPath(id, "/reboot"), Creates: true}, nil)
}

// PowerServer sends one power on or off (GET /servers/{id}/power/on|off),
// never retried blindly, as RebootServer. A 405 is a *PowerUnsupportedError.
func (c *Client) PowerServer(ctx context.Context, id int64, on bool) error {
	state := powerWord(on)
	err := c.send(ctx, client.Request{Method: http.MethodGet, Path: serverPath(id, "/power/"+state), Creates: true}, nil)
	if client.IsStatus(err, http.StatusMethodNotAllowed) {
		return &PowerUnsupportedError{ServerID: id, State: state, Err: err}
	}
	return err
}

func powerWord(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// Reboot reboots a server once. A lost answer is not resent (a second
// reboot is a second outage, and nothing the API shows tells whether the
// first took place): it is an error that says so.
func (c *Client) Reboot(ctx context.Context, id int64, progress client.Progress) error {
	progress.Say("Rebooting server %d", id)
	err := c.RebootServer(ctx, id)
	if client.IsOutcomeUnknown(err) {
		return fmt.Errorf("%w; whether server %d is rebooting is unknown, and the reboot was not sent again so that it never runs twice: "+
			"check the server, and run the action again if it is needed", err, id)
	}
	if err != nil {
		return fmt.Errorf("the reboot of server %d was refused: %w", id, err)
	}
	return nil
}

// PowerState is GET /servers/{id}/powerstate: meta.powerstate (true: on)
// and meta.timestamp. An answer without meta.powerstate is an error.
func (c *Client) PowerState(ctx context.Context, id int64) (on bool, err error) {
	path := serverPath(id, "/powerstate")
	resp, err := c.sendRaw(ctx, false, client.Request{Method: http.MethodGet, Path: path})
	if err != nil {
		return false, err
	}
	var answer struct {
		Meta struct {
			PowerState json.RawMessage `json:"powerstate"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(resp.Body, &answer); err != nil {
		return false, fmt.Errorf("GET %s: decoding response: %w", path, err)
	}
	raw := strings.TrimSpace(string(answer.Meta.PowerState))
	if raw == "" || raw == "null" {
		return false, fmt.Errorf("GET %s: the answer has no meta.powerstate: %s", path, abbreviate(resp.Body))
	}
	var state client.Bool
	if err := json.Unmarshal(answer.Meta.PowerState, &state); err != nil {
		return false, fmt.Errorf("GET %s: meta.powerstate: %w", path, err)
	}
	return bool(state), nil
}

// SetPower powers a server on or off and confirms it with its powerstate.
// A 405 is a *PowerUnsupportedError (KVM VPS). A lost answer is resolved by
// reading the powerstate first: the call is sent again (3 times in all)
// only while the server is not yet in the state asked for. After the call,
// the powerstate is polled until it shows the state, within ctx; a server
// whose powerstate cannot be read (the docs: "if supported") is not held
// against the call, and warnings say so.
func (c *Client) SetPower(ctx context.Context, id int64, on bool, progress client.Progress) ([]string, error) {
	state := powerWord(on)
	progress.Say("Powering server %d %s", id, state)
	send := func(ctx context.Context) error { return c.PowerServer(ctx, id, on) }
	find := func(ctx context.Context, _ int, lost error) (struct{}, bool, error) {
		now, err := c.PowerState(ctx, id)
		if err != nil {
			return struct{}{}, false, fmt.Errorf("%w; and reading the powerstate of server %d back failed: %w", lost, id, err)
		}
		return struct{}{}, now == on, nil
	}
	_, _, err := client.CreateOnce(ctx, client.CreateTries{Attempts: maxCancelAttempts, NotCreated: "the server is still not powered " + state}, send, find)
	var unsupported *PowerUnsupportedError
	if errors.As(err, &unsupported) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("powering server %d %s: %w", id, state, err)
	}
	progress.Say("Waiting for server %d to report powerstate %s", id, state)
	var last error
	err = client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		now, err := c.PowerState(ctx, id)
		if err != nil {
			last = err
			return true, nil
		}
		return now == on, nil
	})
	switch {
	case last != nil:
		return []string{fmt.Sprintf("Server %d was powered %s, but its powerstate could not be read to confirm it "+
			"(the API reports it only where supported): %s", id, state, last)}, nil
	case err != nil:
		return nil, fmt.Errorf("server %d was sent the power %s, but its powerstate does not show it yet: %w", id, state, err)
	}
	return nil, nil
}

// IPMISessionLifetime is how long a KVM/IPMI session is valid (the docs:
// "Sessions are valid for 3 hours at a time").
const IPMISessionLifetime = 3 * time.Hour

// IPMISession is the answer of POST /servers/{id}/ipmi. The docs' example
// answers kvm_ip_address, username and password; the session as the server
// record shows it (ipmi_session) names them kvm_username, kvm_password, with
// kvm_expires in unix seconds. Both names are read.
type IPMISession struct {
	Address   string
	Username  string
	Password  string
	ExpiresAt time.Time
	// ExpiryComputed is true when no answer carried kvm_expires and
	// ExpiresAt is the time of the request plus IPMISessionLifetime.
	ExpiryComputed bool
}

type ipmiAnswer struct {
	Address     client.String `json:"kvm_ip_address"`
	Username    client.String `json:"username"`
	KVMUsername client.String `json:"kvm_username"`
	Password    client.String `json:"password"`
	KVMPassword client.String `json:"kvm_password"`
	Expires     client.Int    `json:"kvm_expires"`
}

// session reads the answer; issued is when the request was sent. An answer
// without an address, a user name and a password is an error that shows
// only its field names (never their values: they are credentials).
func (a ipmiAnswer) session(issued time.Time) (IPMISession, error) {
	s := IPMISession{Address: string(a.Address), Username: string(a.Username), Password: string(a.Password)}
	if s.Username == "" {
		s.Username = string(a.KVMUsername)
	}
	if s.Password == "" {
		s.Password = string(a.KVMPassword)
	}
	if s.Address == "" || s.Username == "" || s.Password == "" {
		return IPMISession{}, errors.New("the answer lacks kvm_ip_address, username (kvm_username) or password (kvm_password)")
	}
	if a.Expires > 0 {
		s.ExpiresAt = time.Unix(int64(a.Expires), 0).UTC()
	} else {
		s.ExpiresAt, s.ExpiryComputed = issued.Add(IPMISessionLifetime).UTC().Truncate(time.Second), true
	}
	return s, nil
}

// fieldNames lists an object's keys, for errors about answers that carry
// credentials.
func fieldNames(raw json.RawMessage) string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return "not an object"
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	return "fields: " + strings.Join(names, ", ")
}

// OpenIPMI establishes a KVM/IPMI session with a server (POST
// /servers/{id}/ipmi, with acl, a semicolon-separated list of addresses and
// subnets, when not empty). A lost answer is resolved by reading the server
// record: a session it shows (ipmi_session, with credentials and an expiry
// still ahead) is taken; else the request is sent again, twice in all.
func (c *Client) OpenIPMI(ctx context.Context, id int64, acl string) (IPMISession, error) {
	path := serverPath(id, "/ipmi")
	var body map[string]any
	if acl != "" {
		body = map[string]any{"acl": acl}
	}
	var got IPMISession
	send := func(ctx context.Context) error {
		issued := time.Now()
		var data json.RawMessage
		if err := c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body, Creates: true}, &data); err != nil {
			return err
		}
		// Errors name the answer's fields, never quote it: it holds credentials.
		obj, err := oneObject(data, "kvm_ip_address", "password", "kvm_password")
		if err != nil {
			return fmt.Errorf("POST %s: no session object in the answer (%s)", path, fieldNames(data))
		}
		var a ipmiAnswer
		if err := json.Unmarshal(obj, &a); err != nil {
			return fmt.Errorf("POST %s: the session could not be read (%s)", path, fieldNames(obj))
		}
		if got, err = a.session(issued); err != nil {
			return fmt.Errorf("POST %s: %w (%s)", path, err, fieldNames(obj))
		}
		return nil
	}
	find := func(ctx context.Context, _ int, lost error) (IPMISession, bool, error) {
		s, err := c.shownIPMISession(ctx, id)
		if err != nil {
			return IPMISession{}, false, fmt.Errorf("%w; and reading server %d back failed: %w", lost, id, err)
		}
		return s, s.Password != "", nil
	}
	adopted, found, err := client.CreateOnce(ctx, client.CreateTries{Attempts: 2, NotCreated: "no session was opened"}, send, find)
	if found {
		return adopted, err
	}
	return got, err
}

// shownIPMISession is the session the server record shows in ipmi_session,
// when it carries credentials and expires more than a minute from now; the
// zero session otherwise. A record missing for a while is read again
// (ConfirmServer); one confirmed gone is an error.
func (c *Client) shownIPMISession(ctx context.Context, id int64) (IPMISession, error) {
	srv, err := c.ConfirmServer(ctx, id)
	if err != nil {
		return IPMISession{}, err
	}
	if srv == nil {
		return IPMISession{}, fmt.Errorf("server %d is gone", id)
	}
	var a ipmiAnswer
	if json.Unmarshal(srv.IPMISession, &a) != nil || a.Expires == 0 {
		return IPMISession{}, nil
	}
	s, err := a.session(time.Now())
	if err != nil || time.Until(s.ExpiresAt) < time.Minute {
		return IPMISession{}, nil //nolint:nilerr // a record without a usable session: none to adopt
	}
	return s, nil
}
