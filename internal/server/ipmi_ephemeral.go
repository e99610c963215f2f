package server

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/ephemeral/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/actionbase"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// IPMIEphemeralType is the KVM/IPMI session's type name.
const IPMIEphemeralType = "gigahost_server_ipmi"

// defaultIPMITimeout bounds opening a session when timeouts.open is unset.
const defaultIPMITimeout = 2 * time.Minute

var _ ephemeral.EphemeralResourceWithConfigure = (*IPMIEphemeral)(nil)

// EphemeralResources lists this family's ephemeral resources.
func EphemeralResources() []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewIPMIEphemeral}
}

// IPMIEphemeral is gigahost_server_ipmi: the credentials of a KVM/IPMI
// session, which are never in state or plan.
type IPMIEphemeral struct{ actionbase.Ephemeral }

// NewIPMIEphemeral returns the KVM/IPMI session ephemeral resource.
func NewIPMIEphemeral() ephemeral.EphemeralResource {
	return &IPMIEphemeral{actionbase.Ephemeral{TypeName: IPMIEphemeralType}}
}

type ipmiModel struct {
	ServerID  types.String   `tfsdk:"server_id"`
	ACL       types.String   `tfsdk:"acl"`
	Address   types.String   `tfsdk:"address"`
	Username  types.String   `tfsdk:"username"`
	Password  types.String   `tfsdk:"password"`
	ExpiresAt types.String   `tfsdk:"expires_at"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

// fromAPI fills the session's credentials and expiry.
func (m *ipmiModel) fromAPI(s gigahost.IPMISession) {
	m.Address = types.StringValue(s.Address)
	m.Username = types.StringValue(s.Username)
	m.Password = types.StringValue(s.Password)
	m.ExpiresAt = types.StringValue(s.ExpiresAt.UTC().Format(time.RFC3339))
}

// aclValidator checks each part of a semicolon-separated acl: an IP
// address or a subnet in CIDR form.
var aclValidator = tfutil.StringValidator("a semicolon-separated list of IP addresses and subnets, such as \"198.51.100.7;203.0.113.0/24\"",
	func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
			return
		}
		for _, part := range strings.Split(req.ConfigValue.ValueString(), ";") {
			part = strings.TrimSpace(part)
			if _, err := netip.ParseAddr(part); err == nil {
				continue
			}
			if _, err := netip.ParsePrefix(part); err == nil {
				continue
			}
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid acl",
				fmt.Sprintf("%q is neither an IP address nor a subnet in CIDR form: acl must be a semicolon-separated list of them, such as \"198.51.100.7;203.0.113.0/24\"", part))
			return
		}
	})

// Schema implements ephemeral.EphemeralResource.
func (e *IPMIEphemeral) Schema(ctx context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Opens a KVM/IPMI session with a Gigahost server (`POST /servers/{id}/ipmi`) and gives its address and credentials, " +
			"for the out-of-band console. An ephemeral resource (Terraform 1.10 or later): the credentials are never written to the plan or the state, " +
			"so use them where ephemeral values are accepted (a write-only attribute, a provider configuration, an ephemeral output of a module). " +
			"**Sessions expire 3 hours after they are opened** (`expires_at`), and the API has no call to end one early or to renew it: " +
			"every Terraform command that reads it (a plan, then an apply) opens a new session.",
		Attributes: map[string]schema.Attribute{
			"server_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The server (`gigahost_server.id`, a numeric string).",
				Validators:          []validator.String{stringvalidator.RegexMatches(numericRE, "must be a server id: digits only, such as 18856")},
			},
			"acl": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The addresses allowed to connect to the session: a semicolon-separated list of IP addresses and subnets, such as `198.51.100.7;203.0.113.0/24`. Unset: the API's default.",
				Validators:          []validator.String{aclValidator},
			},
			"address": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The address of the KVM/IPMI interface (`kvm_ip_address`).",
			},
			"username": schema.StringAttribute{
				Computed:            true,
				Sensitive:           true,
				MarkdownDescription: "The session's user name.",
			},
			"password": schema.StringAttribute{
				Computed:            true,
				Sensitive:           true,
				MarkdownDescription: "The session's password.",
			},
			"expires_at": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "When the session expires, in RFC 3339 (UTC): the API's `kvm_expires` when it gives one, " +
					"else 3 hours after the request was sent (the documented lifetime), never later than the real expiry.",
			},
			"timeouts": ipmiTimeouts(ctx),
		},
	}
}

// ipmiTimeouts is the optional timeouts = { open = "..." }.
func ipmiTimeouts(ctx context.Context) schema.Attribute {
	desc := "How long opening the session may take, as a duration such as `30s` or `5m`. Default `2m`."
	attr := timeouts.AttributesWithOpts(ctx, timeouts.Opts{OpenDescription: desc})
	if nested, ok := attr.(schema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = "Timeouts: `timeouts = { open = \"5m\" }`. " + desc
		return nested
	}
	return attr
}

// Open implements ephemeral.EphemeralResource.
func (e *IPMIEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	m, c, ok := providerdata.Load[ipmiModel](ctx, req.Config, &resp.Diagnostics, e.Gigahost)
	if !ok {
		return
	}
	ctx, cancel, ok := tfutil.WithTimeout(ctx, m.Timeouts.Open, defaultIPMITimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	id, err := serverIDOf(m.ServerID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid server_id", err.Error())
		return
	}
	session, err := c.OpenIPMI(ctx, id, m.ACL.ValueString())
	if err != nil {
		tfutil.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Cannot open a KVM/IPMI session with server %d", id), err)
		return
	}
	m.fromAPI(session)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
