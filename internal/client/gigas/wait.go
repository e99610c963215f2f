package gigas

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Every Gigas waiter. They poll with the client's PollSettings, honour ctx
// and never sleep past its deadline (client.Poll).

// TransactionError is a transaction that ended in anything but success.
type TransactionError struct {
	Token  string
	Status string
	Detail string
}

func (e *TransactionError) Error() string {
	msg := fmt.Sprintf("Gigas transaction %s ended with status %q", e.Token, e.Status)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// ErrTransactionGone is returned by WaitTransaction when the API no longer
// knows the token. The live API forgets finished transactions, so this is
// no proof of success or failure: confirm with a read of the resource.
var ErrTransactionGone = errors.New("the transaction is no longer known to the API")

// WaitTransaction polls a queue token until it completes. Status values are
// compared case-insensitively: pending waits, completed or complete succeeds,
// anything else is a *TransactionError with the status quoted (DESIGN.md).
// A token the API answers 404 for yields ErrTransactionGone. An empty token
// is done at once. waitVMChange is the waiter for a VM write: it confirms
// an unknown status or a forgotten token from the VM itself.
func (c *Client) WaitTransaction(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		st, err := c.Transaction(ctx, token)
		if client.IsNotFound(err) {
			return false, fmt.Errorf("waiting for transaction %s: %w", token, ErrTransactionGone)
		}
		if err != nil {
			return false, fmt.Errorf("waiting for transaction %s: %w", token, err)
		}
		switch s := strings.ToLower(strings.TrimSpace(string(st.Status))); s {
		case "pending":
			return false, nil
		case "completed", "complete":
			return true, nil
		default:
			return false, &TransactionError{Token: token, Status: string(st.Status), Detail: string(st.Message)}
		}
	})
}

// WaitVMUnlocked waits until the VM reports no running operation and
// returns it (the VM object, without disk sizes read from the disk list).
func (c *Client) WaitVMUnlocked(ctx context.Context, id string) (*VirtualMachine, error) {
	var vm *VirtualMachine
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		v, err := c.getVMObject(ctx, id)
		if err != nil {
			return false, err
		}
		vm = v
		return !bool(v.Locked), nil
	})
	if err != nil {
		return nil, fmt.Errorf("waiting for VM %s to be unlocked: %w", id, err)
	}
	return vm, nil
}

// WaitVMDeleted waits until reading the VM answers 404.
func (c *Client) WaitVMDeleted(ctx context.Context, id string) error {
	return client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		_, err := c.getVMObject(ctx, id)
		if client.IsNotFound(err) {
			return true, nil
		}
		return false, err
	})
}

// vmCheck says how a VM does not show an operation yet ("" when it does);
// disks is set when that needs the disk sizes, and also, when set, is asked
// once differs passes, for what the VM object does not show (an ISO join).
type vmCheck struct {
	differs func(*VirtualMachine) string
	disks   bool
	also    func(ctx context.Context) (string, error)
}

// waitVMChange waits until a VM operation is done and the VM shows it:
// differs(vm) says how the VM does not show it yet ("" when it does). It
// returns warnings for the user.
//
//   - No token (a write answered without one, or a VM found after a lost
//     answer): the VM is polled until it is unlocked and shows the change,
//     so that stale values are never read back as the outcome.
//   - The token completes: done.
//   - The token is forgotten (404) after it was seen: the VM decides, once
//     unlocked (FIELD-NOTES).
//   - Any other status: the VM is read before the failure is declared. An
//     unlocked VM that shows the change means the work is done, with a
//     warning quoting the status; otherwise the failure quotes the status.
func (c *Client) waitVMChange(ctx context.Context, id, token string, check vmCheck) ([]string, error) {
	if token == "" {
		return nil, c.waitVMShows(ctx, id, check)
	}
	err := c.WaitTransaction(ctx, token)
	var txErr *TransactionError
	switch {
	case err == nil:
		return nil, nil
	case errors.Is(err, ErrTransactionGone):
		tflog.Warn(ctx, "Gigas transaction no longer known; confirming from the VM", map[string]any{"vm_id": id, "queue_token": token})
		vm, werr := c.WaitVMUnlocked(ctx, id)
		if werr != nil {
			return nil, werr
		}
		if off, ferr := c.differs(ctx, vm, check); ferr != nil || off != "" {
			return nil, errors.Join(fmt.Errorf("transaction %s is no longer known and the VM does not show the change: %s", token, off), ferr)
		}
		return nil, nil
	case errors.As(err, &txErr):
		vm, gerr := c.getVMObject(ctx, id)
		if gerr != nil || bool(vm.Locked) {
			return nil, err
		}
		if off, ferr := c.differs(ctx, vm, check); ferr != nil || off != "" {
			return nil, err
		}
		warning := fmt.Sprintf("Gigas transaction %s of VM %s reported status %q, which is neither pending nor completed, "+
			"but the VM is unlocked and shows the change, so it is taken as done.", token, id, txErr.Status)
		tflog.Warn(ctx, warning)
		return []string{warning}, nil
	default:
		return nil, err
	}
}

// WaitVMBuilt waits for a new VM's build (its create transaction, or the VM
// itself when the create's answer was lost), then brings it to the power
// state asked for: a built VM is not assumed to be online.
func (c *Client) WaitVMBuilt(ctx context.Context, created *VirtualMachine, power string) ([]string, error) {
	id := string(created.ID)
	warnings, err := c.waitVMChange(ctx, id, string(created.QueueToken), vmCheck{differs: builtDiffers})
	if err != nil {
		return warnings, err
	}
	vm, err := c.WaitVMUnlocked(ctx, id)
	if err != nil {
		return warnings, err
	}
	if off := builtDiffers(vm); off != "" {
		return warnings, errors.New(off)
	}
	if power == "" || strings.EqualFold(string(vm.Status), power) {
		return warnings, nil
	}
	tflog.Info(ctx, "Gigas VM built in another power state; changing it", map[string]any{"vm_id": id, "status": string(vm.Status), "want": power})
	more, err := c.SetVMPower(ctx, id, power)
	return append(warnings, more...), err
}

// builtDiffers is the check of a build: the VM is online or offline.
func builtDiffers(vm *VirtualMachine) string {
	if vm.built() {
		return ""
	}
	return fmt.Sprintf("the VM is unlocked but still %s", vm.Status)
}

// unlockedChecks bounds how many polls waitVMShows lets an unlocked VM
// not show the change before it gives up: a write answered without a token
// may land a moment after the lock clears, but not never.
const unlockedChecks = 10

// waitVMShows polls the VM until it is unlocked and shows the change.
func (c *Client) waitVMShows(ctx context.Context, id string, check vmCheck) error {
	var last string
	unlocked := 0
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		vm, err := c.getVMObject(ctx, id)
		if err != nil || bool(vm.Locked) {
			return false, err
		}
		if last, err = c.differs(ctx, vm, check); err != nil || last == "" {
			return last == "", err
		}
		if unlocked++; unlocked >= unlockedChecks {
			return false, fmt.Errorf("the VM is unlocked but, %d reads later, does not show the change", unlocked)
		}
		return false, nil
	})
	if err != nil && last != "" {
		return fmt.Errorf("waiting for VM %s to show the change (%s): %w", id, last, err)
	}
	if err != nil {
		return fmt.Errorf("waiting for VM %s to finish the change: %w", id, err)
	}
	return nil
}

// differs applies check to vm, reading the disk list first when the check
// needs a disk size the VM object does not carry.
func (c *Client) differs(ctx context.Context, vm *VirtualMachine, check vmCheck) (string, error) {
	if check.disks && !vm.Disks.known() {
		withDisks := *vm
		if err := c.fillDisks(ctx, &withDisks); err != nil {
			return "", err
		}
		vm = &withDisks
	}
	if off := check.differs(vm); off != "" || check.also == nil {
		return off, nil
	}
	return check.also(ctx)
}
