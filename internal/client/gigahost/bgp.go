package gigahost

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// BGP (docs § /bgp): GET /bgp lists the account's ASNs, prefix lists and
// sessions in one answer; POST /bgp/{asn_id}/session creates the sessions
// of an IP address (one per router with redundant) and answers without
// ids; DELETE /bgp/{session_id}/session marks one session for deletion,
// which the API carries out later.

// BGP is the answer of GET /bgp.
type BGP struct {
	ASNs        []BGPASN
	PrefixLists []BGPPrefixList
	Sessions    []BGPSession
}

// BGPASN is one of the account's ASNs.
type BGPASN struct {
	ID             client.Int    `json:"id"` // the database id that POST /bgp/{asn_id}/session takes
	ASN            client.String `json:"asn"`
	Name           client.String `json:"asn_name"`
	Country        client.String `json:"asn_country"`
	IRRv4          client.String `json:"irr_v4"`
	IRRv6          client.String `json:"irr_v6"`
	IRRUpdated     client.Int    `json:"irr_updated"` // unix seconds
	Status         client.String `json:"status"`
	RejectedReason client.String `json:"rejected_reason"`
}

// BGPPrefixList is one prefix of an ASN's prefix list.
type BGPPrefixList struct {
	ID         client.Int    `json:"id"`
	ASNID      client.Int    `json:"asn_id"`
	Prefix     client.String `json:"prefix"`
	PrefixType client.String `json:"prefix_type"`
	Status     client.String `json:"status"`
	YourASN    client.String `json:"your_asn"`
	ASNCountry client.String `json:"asn_country"`
}

// BGPSession is one BGP session: one address of a server on one router.
type BGPSession struct {
	ID           client.String `json:"id"`
	ASNID        client.Int    `json:"asn_id"`
	RouterID     client.Int    `json:"router_id"`
	ServerID     client.Int    `json:"srv_id"`
	IPID         client.Int    `json:"ip_id"`
	IPType       client.String `json:"ip_type"`
	DefaultRoute client.Bool   `json:"defaultroute"`
	Status       client.String `json:"status"`
	NeighborIPv4 client.String `json:"neighbor_ipv4"`
	NeighborIPv6 client.String `json:"neighbor_ipv6"`
	Multihop     client.Bool   `json:"multihop"`
	RouterASN    client.String `json:"router_asn"`
	YourASN      client.String `json:"your_asn"`
	ASNCountry   client.String `json:"asn_country"`
	IPAddress    client.String `json:"ip_address"`
}

// IPv6 reports whether the session is of the IPv6 family (ip_type "ipv6").
func (s BGPSession) IPv6() bool { return strings.Contains(strings.ToLower(string(s.IPType)), "6") }

// Active reports whether the session's status is "active", the only status
// the docs show and the one DELETE requires.
func (s BGPSession) Active() bool {
	return strings.EqualFold(strings.TrimSpace(string(s.Status)), "active")
}

// bgpKeys are the members of GET /bgp's data.
var bgpKeys = []string{"asn", "prefix_lists", "sessions"}

// GetBGP reads GET /bgp now. Data that is empty ([] or null) is an
// account without BGP; an object must carry at least one of asn,
// prefix_lists and sessions, and a member it carries must be a list of
// items with an id (a member left out is no items: a session needs an
// active ASN, so an answer with sessions always carries asn). Anything
// else is an error, never "no sessions".
func (c *Client) GetBGP(ctx context.Context) (BGP, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/bgp", nil, nil, &raw); err != nil {
		return BGP{}, err
	}
	b, err := decodeBGP(raw)
	if err != nil {
		return BGP{}, fmt.Errorf("GET /bgp: %w", err)
	}
	return b, nil
}

func decodeBGP(raw json.RawMessage) (BGP, error) {
	var b BGP
	switch t := strings.TrimSpace(string(raw)); {
	case t == "" || t == "null" || t == "[]":
		return b, nil
	case !strings.HasPrefix(t, "{"):
		return b, fmt.Errorf("%s where an object with %s was expected", abbreviate(raw), strings.Join(bgpKeys, ", "))
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil {
		return b, err
	}
	if !slices.ContainsFunc(bgpKeys, func(k string) bool { _, ok := members[k]; return ok }) {
		return b, fmt.Errorf("an object with none of %s: %s", strings.Join(bgpKeys, ", "), abbreviate(raw))
	}
	if err := bgpList(members["asn"], "asn", &b.ASNs, func(a BGPASN) bool { return a.ID != 0 }); err != nil {
		return b, err
	}
	if err := bgpList(members["prefix_lists"], "prefix_lists", &b.PrefixLists, func(p BGPPrefixList) bool { return p.ID != 0 }); err != nil {
		return b, err
	}
	if err := bgpList(members["sessions"], "sessions", &b.Sessions, func(s BGPSession) bool { return s.ID != "" }); err != nil {
		return b, err
	}
	return b, nil
}

// bgpList decodes one member of GET /bgp into out; every item must pass ok
// (carry its id).
func bgpList[T any](raw json.RawMessage, name string, out *[]T, ok func(T) bool) error {
	if raw == nil {
		return nil
	}
	items, err := listItems(raw, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, item := range items {
		var v T
		if err := json.Unmarshal(item, &v); err != nil || !ok(v) {
			return fmt.Errorf("a %s item without an id: %s", name, abbreviate(item))
		}
		*out = append(*out, v)
	}
	return nil
}

// BGPSessions lists the account's BGP sessions once per operation (the
// client's life), shared by every session resource; the client's own writes
// keep the list current.
func (c *Client) BGPSessions(ctx context.Context) ([]BGPSession, error) {
	return c.bgpSessions.get(ctx, c.fetchBGPSessions)
}

func (c *Client) fetchBGPSessions(ctx context.Context) ([]BGPSession, error) {
	b, err := c.GetBGP(ctx)
	return b.Sessions, err
}

// freshBGPSessions lists the sessions now and keeps the list for later readers.
func (c *Client) freshBGPSessions(ctx context.Context) ([]BGPSession, error) {
	return c.bgpSessions.fresh(ctx, c.fetchBGPSessions)
}

// BGPSessionInput is what POST /bgp/{asn_id}/session creates here: the
// sessions of one address (one family), on one router or, with Redundant,
// on every available router.
type BGPSessionInput struct {
	ASNID        int64
	IPID         int64
	IPv6         bool
	Redundant    bool
	DefaultRoute bool
}

// body is the POST's body in the form of the docs' example: the flags as
// the numbers 0 or 1, the IP id as a string, under ip_id_v4 or ip_id_v6.
func (in BGPSessionInput) body() map[string]any {
	flag := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	body := map[string]any{"redundant": flag(in.Redundant), "defaultroute": flag(in.DefaultRoute)}
	if in.IPv6 {
		body["ip_id_v6"] = strconv.FormatInt(in.IPID, 10)
	} else {
		body["ip_id_v4"] = strconv.FormatInt(in.IPID, 10)
	}
	return body
}

// owns reports whether s is a session of the input's ASN, address and family.
func (in BGPSessionInput) owns(s BGPSession) bool {
	return int64(s.ASNID) == in.ASNID && int64(s.IPID) == in.IPID && s.IPv6() == in.IPv6
}

func (in BGPSessionInput) family() string {
	if in.IPv6 {
		return "IPv6"
	}
	return "IPv4"
}

// BGPSessionExistsError is the API's "session exists already" refusal,
// with the sessions of the address that the list shows.
type BGPSessionExistsError struct {
	Err      error
	Existing []BGPSession
}

func (e *BGPSessionExistsError) Error() string {
	if len(e.Existing) == 0 {
		return e.Err.Error()
	}
	ids := make([]string, len(e.Existing))
	for i, s := range e.Existing {
		ids[i] = fmt.Sprintf("%s (router %d, status %q)", s.ID, s.RouterID, s.Status)
	}
	return fmt.Sprintf("%v; GET /bgp lists the session(s) %s for this address: import one of them instead of creating it again", e.Err, strings.Join(ids, ", "))
}

func (e *BGPSessionExistsError) Unwrap() error { return e.Err }

// isBGPSessionExists reports whether err is the documented 400 "IPv4
// session exists already." (or its IPv6 twin).
func isBGPSessionExists(err error) bool {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
		return false
	}
	msg := strings.ToLower(apiErr.Message)
	return strings.Contains(msg, "exists already") || strings.Contains(msg, "already exists")
}

// ErrBGPSessionNotListed is returned by CreateBGPSession when the API
// answered that the sessions were created but GET /bgp shows none.
type ErrBGPSessionNotListed struct{ In BGPSessionInput }

func (e *ErrBGPSessionNotListed) Error() string {
	return fmt.Sprintf("the API answered that the BGP session of ASN id %d for %s ip_id %d was created, but GET /bgp does not list it",
		e.In.ASNID, e.In.family(), e.In.IPID)
}

// CreateBGPSession creates the sessions of one address and returns them as
// GET /bgp lists them, by id. The answer carries no id, so the sessions are
// found by listing: those of the ASN, address and family that were not
// listed before the create.
//
// The create goes through client.CreateOnce: a lost answer is resolved by
// listing (new sessions of the address are adopted), never by a blind
// second POST. A "session exists already" refusal after a lost answer
// adopts the new sessions too (the lost create made them); otherwise it is a
// BGPSessionExistsError naming the sessions already there.
func (c *Client) CreateBGPSession(ctx context.Context, in BGPSessionInput) ([]BGPSession, error) {
	before, err := c.BGPSessions(ctx)
	if err != nil {
		return nil, fmt.Errorf("listing the BGP sessions before creating one: %w", err)
	}
	known := make([]string, 0, len(before))
	for _, s := range before {
		known = append(known, string(s.ID))
	}
	findNew := func(list []BGPSession) []BGPSession {
		var out []BGPSession
		for _, s := range list {
			if in.owns(s) && !slices.Contains(known, string(s.ID)) {
				out = append(out, s)
			}
		}
		return SortBGPSessions(out)
	}
	path := "/bgp/" + strconv.FormatInt(in.ASNID, 10) + "/session"
	lost := false
	found, adopted, err := client.CreateOnce(ctx, c.createTries("no BGP session was created"), func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: in.body(), Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) ([]BGPSession, bool, error) {
		lost = true
		list, lerr := c.freshBGPSessions(ctx)
		if lerr != nil {
			return nil, false, fmt.Errorf("%w; and listing the BGP sessions to learn whether it was created failed: %w", err, lerr)
		}
		s := findNew(list)
		return s, len(s) > 0, nil
	})
	switch {
	case adopted:
		return found, nil
	case err != nil && isBGPSessionExists(err):
		list, lerr := c.freshBGPSessions(ctx)
		if lerr != nil {
			return nil, fmt.Errorf("%w; and listing the BGP sessions failed: %w", err, lerr)
		}
		if s := findNew(list); lost && len(s) > 0 {
			return s, nil
		}
		var existing []BGPSession
		for _, s := range list {
			if in.owns(s) {
				existing = append(existing, s)
			}
		}
		return nil, &BGPSessionExistsError{Err: err, Existing: SortBGPSessions(existing)}
	case err != nil:
		c.bgpSessions.drop()
		return nil, err
	}
	list, err := c.freshBGPSessions(ctx)
	if err != nil {
		return nil, fmt.Errorf("the BGP session was created, but listing the sessions to learn its id failed: %w", err)
	}
	if s := findNew(list); len(s) > 0 {
		return s, nil
	}
	return nil, &ErrBGPSessionNotListed{In: in}
}

// SortBGPSessions orders sessions by numeric id (the first is a resource's id).
func SortBGPSessions(list []BGPSession) []BGPSession {
	slices.SortStableFunc(list, func(a, b BGPSession) int { return CompareIDs(string(a.ID), string(b.ID)) })
	return list
}

// CompareIDs orders numeric ids by value, others after them by text: the
// stable order of the lists the provider shows (sessions, SSH keys).
func CompareIDs(a, b string) int {
	na, ea := strconv.ParseInt(a, 10, 64)
	nb, eb := strconv.ParseInt(b, 10, 64)
	switch {
	case ea == nil && eb == nil:
		return cmp.Compare(na, nb)
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// DeleteBGPSessions marks each session for deletion and waits until GET
// /bgp lists none of them (the deletion is asynchronous), until ctx ends.
// A session already gone is no error. A DELETE refused (400) for a session
// that is listed but not active is taken as one already marked for
// deletion (DELETE requires an active session) and waited for; refused for
// an active session, it is an error.
func (c *Client) DeleteBGPSessions(ctx context.Context, ids []string) error {
	for _, id := range ids {
		path := "/bgp/" + url.PathEscape(id) + "/session"
		err := c.do(ctx, http.MethodDelete, path, nil, nil, nil)
		if err == nil || client.IsNotFound(err) {
			continue
		}
		c.bgpSessions.drop()
		if !client.IsStatus(err, http.StatusBadRequest) {
			return err
		}
		list, lerr := c.freshBGPSessions(ctx)
		if lerr != nil {
			return fmt.Errorf("%w; and listing the BGP sessions to learn whether it is already marked for deletion failed: %w", err, lerr)
		}
		if s, ok := findSession(list, id); ok && s.Active() {
			return err
		}
	}
	return c.WaitBGPSessionsGone(ctx, ids)
}

func findSession(list []BGPSession, id string) (BGPSession, bool) {
	for _, s := range list {
		if string(s.ID) == id {
			return s, true
		}
	}
	return BGPSession{}, false
}

// BGPSessionsStillListedError is a wait for deleted sessions that ended
// while GET /bgp still listed some of them.
type BGPSessionsStillListedError struct {
	Listed []BGPSession
	Err    error
}

func (e *BGPSessionsStillListedError) Error() string {
	parts := make([]string, len(e.Listed))
	for i, s := range e.Listed {
		parts[i] = fmt.Sprintf("%s (status %q)", s.ID, s.Status)
	}
	return fmt.Sprintf("the BGP session(s) %s were marked for deletion but GET /bgp still lists them: %v", strings.Join(parts, ", "), e.Err)
}

func (e *BGPSessionsStillListedError) Unwrap() error { return e.Err }

// WaitBGPSessionsGone polls GET /bgp until it lists none of ids. After a
// deletion the API accepted, one list without them is enough.
func (c *Client) WaitBGPSessionsGone(ctx context.Context, ids []string) error {
	var listed []BGPSession
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		list, err := c.freshBGPSessions(ctx)
		if err != nil {
			return false, err
		}
		listed = listed[:0]
		for _, id := range ids {
			if s, ok := findSession(list, id); ok {
				listed = append(listed, s)
			}
		}
		return len(listed) == 0, nil
	})
	if err != nil && len(listed) > 0 && ctx.Err() != nil {
		return &BGPSessionsStillListedError{Listed: slices.Clone(listed), Err: err}
	}
	return err
}
