package gigas

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

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
	LocationID      client.String `json:"location_id"`
	HypervisorID    client.String `json:"hypervisor_id"`
	TemplateID      client.String `json:"template_id"`
	InitialPassword client.String `json:"initial_password"`
	Note            client.String `json:"note"`
	Identifier      client.String `json:"identifier"`
	OperatingSystem client.String `json:"operating_system"`
	BootType        client.String `json:"boot_type"`
	QueueToken      client.String `json:"queue_token"`
	// Disks are not part of the documented VM object: they are read from it
	// when it carries primary_disk_size / swap_disk_size, else from the
	// VM's disk list (GetVM); nil where neither can be read.
	Disks DiskSizes `json:"-"`
}

// UnmarshalJSON reads a VM, and its disk sizes when the object carries them
// in a readable form.
func (vm *VirtualMachine) UnmarshalJSON(b []byte) error {
	type plain VirtualMachine
	var aux struct {
		plain
		Primary json.RawMessage `json:"primary_disk_size"`
		Swap    json.RawMessage `json:"swap_disk_size"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*vm = VirtualMachine(aux.plain)
	vm.Disks = DiskSizes{Primary: parseSize(aux.Primary), Swap: parseSize(aux.Swap)}
	return nil
}

// built reports whether the VM is built: online or offline.
func (vm *VirtualMachine) built() bool {
	s := strings.ToLower(string(vm.Status))
	return s == "online" || s == "offline"
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
	BootType        *string `json:"boot_type,omitempty"`
	Status          *string `json:"status,omitempty"`
}

// Locations lists the account's locations.
func (c *Client) Locations(ctx context.Context) ([]Location, error) {
	p, err := c.accountPath(ctx, "/locations")
	if err != nil {
		return nil, err
	}
	return getList[Location](ctx, c, p, "location", "locations")
}

// Templates lists the account's templates.
func (c *Client) Templates(ctx context.Context) ([]Template, error) {
	p, err := c.accountPath(ctx, "/templates")
	if err != nil {
		return nil, err
	}
	return getList[Template](ctx, c, p, "template", "templates")
}

// maxWriteAttempts bounds how often a VM write whose answer was lost is sent
// again after reading back showed that it did nothing.
const maxWriteAttempts = 3

// CreateVM asks for a VM. The answer carries the VM's id and a queue token;
// the VM is usable once WaitVMBuilt says so.
//
// A VM is billed, so the order goes through client.CreateOnce: when its
// answer is lost (a 5xx or a dropped connection), the VMs with that hostname
// are listed and compared with the list taken before ordering. One new VM
// that matches the order is this order's VM and is returned without a queue
// token (WaitVMBuilt then watches the VM itself); none means the order did
// nothing and it is placed again; several is an error that names them.
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
	var created *VirtualMachine
	send := func(ctx context.Context) error {
		body, err := c.send(ctx, client.Request{Method: http.MethodPost, Path: p, Body: in, Creates: true})
		if err != nil {
			return err
		}
		if created, err = decodeObject[VirtualMachine](body, "virtual_machine"); err != nil {
			return fmt.Errorf("POST %s: %w", p, err)
		}
		return nil
	}
	find := func(ctx context.Context, attempt int, err error) (VirtualMachine, bool, error) {
		after, lerr := c.ListVMs(ctx, byHostname)
		if lerr != nil {
			return VirtualMachine{}, false, fmt.Errorf("%w; and listing VMs to find out whether it was created failed: %w", err, lerr)
		}
		var found []VirtualMachine
		for _, vm := range after {
			if !known[string(vm.ID)] && in.matches(vm) {
				found = append(found, vm)
			}
		}
		if len(found) > 1 {
			ids := make([]string, len(found))
			for i, vm := range found {
				ids[i] = string(vm.ID)
			}
			return VirtualMachine{}, false, fmt.Errorf("%w; since then %d new VMs match this order (%s): check them in the control panel, import the right one and delete the others",
				err, len(found), strings.Join(ids, ", "))
		}
		if len(found) == 1 {
			tflog.Warn(ctx, "Gigas VM order's answer was lost; adopting the VM it created", map[string]any{"vm_id": string(found[0].ID), "attempt": attempt})
			return found[0], true, nil
		}
		return VirtualMachine{}, false, nil
	}
	adopted, ok, err := client.CreateOnce(ctx, client.CreateTries{Attempts: maxWriteAttempts, NotCreated: "no VM was created"}, send, find)
	if err != nil {
		return nil, err
	}
	if ok {
		adopted.QueueToken = ""
		return &adopted, nil
	}
	if created.ID == "" {
		return nil, fmt.Errorf("POST %s: the answer carries no VM id", p)
	}
	return created, nil
}

// matches reports whether a listed VM is what this order asks for.
func (in CreateVMInput) matches(vm VirtualMachine) bool {
	return string(vm.Hostname) == in.Hostname && string(vm.Label) == in.Label &&
		string(vm.LocationID) == in.LocationID && string(vm.TemplateID) == in.TemplateID
}

// GetVM reads one VM with its disk sizes (from the VM object when it carries
// them, else from its disk list). A missing VM is an error for which
// client.IsNotFound is true.
func (c *Client) GetVM(ctx context.Context, id string) (*VirtualMachine, error) {
	vm, err := c.getVMObject(ctx, id)
	if err != nil {
		return nil, err
	}
	return vm, c.fillDisks(ctx, vm)
}

// fillDisks reads the disk list when the VM object lacks a disk size.
func (c *Client) fillDisks(ctx context.Context, vm *VirtualMachine) error {
	if vm.Disks.known() {
		return nil
	}
	d, err := c.Disks(ctx, string(vm.ID))
	if err != nil {
		return fmt.Errorf("reading the disks of VM %s: %w", vm.ID, err)
	}
	vm.Disks.fill(d)
	return nil
}

// getVMObject reads the VM object alone, as the waiters poll it.
func (c *Client) getVMObject(ctx context.Context, id string) (*VirtualMachine, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s", url.PathEscape(id))
	if err != nil {
		return nil, err
	}
	body, err := c.send(ctx, requestGet(p))
	if err != nil {
		return nil, err
	}
	vm, err := decodeObject[VirtualMachine](body, "virtual_machine")
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", p, err)
	}
	return vm, nil
}

// ListVMs lists the account's VMs, filtered by the API's own parameters.
// The list's shape is not documented: a bare array, the array under
// "virtual_machines" or "data", and items under "virtual_machine" are read;
// anything else is an error.
func (c *Client) ListVMs(ctx context.Context, filter url.Values) ([]VirtualMachine, error) {
	p, err := c.accountPath(ctx, "/virtual_machines")
	if err != nil {
		return nil, err
	}
	if len(filter) > 0 {
		p += "?" + filter.Encode()
	}
	return getList[VirtualMachine](ctx, c, p, "virtual_machine", "virtual_machines")
}

// UpdateVM waits until the VM is unlocked, edits it, and waits until the
// change is done. It returns warnings for the user (a change confirmed by
// reading the VM rather than by its transaction).
//
// A PUT is not idempotent on a lockable VM, so it is never retried blindly:
// when its answer is lost, UpdateVM waits for the lock to clear and reads
// the VM back; if the VM shows the new values the change is done, otherwise
// it is sent again (at most maxWriteAttempts times in all).
func (c *Client) UpdateVM(ctx context.Context, id string, in UpdateVMInput) ([]string, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s", url.PathEscape(id))
	if err != nil {
		return nil, err
	}
	unlock := c.lockVM(id)
	defer unlock()
	if _, err := c.WaitVMUnlocked(ctx, id); err != nil {
		return nil, err
	}
	var token string
	send := func(ctx context.Context) error {
		body, err := c.send(ctx, client.Request{Method: http.MethodPut, Path: p, Body: in, Creates: true})
		if err != nil {
			return err
		}
		token = queueToken(body)
		return nil
	}
	find := func(ctx context.Context, attempt int, err error) (bool, bool, error) {
		vm, werr := c.WaitVMUnlocked(ctx, id)
		if werr != nil {
			return false, false, fmt.Errorf("%w; and reading the VM back failed: %w", err, werr)
		}
		off, derr := c.differs(ctx, vm, vmCheck{differs: in.differs, disks: in.PrimaryDiskSize != nil})
		if derr != nil {
			return false, false, fmt.Errorf("%w; and reading the VM back failed: %w", err, derr)
		}
		if off != "" {
			tflog.Warn(ctx, "Gigas VM change's answer was lost and the VM does not show it; sending it again", map[string]any{"vm_id": id, "attempt": attempt})
			return false, false, nil
		}
		return true, true, nil
	}
	_, confirmed, err := client.CreateOnce(ctx, client.CreateTries{Attempts: maxWriteAttempts, NotCreated: "the change was not applied"}, send, find)
	if err != nil || confirmed {
		return nil, err
	}
	return c.waitVMChange(ctx, id, token, vmCheck{differs: in.differs, disks: in.PrimaryDiskSize != nil})
}

// SetVMPower turns a VM on ("online") or off ("offline") with the
// documented status PUT and waits until it is so.
func (c *Client) SetVMPower(ctx context.Context, id, state string) ([]string, error) {
	return c.UpdateVM(ctx, id, UpdateVMInput{Status: &state})
}

// differs says how vm does not show this change yet, or "" when it does.
// A field the VM does not report (a disk size it cannot read) is not held
// against it.
func (in UpdateVMInput) differs(vm *VirtualMachine) string {
	var off []string
	str := func(name string, want *string, got client.String) {
		if want != nil && *want != string(got) {
			off = append(off, fmt.Sprintf("%s is %q, want %q", name, got, *want))
		}
	}
	num := func(name string, want *int64, got *int64) {
		if want != nil && got != nil && *want != *got {
			off = append(off, fmt.Sprintf("%s is %d, want %d", name, *got, *want))
		}
	}
	mem, cpus := int64(vm.Memory), int64(vm.CPUs)
	str("label", in.Label, vm.Label)
	str("hostname", in.Hostname, vm.Hostname)
	str("note", in.Note, vm.Note)
	str("cpu_type", in.CPUType, vm.CPUType)
	str("status", in.Status, vm.Status)
	str("boot_type", in.BootType, vm.BootType)
	num("memory", in.Memory, &mem)
	num("cpus", in.CPUs, &cpus)
	num("primary_disk_size", in.PrimaryDiskSize, vm.Disks.Primary)
	return strings.Join(off, ", ")
}

// queueToken reads queue_token from a write's answer, bare or wrapped; ""
// when there is none.
func queueToken(body []byte) string {
	var out struct {
		QueueToken client.String `json:"queue_token"`
	}
	if json.Unmarshal(body, &out) == nil && out.QueueToken != "" {
		return string(out.QueueToken)
	}
	if vm, err := decodeObject[VirtualMachine](body, "virtual_machine"); err == nil {
		return string(vm.QueueToken)
	}
	return ""
}

// DeleteVM waits until the VM is unlocked, destroys it and waits until
// reading it answers 404. A VM already gone is no error. A lost answer is
// not retried blindly: the VM is read first, and the delete sent again only
// when the VM is still there and unlocked.
func (c *Client) DeleteVM(ctx context.Context, id string) ([]string, error) {
	p, err := c.accountPath(ctx, "/virtual_machine/%s", url.PathEscape(id))
	if err != nil {
		return nil, err
	}
	unlock := c.lockVM(id)
	defer unlock()
	token, done, err := c.sendVMDelete(ctx, id, p, "the VM was not deleted", func(context.Context) (bool, error) { return false, nil })
	if done || err != nil {
		return nil, err
	}
	var warnings []string
	err = c.WaitTransaction(ctx, token)
	var txErr *TransactionError
	if errors.As(err, &txErr) {
		// Neither pending nor completed: the VM decides.
		if _, gerr := c.getVMObject(ctx, id); !client.IsNotFound(gerr) {
			return warnings, err
		}
		warnings = append(warnings, fmt.Sprintf("Gigas transaction %s of VM %s reported status %q, which is neither pending nor completed, "+
			"but the VM is gone, so the deletion is taken as done.", token, id, txErr.Status))
	} else if err != nil && !errors.Is(err, ErrTransactionGone) {
		return warnings, err
	}
	// A completed transaction is not proof enough: confirm the VM is gone.
	return warnings, c.WaitVMDeleted(ctx, id)
}

// sendVMDelete sends a DELETE that acts on the VM id (the VM itself or
// something of it) once the VM is unlocked, and returns its queue token.
// It is never sent blindly twice: after a lost answer it waits for the
// VM's lock to clear and asks gone whether the delete took effect (a VM
// that answers 404 has). done is true when nothing is left to wait for: the
// VM, or what path names, is gone. Callers hold the VM's write lock.
func (c *Client) sendVMDelete(ctx context.Context, id, path, notDone string, gone func(context.Context) (bool, error)) (token string, done bool, err error) {
	if _, err := c.WaitVMUnlocked(ctx, id); err != nil {
		if client.IsNotFound(err) {
			return "", true, nil
		}
		return "", false, err
	}
	send := func(ctx context.Context) error {
		body, err := c.send(ctx, client.Request{Method: http.MethodDelete, Path: path, Creates: true})
		if err != nil {
			return err
		}
		token = queueToken(body)
		return nil
	}
	find := func(ctx context.Context, _ int, err error) (bool, bool, error) {
		_, werr := c.WaitVMUnlocked(ctx, id)
		if client.IsNotFound(werr) {
			return true, true, nil
		}
		if werr != nil {
			return false, false, fmt.Errorf("%w; and reading the VM back failed: %w", err, werr)
		}
		ok, gerr := gone(ctx)
		if gerr != nil {
			return false, false, fmt.Errorf("%w; and reading it back failed: %w", err, gerr)
		}
		return ok, ok, nil
	}
	_, done, err = client.CreateOnce(ctx, client.CreateTries{Attempts: maxWriteAttempts, NotCreated: notDone}, send, find)
	if client.IsNotFound(err) {
		return "", true, nil
	}
	return token, done, err
}

// TransactionStatus is the state of a queue token.
type TransactionStatus struct {
	Status    client.String `json:"status"`
	UpdatedAt client.String `json:"updated_at"`
	Message   client.String `json:"message"`
}

// Transaction reads the status of a queue token. An answer without a status
// has Status "": neither pending nor completed, it is never taken for done.
func (c *Client) Transaction(ctx context.Context, token string) (*TransactionStatus, error) {
	p, err := c.accountPath(ctx, "/transaction/%s/status", url.PathEscape(token))
	if err != nil {
		return nil, err
	}
	body, err := c.send(ctx, requestGet(p))
	if err != nil {
		return nil, err
	}
	var st TransactionStatus
	if err := json.Unmarshal(body, &st); err != nil {
		return nil, fmt.Errorf("GET %s: the answer is not a status object: %s", p, snippet(body))
	}
	return &st, nil
}
