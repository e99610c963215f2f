package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Forwarder is an e-mail forwarder of a hosting account.
type Forwarder struct {
	// User is the forwarded address's part before the @, in lower case; the
	// domain is the account's.
	User string
	// Destinations are where the mail goes, as the list shows them.
	Destinations []string
}

// The docs give GET /webhosting/{id}/email-forwarders no example answer,
// and say of {user} in the PUT and DELETE paths only "the forwarding
// address" (the POST takes user as the part before the @). So the list is
// read bare, wrapped, or as an object from user to destinations (the form
// of the control panels such APIs front); an entry names the forwarder in
// user (or email, address, forwarder, source), as the part before the @ or
// the full address; the destinations come as a list or a comma-separated
// string (as the writes take them). The writes try {user} as the part
// before the @, then as the full address.
var forwarderKind = itemKind[Forwarder]{
	what:    "e-mail forwarder",
	segment: "email-forwarders",
	decode: func(_ context.Context, _ *Client, _ int64, raw json.RawMessage) ([]Forwarder, error) {
		return decodeForwarders(raw)
	},
	lists: func(c *Client) *itemLists[Forwarder] { return &c.hostingItems.forwarders },
}

var forwarderWrappers = []string{"forwarders", "email_forwarders", "forwards"}

// decodeForwarders reads the list's data; an unknown shape is an error.
func decodeForwarders(raw json.RawMessage) ([]Forwarder, error) {
	if byUser, ok := forwarderMap(raw); ok {
		out := make([]Forwarder, 0, len(byUser))
		for user, dests := range byUser {
			d, err := splitDestinations(dests)
			if err != nil || len(d) == 0 {
				return nil, fmt.Errorf("forwarder %q: destinations %s are not addresses", user, abbreviate(dests))
			}
			if localOf(user) == "" { // {"": "..."} or {"@x": ...}: no forwarder (FuzzItemDecoders)
				return nil, fmt.Errorf("forwarder %q has no user before the @", user)
			}
			out = append(out, Forwarder{User: localOf(user), Destinations: d})
		}
		slices.SortFunc(out, func(a, b Forwarder) int { return strings.Compare(a.User, b.User) })
		return out, nil
	}
	entries, err := listItems(raw, forwarderWrappers...)
	if err != nil {
		return nil, err
	}
	out := make([]Forwarder, 0, len(entries))
	for _, e := range entries {
		user, obj, err := entryName(e, "user", "email", "address", "forwarder", "source")
		var dests []string
		if err == nil && obj != nil {
			for _, key := range []string{"destinations", "destination", "forward_to", "to"} {
				if v, ok := obj[key]; ok {
					dests, err = splitDestinations(v)
					break
				}
			}
		}
		if err != nil || localOf(user) == "" || len(dests) == 0 {
			return nil, fmt.Errorf("an entry that is not a forwarder (no user with destinations): %s", abbreviate(e))
		}
		out = append(out, Forwarder{User: localOf(user), Destinations: dests})
	}
	return out, nil
}

// forwarderMap reads data as an object from forwarder to destinations:
// an object without a known wrapper whose every member is a string or a
// list of strings.
func forwarderMap(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	var members map[string]json.RawMessage
	if json.Unmarshal(raw, &members) != nil || len(members) == 0 {
		return nil, false
	}
	for _, w := range forwarderWrappers {
		if _, ok := members[w]; ok {
			return nil, false
		}
	}
	for _, v := range members {
		var s string
		var list []string
		if json.Unmarshal(v, &s) != nil && json.Unmarshal(v, &list) != nil {
			return nil, false
		}
	}
	return members, true
}

// splitDestinations reads destinations as a list or a comma-separated string.
func splitDestinations(raw json.RawMessage) ([]string, error) {
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		var s client.String
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		list = strings.Split(string(s), ",")
	}
	out := make([]string, 0, len(list))
	for _, d := range list {
		if d = strings.TrimSpace(d); d != "" {
			out = append(out, d)
		}
	}
	return out, nil
}

// localOf is the part of an address before the @, in lower case.
func localOf(addr string) string {
	local, _, _ := strings.Cut(strings.TrimSpace(addr), "@")
	return strings.ToLower(local)
}

// SameDestinations reports whether a and b hold the same addresses,
// compared without regard to case or order.
func SameDestinations(a, b []string) bool {
	norm := func(l []string) []string {
		out := make([]string, 0, len(l))
		for _, d := range l {
			out = append(out, strings.ToLower(strings.TrimSpace(d)))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(norm(a), norm(b))
}

func forwarderIs(user string) func(Forwarder) bool {
	user = strings.ToLower(user)
	return func(f Forwarder) bool { return f.User == user }
}

// Forwarders lists the e-mail forwarders of a hosting account, once per
// operation.
func (c *Client) Forwarders(ctx context.Context, hostingID int64) ([]Forwarder, error) {
	return items(ctx, c, forwarderKind, hostingID)
}

// FindForwarder returns the forwarder of list for user (the part before the @).
func FindForwarder(list []Forwarder, user string) (Forwarder, bool) {
	return findItem(list, forwarderIs(user))
}

// CreateForwarder creates a forwarder for user (the part before the @) and
// returns it as the list shows it; a lost answer is resolved by listing
// (createItem).
func (c *Client) CreateForwarder(ctx context.Context, hostingID int64, user string, destinations []string,
	again func(ctx context.Context, attempt int, err error)) (Forwarder, error) {
	body := map[string]any{"user": user, "destinations": destinations}
	return createItem(ctx, c, forwarderKind, hostingID, user, body, forwarderIs(user), again)
}

// SetForwarderDestinations replaces the destinations of a forwarder and
// verifies by listing that it holds them (trying both forms of {user}).
func (c *Client) SetForwarderDestinations(ctx context.Context, hostingID int64, user string, destinations []string) (Forwarder, error) {
	var got Forwarder
	err := writeItem(ctx, c, forwarderKind, hostingID, http.MethodPut, c.nameOrAddress(hostingID, user), "",
		map[string]any{"destinations": destinations}, func(list []Forwarder) (bool, error) {
			f, ok := FindForwarder(list, user)
			if !ok {
				return false, fmt.Errorf("the e-mail forwarder %s is no longer in the list of hosting account %d", user, hostingID)
			}
			got = f
			return SameDestinations(f.Destinations, destinations), nil
		})
	return got, err
}

// DeleteForwarder deletes a forwarder and verifies it by listing.
func (c *Client) DeleteForwarder(ctx context.Context, hostingID int64, user string) error {
	return deleteItem(ctx, c, forwarderKind, hostingID, c.nameOrAddress(hostingID, user), forwarderIs(user))
}
