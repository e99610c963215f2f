package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The web-hosting items beside the mailboxes: e-mail forwarders, databases
// and FTP accounts. Like the mailboxes, none of them has a GET of its own:
// each is found in its account's list, read once per operation and shared,
// and the writes to one kind of one account are serialised. The engine
// below is written once for the three kinds; each kind's file gives its
// path, its decoder and how an entry is matched.

// hostingItems holds the lists and write locks of each kind, and the
// system user of each account (the prefix of its database names).
type hostingItems struct {
	forwarders itemLists[Forwarder]
	databases  itemLists[Database]
	ftp        itemLists[FTPAccount]

	usersMu sync.Mutex
	users   map[int64]string
}

// itemList is one account's write lock and list of one kind.
type itemList[T any] struct {
	write sync.Mutex
	list  listCache[T]
}

// itemLists holds the itemList of each account.
type itemLists[T any] struct {
	mu sync.Mutex
	by map[int64]*itemList[T]
}

func (l *itemLists[T]) of(hostingID int64) *itemList[T] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.by == nil {
		l.by = map[int64]*itemList[T]{}
	}
	a := l.by[hostingID]
	if a == nil {
		a = &itemList[T]{}
		l.by[hostingID] = a
	}
	return a
}

// itemKind describes one kind of item of a hosting account.
type itemKind[T any] struct {
	// what names one item in messages: "e-mail forwarder".
	what string
	// segment is the path below /webhosting/{id}: "email-forwarders".
	segment string
	// decode reads the list's data; an unknown shape is an error.
	decode func(ctx context.Context, c *Client, hostingID int64, raw json.RawMessage) ([]T, error)
	lists  func(c *Client) *itemLists[T]
}

func (k itemKind[T]) path(hostingID int64, name, suffix string) string {
	p := fmt.Sprintf("/webhosting/%d/%s", hostingID, k.segment)
	if name != "" {
		// Transport escapes the path; the names are validated and hold no "/".
		p += "/" + name
	}
	return p + suffix
}

// items returns the account's list of this kind, read once per operation.
func items[T any](ctx context.Context, c *Client, k itemKind[T], hostingID int64) ([]T, error) {
	return k.lists(c).of(hostingID).list.get(ctx, func(ctx context.Context) ([]T, error) { return fetchItems(ctx, c, k, hostingID) })
}

// fetchItems lists the account's items of this kind now.
func fetchItems[T any](ctx context.Context, c *Client, k itemKind[T], hostingID int64) ([]T, error) {
	path := k.path(hostingID, "", "")
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, path, nil, nil, &raw); err != nil {
		return nil, err
	}
	list, err := k.decode(ctx, c, hostingID, raw)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	return list, nil
}

// freshItems lists now and keeps the list for later readers.
func freshItems[T any](ctx context.Context, c *Client, k itemKind[T], a *itemList[T], hostingID int64) ([]T, error) {
	list, err := fetchItems(ctx, c, k, hostingID)
	if err != nil {
		a.list.drop()
		return nil, err
	}
	a.list.set(list)
	return list, nil
}

func findItem[T any](list []T, match func(T) bool) (T, bool) {
	for _, it := range list {
		if match(it) {
			return it, true
		}
	}
	var zero T
	return zero, false
}

// createItem sends POST body and returns the item as the list then shows
// it, under the account's write lock. It goes through client.CreateOnce:
// after a lost answer the account is listed, and an item that matches and
// was not there before is this create's (adopted); none means the API did
// not act and the create is sent again. An item that matches before the
// create is not adopted: the create then meets the API's own refusal.
// When the create succeeded but the read back fails, the error is an
// ErrCreatedNotRead, so that the caller keeps the item in state.
func createItem[T any](ctx context.Context, c *Client, k itemKind[T], hostingID int64, name string, body any, match func(T) bool,
	again func(ctx context.Context, attempt int, err error)) (T, error) {
	var zero T
	a := k.lists(c).of(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	before, err := items(ctx, c, k, hostingID)
	if err != nil {
		return zero, fmt.Errorf("listing the %ss of hosting account %d before the create: %w", k.what, hostingID, err)
	}
	_, existed := findItem(before, match)
	findNew := func(list []T) (T, bool) {
		if existed {
			return zero, false
		}
		return findItem(list, match)
	}
	tries := c.createTries("the " + k.what + " was not created")
	tries.Again = again
	path := k.path(hostingID, "", "")
	it, adopted, err := client.CreateOnce(ctx, tries, func(ctx context.Context) error {
		return c.send(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body, Creates: true}, nil)
	}, func(ctx context.Context, _ int, err error) (T, bool, error) {
		list, lerr := freshItems(ctx, c, k, a, hostingID)
		if lerr != nil {
			return zero, false, fmt.Errorf("%w; and listing the account to learn whether the %s was created failed: %w", err, k.what, lerr)
		}
		it, ok := findNew(list)
		return it, ok, nil
	})
	if err != nil || adopted {
		if err != nil {
			a.list.drop()
		}
		return it, err
	}
	list, err := freshItems(ctx, c, k, a, hostingID)
	if err == nil {
		if it, ok := findItem(list, match); ok {
			return it, nil
		}
		err = errors.New("it is not in the account's list")
	}
	return zero, &ErrCreatedNotRead{What: k.what, Name: name, HostingID: hostingID, Err: err}
}

// ErrCreatedNotRead is an item that was created but could not be read back.
type ErrCreatedNotRead struct {
	What      string
	Name      string
	HostingID int64
	Err       error
}

func (e *ErrCreatedNotRead) Error() string {
	return fmt.Sprintf("the %s %s was created in hosting account %d but cannot be read back: %v", e.What, e.Name, e.HostingID, e.Err)
}

func (e *ErrCreatedNotRead) Unwrap() error { return e.Err }

// writeItem sends a write to the item's path under the account's write
// lock, trying each form of the item's name in the path in turn (the docs
// leave some forms open): a 404 moves on to the next form, and so does an
// answer whose effect the list does not show when done is not nil (a write
// the API acknowledged without acting). done reads the fresh list; nil
// means the effect cannot be read (a password), and the list is kept. The
// last form's error is returned.
func writeItem[T any](ctx context.Context, c *Client, k itemKind[T], hostingID int64, method string, names itemNames, suffix string, body any,
	done func([]T) (bool, error)) error {
	a := k.lists(c).of(hostingID)
	a.write.Lock()
	defer a.write.Unlock()
	var last error
	for i := 0; ; i++ {
		name, ok, err := names.at(ctx, i, last)
		if err != nil {
			return err
		}
		if !ok {
			return last
		}
		path := k.path(hostingID, name, suffix)
		err = c.do(ctx, method, path, nil, body, nil)
		if err != nil && !client.IsNotFound(err) {
			a.list.drop()
			return err
		}
		if done == nil {
			if err == nil {
				return nil
			}
			last = err
			continue
		}
		list, lerr := freshItems(ctx, c, k, a, hostingID)
		if lerr != nil {
			// A 404 here (the account is gone) stays one for the caller.
			return fmt.Errorf("%s %s was answered, but listing the account to verify it failed: %w", method, path, lerr)
		}
		ok, verr := done(list)
		switch {
		case verr != nil:
			return verr
		case ok:
			return nil
		case err != nil:
			// Not wrapped: this 404 is the path's, and the item is still there
			// (a wrapped 404 would read as "already gone" to deleteItem).
			last = fmt.Errorf("%v, and the %s is still in the list of hosting account %d", err, k.what, hostingID) //nolint:errorlint // see above

		default:
			last = fmt.Errorf("%s %s was answered, but the list of hosting account %d does not show its effect", method, path, hostingID)
		}
	}
}

// itemNames are the forms of an item's name in its path, tried in turn:
// first, then other (nil or "" when there is no other form), which is
// worked out only when first did not do.
type itemNames struct {
	first string
	other func(ctx context.Context) (string, error)
}

// at returns the i-th form; ok is false past the last one. A failure to
// work out the other form is returned beside the first form's error.
func (n itemNames) at(ctx context.Context, i int, firstErr error) (name string, ok bool, err error) {
	switch {
	case i == 0:
		return n.first, true, nil
	case i > 1 || n.other == nil:
		return "", false, nil
	}
	name, err = n.other(ctx)
	if err != nil {
		return "", false, fmt.Errorf("%w; and the other form of the name cannot be tried: %w", firstErr, err)
	}
	return name, name != "" && name != n.first, nil
}

// deleteItem deletes an item and verifies it by listing: still listed
// after every form of its name is an error, whatever the DELETE answered.
// An item (or account) already gone is no error.
func deleteItem[T any](ctx context.Context, c *Client, k itemKind[T], hostingID int64, names itemNames, match func(T) bool) error {
	err := writeItem(ctx, c, k, hostingID, http.MethodDelete, names, "", nil, func(list []T) (bool, error) {
		_, still := findItem(list, match)
		return !still, nil
	})
	if client.IsNotFound(err) {
		return nil // the account's list is gone: so is the item
	}
	return err
}

// nameOrAddress are the forms of a forwarder's {user} or an FTP account's
// {ftp_user}: the name as given, then <name>@<the account's domain>.
func (c *Client) nameOrAddress(hostingID int64, name string) itemNames {
	return itemNames{first: name, other: func(ctx context.Context) (string, error) {
		d, err := c.HostingDomain(ctx, hostingID)
		if err != nil {
			return "", err
		}
		return name + "@" + d, nil
	}}
}

// hostingUser returns the system user of a hosting account (GET
// /webhosting lists it as username), looked up once for the client's life.
func (c *Client) hostingUser(ctx context.Context, hostingID int64) (string, error) {
	h := &c.hostingItems
	h.usersMu.Lock()
	u, ok := h.users[hostingID]
	h.usersMu.Unlock()
	if ok {
		return u, nil
	}
	accounts, err := c.HostingAccounts(ctx)
	if err != nil {
		return "", err
	}
	h.usersMu.Lock()
	defer h.usersMu.Unlock()
	if h.users == nil {
		h.users = map[int64]string{}
	}
	for _, a := range accounts {
		h.users[int64(a.HostingID)] = strings.ToLower(strings.TrimSpace(string(a.Username)))
	}
	if u, ok := h.users[hostingID]; ok {
		return u, nil
	}
	return "", &client.APIError{Method: http.MethodGet, Path: "/webhosting", Status: http.StatusNotFound,
		Message: fmt.Sprintf("hosting account %d is not among the accounts the credentials can see", hostingID)}
}

// entryName reads an entry's name: a plain string, or the first of keys
// present in the object. "" when there is none.
func entryName(item json.RawMessage, keys ...string) (name string, obj map[string]json.RawMessage, err error) {
	if t := strings.TrimSpace(string(item)); strings.HasPrefix(t, `"`) {
		var s client.String
		err = json.Unmarshal(item, &s)
		return strings.TrimSpace(string(s)), nil, err
	}
	if err := json.Unmarshal(item, &obj); err != nil {
		return "", nil, err
	}
	for _, key := range keys {
		if raw, ok := obj[key]; ok {
			var s client.String
			if err := json.Unmarshal(raw, &s); err == nil && strings.TrimSpace(string(s)) != "" {
				return strings.TrimSpace(string(s)), obj, nil
			}
		}
	}
	return "", obj, nil
}
