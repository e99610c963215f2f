package vm

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// VMDataSourceType is the single-VM data source's type name.
const VMDataSourceType = "gigas_virtual_machine"

// NewVMDataSource returns the gigas_virtual_machine data source: one VM,
// by id or by label.
func NewVMDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigas.Client, vmDataModel]{
		TypeName: VMDataSourceType,
		Schema:   vmDataSourceSchema(),
		Client:   providerdata.GigasClient,
		Read:     readVM,
	})
}

// vmDataModel is the Terraform side of the gigas_virtual_machine data source.
type vmDataModel struct {
	ID              types.String `tfsdk:"id"`
	Label           types.String `tfsdk:"label"`
	Hostname        types.String `tfsdk:"hostname"`
	Memory          types.Int64  `tfsdk:"memory"`
	CPUs            types.Int64  `tfsdk:"cpus"`
	CPUType         types.String `tfsdk:"cpu_type"`
	PrimaryDiskSize types.Int64  `tfsdk:"primary_disk_size"`
	SwapDiskSize    types.Int64  `tfsdk:"swap_disk_size"`
	LocationID      types.String `tfsdk:"location_id"`
	TemplateID      types.String `tfsdk:"template_id"`
	Note            types.String `tfsdk:"note"`
	Status          types.String `tfsdk:"status"`
	BootType        types.String `tfsdk:"boot_type"`
	Identifier      types.String `tfsdk:"identifier"`
	HypervisorID    types.String `tfsdk:"hypervisor_id"`
	IPAddresses     types.List   `tfsdk:"ip_addresses"`
	IPv4Address     types.String `tfsdk:"ipv4_address"`
	IPv6Address     types.String `tfsdk:"ipv6_address"`
}

// fromAPI copies what the API reports; a disk size it does not show is null.
func (m *vmDataModel) fromAPI(vm *gigas.VirtualMachine) {
	m.ID, m.Label, m.Hostname = types.StringValue(string(vm.ID)), types.StringValue(string(vm.Label)), types.StringValue(string(vm.Hostname))
	m.Memory, m.CPUs, m.CPUType = types.Int64Value(int64(vm.Memory)), types.Int64Value(int64(vm.CPUs)), types.StringValue(string(vm.CPUType))
	m.PrimaryDiskSize, m.SwapDiskSize = types.Int64PointerValue(vm.Disks.Primary), types.Int64PointerValue(vm.Disks.Swap)
	m.LocationID, m.TemplateID = types.StringValue(string(vm.LocationID)), types.StringValue(string(vm.TemplateID))
	m.Note, m.Status, m.BootType = types.StringValue(string(vm.Note)), types.StringValue(string(vm.Status)), types.StringValue(string(vm.BootType))
	m.Identifier, m.HypervisorID = types.StringValue(string(vm.Identifier)), types.StringValue(string(vm.HypervisorID))
}

func vmDataSourceSchema() schema.Schema {
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("label"))
	str := providerdata.ComputedString
	num := providerdata.ComputedInt64
	item := map[string]schema.Attribute{}
	for name, typ := range ipAddressAttrTypes {
		switch typ {
		case types.Int64Type:
			item[name] = num(ipItemDescriptions[name])
		case types.BoolType:
			item[name] = providerdata.ComputedBool(ipItemDescriptions[name])
		default:
			item[name] = str(ipItemDescriptions[name])
		}
	}
	return schema.Schema{
		MarkdownDescription: "Reads one Gigas virtual machine, by `id` or by `label`, for instance one made outside this configuration, " +
			"to point DNS records at its `ipv4_address`. A label that no VM has, or that several VMs share, is an error that says so " +
			"(use `gigas_virtual_machines` to list several).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The VM id. Exactly one of `id` and `label`.",
				Validators: []validator.String{oneOf,
					stringvalidator.RegexMatches(numericRE, "must be a numeric VM id such as \"226661014786\"")},
			},
			"label": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The VM's label, matched exactly; exactly one VM must have it. Exactly one of `id` and `label`.",
				Validators:          []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
			},
			"hostname":          str("Host name."),
			"memory":            num("Memory in MB."),
			"cpus":              num("Number of CPUs."),
			"cpu_type":          str("`intel` or `amd`."),
			"primary_disk_size": num("Main disk size in GB; null when the API does not show it in a readable form."),
			"swap_disk_size":    num("Swap disk size in GB; null when the API does not show it in a readable form."),
			"location_id":       str("Location (datacenter) id."),
			"template_id":       str("Template the VM was built from."),
			"note":              str("Free-form notes."),
			"status":            str("`unbuilt`, `online` or `offline`."),
			"boot_type":         str("Boot device: `default` or `cdrom`."),
			"identifier":        str("The API's short identifier of the VM."),
			"hypervisor_id":     str("The hypervisor the VM runs on."),
			"ip_addresses": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: ipAddressesDescription + "Null, with a warning, when the API's answer cannot be read.",
				NestedObject: schema.NestedAttributeObject{Attributes: item},
			},
			"ipv4_address": str(ipv4Description),
			"ipv6_address": str(ipv6Description),
		},
	}
}

// readVM reads the VM the configuration selects, by id or by label.
func readVM(ctx context.Context, c *gigas.Client, m *vmDataModel, diags *diag.Diagnostics) {
	id := m.ID.ValueString()
	if !m.Label.IsNull() {
		var ok bool
		if id, ok = vmIDByLabel(ctx, c, m.Label.ValueString(), diags); !ok {
			return
		}
	}
	vm, err := c.GetVM(ctx, id)
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root("id"), "No such Gigas virtual machine", fmt.Sprintf("The account has no VM with id %s.", id))
		return
	}
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot read the Gigas virtual machine", err)
		return
	}
	m.fromAPI(vm)
	ips, err := c.IPAddresses(ctx, id)
	if err != nil {
		diags.AddWarning("Cannot read the Gigas VM's IP addresses", fmt.Sprintf("VM %s: %v. ip_addresses, ipv4_address and ipv6_address are null.", id, err))
		m.IPAddresses = types.ListNull(types.ObjectType{AttrTypes: ipAddressAttrTypes})
		m.IPv4Address, m.IPv6Address = types.StringNull(), types.StringNull()
		return
	}
	var more diag.Diagnostics
	m.IPAddresses, m.IPv4Address, m.IPv6Address, more = addressValues(ctx, ips)
	diags.Append(more...)
}

// vmIDByLabel finds the one VM with this label, with the API's own label
// filter (checked exactly here too); none or several is an error.
func vmIDByLabel(ctx context.Context, c *gigas.Client, label string, diags *diag.Diagnostics) (string, bool) {
	vms, err := c.ListVMs(ctx, url.Values{"label": {label}})
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot list Gigas virtual machines", err)
		return "", false
	}
	var ids []string
	for _, vm := range vms {
		if string(vm.Label) == label {
			ids = append(ids, string(vm.ID))
		}
	}
	switch len(ids) {
	case 1:
		return ids[0], true
	case 0:
		diags.AddAttributeError(path.Root("label"), "No Gigas virtual machine has this label",
			fmt.Sprintf("No VM of the account has the label %q (labels are matched exactly).", label))
	default:
		diags.AddAttributeError(path.Root("label"), "Several Gigas virtual machines have this label",
			fmt.Sprintf("%d VMs have the label %q (ids %s): read one by id, or list them with gigas_virtual_machines.", len(ids), label, strings.Join(ids, ", ")))
	}
	return "", false
}
