package gigas

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// ISOJoin is an ISO mounted in a VM: the "Iso Join" between them, whose id
// the unmount takes. The docs name the resource but show none of its
// fields: id, iso_id, iso_url are read when present (named after the
// mount's own parameters).
type ISOJoin struct {
	ID     client.String `json:"id"`
	ISOID  client.String `json:"iso_id"`
	ISOURL client.String `json:"iso_url"`
}

// MountISOInput is the body of a mount: one of ISOID (an uploaded ISO; sent
// as a number, as the docs' example does) and ISOURL.
type MountISOInput struct {
	ISOID  string
	ISOURL string
}

// body is the JSON of the mount request.
func (in MountISOInput) body() (map[string]any, error) {
	if in.ISOID != "" {
		n, err := strconv.ParseInt(in.ISOID, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("iso_id %q is not a number", in.ISOID)
		}
		return map[string]any{"iso_id": n}, nil
	}
	return map[string]any{"iso_url": in.ISOURL}, nil
}

// matches reports whether a listed join is what this mount asks for. A
// join that does not say which ISO it holds matches any mount.
func (in MountISOInput) matches(j ISOJoin) bool {
	switch {
	case j.ISOID == "" && j.ISOURL == "":
		return true
	case in.ISOID != "":
		return string(j.ISOID) == in.ISOID
	default:
		return string(j.ISOURL) == in.ISOURL
	}
}

// ISOs lists the ISO joins of a VM. The shape is not documented: a bare
// array, the array under "isos", "iso_joins" or "data", items under
// "iso_join"; anything else, or an item without an id, is an error (never
// "nothing mounted").
func (c *Client) ISOs(ctx context.Context, vmID string) ([]ISOJoin, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s/isos", url.PathEscape(vmID))
	if err != nil {
		return nil, err
	}
	body, err := c.send(ctx, requestGet(p))
	if err != nil {
		return nil, err
	}
	out, err := decodeISOJoins(body)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", p, err)
	}
	return out, nil
}

func decodeISOJoins(body []byte) ([]ISOJoin, error) {
	joins, err := decodeList[ISOJoin](body, "iso_join", "isos", "iso_joins")
	if err != nil {
		return nil, err
	}
	for i, j := range joins {
		if j.ID == "" {
			return nil, fmt.Errorf("item %d of the ISO list has no id", i)
		}
	}
	return joins, nil
}

// ISOJoin returns one join of a VM; a VM or a join that is not there is an
// error for which client.IsNotFound is true.
func (c *Client) ISOJoin(ctx context.Context, vmID, joinID string) (*ISOJoin, error) {
	joins, err := c.ISOs(ctx, vmID)
	if err != nil {
		return nil, err
	}
	for _, j := range joins {
		if string(j.ID) == joinID {
			return &j, nil
		}
	}
	return nil, &client.APIError{Method: http.MethodGet, Status: http.StatusNotFound,
		Message: fmt.Sprintf("no ISO join %s in VM %s", joinID, vmID)}
}

// MountedISO is a mount that was sent: its join, and the queue token to
// wait for (WaitISOMounted).
type MountedISO struct {
	Join  ISOJoin
	Token string
}

// MountISO waits until the VM is unlocked and mounts an ISO in it. It
// returns the join as soon as its id is known, before the mount is done:
// the caller records it, then calls WaitISOMounted.
//
// The mount goes through client.CreateOnce: a lost answer waits for the
// VM's lock to clear and lists its joins; one new join that matches is
// adopted, none sends the mount again, several is an error. An answer
// without a join id (the docs show none) is resolved the same way, by
// listing.
func (c *Client) MountISO(ctx context.Context, vmID string, in MountISOInput) (*MountedISO, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s/iso", url.PathEscape(vmID))
	if err != nil {
		return nil, err
	}
	body, err := in.body()
	if err != nil {
		return nil, err
	}
	unlock := c.lockVM(vmID)
	defer unlock()
	if _, err := c.WaitVMUnlocked(ctx, vmID); err != nil {
		return nil, err
	}
	before, err := c.ISOs(ctx, vmID)
	if err != nil {
		return nil, fmt.Errorf("listing the VM's ISOs before the mount: %w", err)
	}
	known := map[string]bool{}
	for _, j := range before {
		known[string(j.ID)] = true
	}
	var sent MountedISO
	send := func(ctx context.Context) error {
		answer, err := c.send(ctx, client.Request{Method: http.MethodPost, Path: p, Body: body, Creates: true})
		if err != nil {
			return err
		}
		sent.Token = queueToken(answer)
		if j, err := decodeObject[ISOJoin](answer, "iso_join"); err == nil {
			sent.Join = *j
		}
		return nil
	}
	find := func(ctx context.Context, attempt int, err error) (ISOJoin, bool, error) {
		if _, werr := c.WaitVMUnlocked(ctx, vmID); werr != nil {
			return ISOJoin{}, false, fmt.Errorf("%w; and reading the VM back failed: %w", err, werr)
		}
		j, ferr := c.newJoin(ctx, vmID, known, in)
		if ferr != nil {
			return ISOJoin{}, false, fmt.Errorf("%w; and %w", err, ferr)
		}
		if j != nil {
			tflog.Warn(ctx, "Gigas ISO mount's answer was lost; adopting the join it made", map[string]any{"vm_id": vmID, "iso_join_id": string(j.ID), "attempt": attempt})
			return *j, true, nil
		}
		return ISOJoin{}, false, nil
	}
	adopted, ok, err := client.CreateOnce(ctx, client.CreateTries{Attempts: maxWriteAttempts, NotCreated: "no ISO was mounted"}, send, find)
	if err != nil {
		return nil, err
	}
	if ok {
		return &MountedISO{Join: adopted}, nil
	}
	if sent.Join.ID == "" {
		j, err := c.awaitNewJoin(ctx, vmID, known, in)
		if err != nil {
			return nil, fmt.Errorf("POST %s was accepted without an ISO join id, and the join it made cannot be found: %w; "+
				"the ISO is likely mounted in VM %s: import the mount with its id (<vm_id>/<iso_join_id>, shown in the Gigas panel) "+
				"or unmount it there", p, err, vmID)
		}
		sent.Join = *j
	}
	return &sent, nil
}

// newJoin lists the VM's joins and returns the one new join that matches
// in, nil when there is none, an error when there are several.
func (c *Client) newJoin(ctx context.Context, vmID string, known map[string]bool, in MountISOInput) (*ISOJoin, error) {
	joins, err := c.ISOs(ctx, vmID)
	if err != nil {
		return nil, fmt.Errorf("listing the VM's ISOs failed: %w", err)
	}
	var found []ISOJoin
	for _, j := range joins {
		if !known[string(j.ID)] && in.matches(j) {
			found = append(found, j)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, j := range found {
		ids[i] = string(j.ID)
	}
	return nil, fmt.Errorf("%d new ISO joins match this mount (%s): import the right one and unmount the others", len(found), strings.Join(ids, ", "))
}

// awaitNewJoin polls the VM's joins until the new one shows: it may be
// listed only once the mount is done. An unlocked VM that still lists no
// new join after unlockedChecks reads is an error.
func (c *Client) awaitNewJoin(ctx context.Context, vmID string, known map[string]bool, in MountISOInput) (*ISOJoin, error) {
	var found *ISOJoin
	unlocked := 0
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		j, err := c.newJoin(ctx, vmID, known, in)
		if err != nil || j != nil {
			found = j
			return j != nil, err
		}
		vm, err := c.getVMObject(ctx, vmID)
		if err != nil || bool(vm.Locked) {
			return false, err
		}
		if unlocked++; unlocked >= unlockedChecks {
			return false, errors.New("the VM is unlocked and lists no new ISO join")
		}
		return false, nil
	})
	return found, err
}

// joinCheck is the check of a mount (listed) or an unmount (not listed).
func (c *Client) joinCheck(vmID, joinID string, listed bool) vmCheck {
	return vmCheck{
		differs: func(*VirtualMachine) string { return "" },
		also: func(ctx context.Context) (string, error) {
			_, err := c.ISOJoin(ctx, vmID, joinID)
			switch {
			case client.IsNotFound(err) && listed:
				return fmt.Sprintf("ISO join %s is not listed", joinID), nil
			case err == nil && !listed:
				return fmt.Sprintf("ISO join %s is still listed", joinID), nil
			case client.IsNotFound(err):
				return "", nil
			}
			return "", err
		},
	}
}

// WaitISOMounted waits for a mount's transaction (or, without one, for the
// VM to be unlocked) and confirms that the join is listed.
func (c *Client) WaitISOMounted(ctx context.Context, vmID string, m *MountedISO) ([]string, error) {
	unlock := c.lockVM(vmID)
	defer unlock()
	check := c.joinCheck(vmID, string(m.Join.ID), true)
	warnings, err := c.waitVMChange(ctx, vmID, m.Token, check)
	if err != nil {
		return warnings, err
	}
	return warnings, c.waitVMShows(ctx, vmID, check)
}

// UnmountISO waits until the VM is unlocked, unmounts the join and waits
// until the VM no longer lists it. A VM or join already gone is no error.
// A lost answer is not retried blindly: the joins are listed first.
func (c *Client) UnmountISO(ctx context.Context, vmID, joinID string) ([]string, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s/iso/%s", url.PathEscape(vmID), url.PathEscape(joinID))
	if err != nil {
		return nil, err
	}
	unlock := c.lockVM(vmID)
	defer unlock()
	check := c.joinCheck(vmID, joinID, false)
	gone := func(ctx context.Context) (bool, error) {
		off, err := check.also(ctx)
		return off == "", err
	}
	token, done, err := c.sendVMDelete(ctx, vmID, p, "the ISO was not unmounted", gone)
	if done || err != nil {
		return nil, err
	}
	warnings, err := c.waitVMChange(ctx, vmID, token, check)
	if err != nil {
		return warnings, err
	}
	// A completed transaction is not proof enough: confirm the join is gone.
	return warnings, c.waitVMShows(ctx, vmID, check)
}
