package gigas

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// VM operations that are not edits: POST .../reboot and .../rebuild_network
// (gigas-virtual-machines.txt § Reboot Virtual Machine, § Rebuild network:
// success 202, "Has Token: Yes", the answer's body not shown). Nothing the VM
// object shows changes, so their end is their queue token, or the VM's lock
// clearing when the answer carries none.

// RebootVM restarts a VM and waits until the reboot is done. force asks for
// the VM to be killed rather than shut down (the docs: only the Oracle
// provider takes it, the others ignore it); it is sent only when true, as
// the docs' example sends no body. It returns warnings for the user.
func (c *Client) RebootVM(ctx context.Context, id string, force bool, progress client.Progress) ([]string, error) {
	var body map[string]any
	if force {
		body = map[string]any{"force": true}
	}
	return c.runVMOperation(ctx, id, "reboot", body, progress)
}

// RebuildVMNetwork rebuilds a VM's network to apply network changes and
// waits until it is done. It returns warnings for the user.
func (c *Client) RebuildVMNetwork(ctx context.Context, id string, progress client.Progress) ([]string, error) {
	return c.runVMOperation(ctx, id, "rebuild_network", nil, progress)
}

// runVMOperation waits for the VM's lock to clear, POSTs the operation
// once, and waits for its queue token (or, with none, for the lock to clear
// again). The POST is never sent twice: a lost answer (a 5xx, a connection
// lost after sending) is resolved by reading the VM (lostVMOperation).
func (c *Client) runVMOperation(ctx context.Context, id, operation string, body any, progress client.Progress) ([]string, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s/%s", url.PathEscape(id), operation)
	if err != nil {
		return nil, err
	}
	unlock := c.lockVM(id)
	defer unlock()
	progress.Say("Waiting for VM %s to be free of running operations", id)
	if _, err := c.WaitVMUnlocked(ctx, id); err != nil {
		return nil, err
	}
	progress.Say("Sending the %s of VM %s", operation, id)
	answer, err := c.send(ctx, client.Request{Method: http.MethodPost, Path: p, Body: body, Creates: true})
	if client.IsOutcomeUnknown(err) {
		return c.lostVMOperation(ctx, id, operation, err, progress)
	}
	if err != nil {
		return nil, err
	}
	token := queueToken(answer)
	if token == "" {
		progress.Say("The API answered without a queue token: waiting for VM %s to be unlocked", id)
		_, err := c.WaitVMUnlocked(ctx, id)
		return nil, err
	}
	progress.Say("Waiting for transaction %s (%s of VM %s)", token, operation, id)
	err = c.WaitTransaction(ctx, token)
	if errors.Is(err, ErrTransactionGone) {
		// The live API forgets finished transactions (FIELD-NOTES): the
		// VM's lock is all that is left to tell the operation is over.
		tflog.Warn(ctx, "Gigas transaction no longer known; waiting for the VM's lock instead", map[string]any{"vm_id": id, "queue_token": token})
		if _, werr := c.WaitVMUnlocked(ctx, id); werr != nil {
			return nil, werr
		}
		return []string{fmt.Sprintf("The API no longer knows transaction %s of the %s of VM %s, so its outcome cannot be read; "+
			"the VM is unlocked, so the operation is over.", token, operation, id)}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the %s of VM %s: %w", operation, id, err)
	}
	return nil, nil
}

// lostVMOperation resolves an operation whose answer was lost without
// sending it again: a reboot that ran twice is a second outage. A VM that is
// locked right after is taken to run this operation, and waited for; a VM
// that is unlocked shows nothing either way, which is an error saying so.
func (c *Client) lostVMOperation(ctx context.Context, id, operation string, lost error, progress client.Progress) ([]string, error) {
	vm, err := c.getVMObject(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("%w; and reading VM %s back failed: %w", lost, id, err)
	}
	if !bool(vm.Locked) {
		return nil, fmt.Errorf("%w; VM %s shows no running operation, so whether the %s took place is unknown. "+
			"It was not sent again, so that it never runs twice: check the VM, and run the action again if it is needed", lost, id, operation)
	}
	progress.Say("The answer was lost, but VM %s is locked by an operation: waiting for it to end", id)
	if _, err := c.WaitVMUnlocked(ctx, id); err != nil {
		return nil, err
	}
	return []string{fmt.Sprintf("The answer to the %s of VM %s was lost (%s). The VM was locked by an operation right after, "+
		"taken to be this one, and is now unlocked; the request was not sent again.", operation, id, lost)}, nil
}
