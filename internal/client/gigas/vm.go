package gigas

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Location is a datacenter.
type Location struct {
	ID    client.String `json:"id"`
	Label client.String `json:"label"`
}

// Template is an operating-system image.
type Template struct {
	ID                    client.String `json:"id"`
	Label                 client.String `json:"label"`
	Status                client.String `json:"status"`
	OperatingSystem       client.String `json:"operating_system"`
	OperatingSystemArch   client.String `json:"operating_system_arch"`
	OperatingSystemDistro client.String `json:"operating_system_distro"`
	MinDiskSize           client.Int    `json:"min_disk_size"`
	MinMemorySize         client.Int    `json:"min_memory_size"`
	AllowedSwap           client.Bool   `json:"allowed_swap"`
	Public                client.Bool   `json:"public"`
}

// VirtualMachine is a VM as the API reports it.
type VirtualMachine struct {
	ID              client.String `json:"id"`
	Label           client.String `json:"label"`
	Hostname        client.String `json:"hostname"`
	Status          client.String `json:"status"`
	Locked          client.Bool   `json:"locked"`
	Suspended       client.Bool   `json:"suspended"`
	Memory          client.Int    `json:"memory"`
	CPUs            client.Int    `json:"cpus"`
	CPUType         client.String `json:"cpu_type"`
	PrimaryDiskSize client.Int    `json:"primary_disk_size"`
	SwapDiskSize    client.Int    `json:"swap_disk_size"`
	LocationID      client.String `json:"location_id"`
	HypervisorID    client.String `json:"hypervisor_id"`
	TemplateID      client.String `json:"template_id"`
	InitialPassword client.String `json:"initial_password"`
	Note            client.String `json:"note"`
	Identifier      client.String `json:"identifier"`
	OperatingSystem client.String `json:"operating_system"`
	QueueToken      client.String `json:"queue_token"`
}

// CreateVMInput is the body of a VM creation.
type CreateVMInput struct {
	Label               string `json:"label"`
	Hostname            string `json:"hostname"`
	Memory              int64  `json:"memory"`
	CPUs                int64  `json:"cpus"`
	CPUType             string `json:"cpu_type,omitempty"`
	PrimaryDiskSize     int64  `json:"primary_disk_size"`
	SwapDiskSize        *int64 `json:"swap_disk_size,omitempty"`
	LocationID          string `json:"location_id"`
	TemplateID          string `json:"template_id"`
	Note                string `json:"note,omitempty"`
	InitialRootPassword string `json:"initial_root_password,omitempty"`
}

// UpdateVMInput is the body of a VM edit; nil fields are not sent.
type UpdateVMInput struct {
	Label           *string `json:"label,omitempty"`
	Hostname        *string `json:"hostname,omitempty"`
	Note            *string `json:"note,omitempty"`
	Memory          *int64  `json:"memory,omitempty"`
	CPUs            *int64  `json:"cpus,omitempty"`
	CPUType         *string `json:"cpu_type,omitempty"`
	PrimaryDiskSize *int64  `json:"primary_disk_size,omitempty"`
	Status          *string `json:"status,omitempty"`
}

// Locations lists the account's locations.
func (c *Client) Locations(ctx context.Context) ([]Location, error) {
	p, err := c.accountPath(ctx, "/locations")
	if err != nil {
		return nil, err
	}
	var out []Location
	return out, c.do(ctx, http.MethodGet, p, nil, &out)
}

// Templates lists the account's templates.
func (c *Client) Templates(ctx context.Context) ([]Template, error) {
	p, err := c.accountPath(ctx, "/templates")
	if err != nil {
		return nil, err
	}
	var out []Template
	return out, c.do(ctx, http.MethodGet, p, nil, &out)
}

// maxCreateAttempts bounds how often CreateVM orders again after finding
// that an order whose answer was lost did not create anything.
const maxCreateAttempts = 3

// CreateVM asks for a VM. The answer carries the VM's id and a queue token;
// the VM is usable once WaitTransaction says so.
//
// A VM is billed, so the order is never blindly repeated: when its answer is
// lost (a 5xx or a dropped connection), CreateVM lists the VMs with that
// hostname and compares with the list it took before ordering. One new VM
// that matches the order is this order's VM and is returned without a queue
// token (wait with WaitUnlocked); none means the order did nothing and it is
// placed again; several is an error that names them.
func (c *Client) CreateVM(ctx context.Context, in CreateVMInput) (*VirtualMachine, error) {
	p, err := c.accountPath(ctx, "/virtual_machine")
	if err != nil {
		return nil, err
	}
	byHostname := url.Values{"hostname": {in.Hostname}}
	before, err := c.ListVMs(ctx, byHostname)
	if err != nil {
		return nil, fmt.Errorf("listing VMs before the order: %w", err)
	}
	known := map[string]bool{}
	for _, vm := range before {
		known[string(vm.ID)] = true
	}
	for attempt := 1; ; attempt++ {
		var vm VirtualMachine
		err := c.send(ctx, client.Request{Method: http.MethodPost, Path: p, Body: in, Creates: true}, &vm)
		if err == nil {
			if vm.ID == "" {
				return nil, fmt.Errorf("POST %s: the answer carries no VM id", p)
			}
			return &vm, nil
		}
		if !client.IsOutcomeUnknown(err) {
			return nil, err
		}
		after, lerr := c.ListVMs(ctx, byHostname)
		if lerr != nil {
			return nil, fmt.Errorf("%w; and listing VMs to find out whether it was created failed: %w", err, lerr)
		}
		var found []VirtualMachine
		for _, vm := range after {
			if !known[string(vm.ID)] && in.matches(vm) {
				found = append(found, vm)
			}
		}
		switch {
		case len(found) == 1:
			found[0].QueueToken = ""
			return &found[0], nil
		case len(found) > 1:
			ids := make([]string, len(found))
			for i, vm := range found {
				ids[i] = string(vm.ID)
			}
			return nil, fmt.Errorf("%w; since then %d new VMs match this order (%s): check them in the control panel, import the right one and delete the others",
				err, len(found), strings.Join(ids, ", "))
		case attempt >= maxCreateAttempts:
			return nil, fmt.Errorf("%w; no VM was created after %d attempts", err, attempt)
		}
	}
}

// matches reports whether a listed VM is what this order asks for.
func (in CreateVMInput) matches(vm VirtualMachine) bool {
	return string(vm.Hostname) == in.Hostname && string(vm.Label) == in.Label &&
		string(vm.LocationID) == in.LocationID && string(vm.TemplateID) == in.TemplateID
}

// GetVM reads one VM. A missing VM is an error for which client.IsNotFound is true.
func (c *Client) GetVM(ctx context.Context, id string) (*VirtualMachine, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s", url.PathEscape(id))
	if err != nil {
		return nil, err
	}
	var vm VirtualMachine
	return &vm, c.do(ctx, http.MethodGet, p, nil, &vm)
}

// ListVMs lists the account's VMs, filtered by the API's own parameters.
func (c *Client) ListVMs(ctx context.Context, filter url.Values) ([]VirtualMachine, error) {
	p, err := c.accountPath(ctx, "/virtual_machines")
	if err != nil {
		return nil, err
	}
	if len(filter) > 0 {
		p += "?" + filter.Encode()
	}
	var out []VirtualMachine
	return out, c.do(ctx, http.MethodGet, p, nil, &out)
}

// UpdateVM edits a VM and returns the queue token of the change, if any.
func (c *Client) UpdateVM(ctx context.Context, id string, in UpdateVMInput) (string, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s", url.PathEscape(id))
	if err != nil {
		return "", err
	}
	var out VirtualMachine
	if err := c.do(ctx, http.MethodPut, p, in, &out); err != nil {
		return "", err
	}
	return string(out.QueueToken), nil
}

// DeleteVM destroys a VM and returns the queue token of the deletion, if any.
func (c *Client) DeleteVM(ctx context.Context, id string) (string, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s", url.PathEscape(id))
	if err != nil {
		return "", err
	}
	var out struct {
		QueueToken client.String `json:"queue_token"`
	}
	if err := c.do(ctx, http.MethodDelete, p, nil, &out); err != nil {
		return "", err
	}
	return string(out.QueueToken), nil
}

// TransactionStatus is the state of a queue token.
type TransactionStatus struct {
	Status    client.String `json:"status"`
	UpdatedAt client.String `json:"updated_at"`
	Message   client.String `json:"message"`
}

// Transaction reads the status of a queue token.
func (c *Client) Transaction(ctx context.Context, token string) (*TransactionStatus, error) {
	p, err := c.accountPath(ctx, "/transaction/%s/status", url.PathEscape(token))
	if err != nil {
		return nil, err
	}
	var st TransactionStatus
	return &st, c.do(ctx, http.MethodGet, p, nil, &st)
}

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
// anything else fails with the status quoted. A token the API answers 404
// for yields ErrTransactionGone.
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

// WaitUnlocked waits until the VM reports no running operation and returns it.
func (c *Client) WaitUnlocked(ctx context.Context, id string) (*VirtualMachine, error) {
	var vm *VirtualMachine
	err := client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		v, err := c.GetVM(ctx, id)
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

// WaitDeleted waits until reading the VM answers 404.
func (c *Client) WaitDeleted(ctx context.Context, id string) error {
	return client.Poll(ctx, c.poll, func(ctx context.Context) (bool, error) {
		_, err := c.GetVM(ctx, id)
		if client.IsNotFound(err) {
			return true, nil
		}
		return false, err
	})
}
