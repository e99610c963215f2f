package vm

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema implements resource.Resource.
func (r *VMResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Gigas cloud virtual machine. Create blocks until the machine is built (its queue transaction has completed); " +
			"`label`, `hostname`, `note`, `memory`, `cpus`, `cpu_type`, `boot_type`, `primary_disk_size` (grow only) and `power_state` change in place, " +
			"`template_id`, `location_id`, `swap_disk_size` and `initial_root_password` replace the machine. " +
			"A machine busy with another operation (`locked`) is waited for before any change. " +
			"A new machine is brought to `power_state` whichever status its build leaves it in. " +
			"Keeping two machines on different hypervisors (the API's segregation) is not managed: the docs do not show what " +
			"`GET .../segregations` answers and the segregation only takes effect at the next reboot, so it could not be read back.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The VM id (a numeric string).",
			},
			"label": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "User-friendly description of the VM.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"hostname": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Host name: up to 25 characters of letters, digits and dashes, not starting with a digit. " +
					"Informative only: changing it does not change the name inside the machine.",
				Validators: []validator.String{stringvalidator.RegexMatches(hostnameRE,
					"must be up to 25 characters of letters (A-Z, a-z), digits (0-9) and dashes (-), not starting with a digit")},
			},
			"memory": schema.Int64Attribute{
				Required: true, MarkdownDescription: "Memory in MB.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"cpus": schema.Int64Attribute{
				Required: true, MarkdownDescription: "Number of CPUs.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"cpu_type": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep,
				MarkdownDescription: "CPU type, `intel` or `amd`. When unset, the API's choice. A change needs a reboot, which the API does.",
				Validators:          []validator.String{stringvalidator.OneOf("intel", "amd")},
			},
			"primary_disk_size": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: "Size of the main disk in GB. It can grow in place but never shrink. " +
					"Read from the VM's disk list; when the API does not show it in a readable form, the configured value is kept. " +
					"After an import whose size cannot be read, the configured size is recorded as it is, with a warning and no resize.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"swap_disk_size": schema.Int64Attribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Swap disk size in GB (useless on Windows). When unset, the API's default. Changing a known size replaces the VM. " +
					"The API shows disk sizes only in the VM's disk list; when it cannot be read, the configured value is kept, and after an import " +
					"a configured size is recorded as it is, with a warning and no change to the VM.",
				Validators:    []validator.Int64{int64validator.AtLeast(0)},
				PlanModifiers: []planmodifier.Int64{swapDiskModifier},
			},
			"location_id": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				MarkdownDescription: "Location (datacenter) id, from the `gigas_locations` data source. Changing it replaces the VM.",
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a numeric id such as \"226661012\"")},
			},
			"template_id": schema.StringAttribute{
				Required: true, PlanModifiers: replace,
				MarkdownDescription: "Template (operating-system image) id, from the `gigas_templates` data source. Changing it replaces the VM.",
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a numeric id such as \"2266610116\"")},
			},
			"note": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(""),
				MarkdownDescription: "Free-form notes.",
			},
			"initial_root_password": schema.StringAttribute{
				Optional: true, Computed: true, Sensitive: true,
				PlanModifiers: []planmodifier.String{initialPasswordModifier},
				MarkdownDescription: "Root password set when the VM is built: 6 to 32 letters, digits, `-` and `_`. Never read back from the API: " +
					"it is null after import (adding it to the configuration then changes nothing), and leaving it unset means the API generates one " +
					"(see `initial_password`) and never causes a diff. Changing it from one password to another replaces the VM.",
				Validators: []validator.String{stringvalidator.RegexMatches(passwordRE,
					"must be 6 to 32 characters of letters (A-Z, a-z), digits (0-9), dashes (-) and underscores (_)")},
			},
			"initial_password": schema.StringAttribute{
				Computed: true, Sensitive: true, PlanModifiers: keep,
				MarkdownDescription: "The root password the API generated, when `initial_root_password` is unset; null otherwise.",
			},
			"boot_type": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep,
				MarkdownDescription: "Boot device: `default` (the disk) or `cdrom` (an ISO mounted with `gigas_virtual_machine_iso`). " +
					"When unset, what the API reports (`default` for a new VM). Changes in place; the VM boots from it at its next start.",
				Validators: []validator.String{stringvalidator.OneOf("default", "cdrom")},
			},
			"power_state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(powerOnline),
				MarkdownDescription: "Whether the VM should run: `online` (default) or `offline`.",
				Validators:          []validator.String{stringvalidator.OneOf(powerOnline, powerOffline)},
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Status as the API reports it: `unbuilt`, `online` or `offline`.",
			},
			"identifier": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The API's short identifier of the VM.",
			},
			"hypervisor_id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The hypervisor the VM runs on.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true,
				CreateDescription: fmt.Sprintf("How long to wait for the machine to be built and running, its queue transactions included (default %s).", minutes(defaultCreateTimeout)),
				UpdateDescription: fmt.Sprintf("How long to wait for a change (resize, power state, rebuild) to complete (default %s).", minutes(defaultUpdateTimeout)),
				DeleteDescription: fmt.Sprintf("How long to wait for the deletion to complete (default %s).", minutes(defaultDeleteTimeout)),
			}),
		},
	}
	for name, a := range ipAddressSchema() {
		resp.Schema.Attributes[name] = a
	}
}

// minutes writes a timeout default as a timeouts block takes it ("30m").
func minutes(d time.Duration) string { return fmt.Sprintf("%dm", int(d.Minutes())) }
