package vm

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigas"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
)

// VMsDataSourceType is the VM list data source's type name.
const VMsDataSourceType = "gigas_virtual_machines"

// vmSummaryModel is one VM of the list.
type vmSummaryModel struct {
	ID           types.String `tfsdk:"id"`
	Label        types.String `tfsdk:"label"`
	Hostname     types.String `tfsdk:"hostname"`
	Status       types.String `tfsdk:"status"`
	Memory       types.Int64  `tfsdk:"memory"`
	CPUs         types.Int64  `tfsdk:"cpus"`
	CPUType      types.String `tfsdk:"cpu_type"`
	LocationID   types.String `tfsdk:"location_id"`
	TemplateID   types.String `tfsdk:"template_id"`
	HypervisorID types.String `tfsdk:"hypervisor_id"`
	Identifier   types.String `tfsdk:"identifier"`
}

func vmSummaryFromAPI(vm gigas.VirtualMachine) vmSummaryModel {
	return vmSummaryModel{
		ID: types.StringValue(string(vm.ID)), Label: types.StringValue(string(vm.Label)), Hostname: types.StringValue(string(vm.Hostname)),
		Status: types.StringValue(string(vm.Status)), Memory: types.Int64Value(int64(vm.Memory)), CPUs: types.Int64Value(int64(vm.CPUs)),
		CPUType: types.StringValue(string(vm.CPUType)), LocationID: types.StringValue(string(vm.LocationID)),
		TemplateID: types.StringValue(string(vm.TemplateID)), HypervisorID: types.StringValue(string(vm.HypervisorID)),
		Identifier: types.StringValue(string(vm.Identifier)),
	}
}

// listAllVMs is the one request of the data source: the whole list.
func listAllVMs(c *gigas.Client, ctx context.Context) ([]gigas.VirtualMachine, error) {
	return c.ListVMs(ctx, nil)
}

// NewVMsDataSource returns the gigas_virtual_machines data source.
func NewVMsDataSource() datasource.DataSource {
	type filter = providerdata.ListFilter[gigas.VirtualMachine]
	return providerdata.NewListDataSource(providerdata.ListSpec[gigas.Client, gigas.VirtualMachine, vmSummaryModel]{
		TypeName: VMsDataSourceType,
		Description: "Lists the Gigas virtual machines of the account (one request), optionally filtered by the fields the API's list filters on: " +
			"`label`, `hostname`, `status` and `location_id`. Every filter given must match exactly.",
		Client:    providerdata.GigasClient,
		List:      listAllVMs,
		ListError: "Cannot list Gigas virtual machines",
		Filters: []filter{
			{Attribute: "label", Match: providerdata.MatchExact, Field: func(vm gigas.VirtualMachine) string { return string(vm.Label) },
				Description: "Keep only VMs with exactly this label."},
			{Attribute: "hostname", Match: providerdata.MatchExact, Field: func(vm gigas.VirtualMachine) string { return string(vm.Hostname) },
				Description: "Keep only VMs with exactly this hostname."},
			{Attribute: "status", Match: providerdata.MatchExact, Field: func(vm gigas.VirtualMachine) string { return string(vm.Status) },
				Description: "Keep only VMs in this status: `online`, `offline` or `unbuilt`.",
				Validators:  []validator.String{stringvalidator.OneOf("online", "offline", "unbuilt")}},
			{Attribute: "location_id", Match: providerdata.MatchExact, Field: func(vm gigas.VirtualMachine) string { return string(vm.LocationID) },
				Description: "Keep only VMs in this location (an `id` of `gigas_locations`).",
				Validators:  []validator.String{stringvalidator.RegexMatches(numericRE, "must be a numeric id such as \"226661012\"")}},
		},
		Attribute: "virtual_machines", AttributeDescription: "The matching VMs, in the API's order.",
		Item: map[string]schema.Attribute{
			"id":            providerdata.ComputedString("The VM id (a numeric string)."),
			"label":         providerdata.ComputedString("User-friendly description of the VM."),
			"hostname":      providerdata.ComputedString("Host name."),
			"status":        providerdata.ComputedString("`unbuilt`, `online` or `offline`."),
			"memory":        providerdata.ComputedInt64("Memory in MB."),
			"cpus":          providerdata.ComputedInt64("Number of CPUs."),
			"cpu_type":      providerdata.ComputedString("`intel` or `amd`."),
			"location_id":   providerdata.ComputedString("Location (datacenter) id."),
			"template_id":   providerdata.ComputedString("Template the VM was built from."),
			"hypervisor_id": providerdata.ComputedString("The hypervisor the VM runs on."),
			"identifier":    providerdata.ComputedString("The API's short identifier of the VM."),
		},
		Convert: vmSummaryFromAPI,
		Derived: map[string]providerdata.Derived[vmSummaryModel]{
			"ids": {
				Schema: schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The ids of the matching VMs, in the order of `virtual_machines`."},
				Value: func(vms []vmSummaryModel) any {
					ids := make([]types.String, len(vms))
					for i, vm := range vms {
						ids[i] = vm.ID
					}
					return ids
				},
			},
		},
	})
}
