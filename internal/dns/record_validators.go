package dns

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

var (
	numericRe    = regexp.MustCompile(`^[0-9]+$`)
	recordNameRe = regexp.MustCompile(`^(@|\*|(\*\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?)$`)
	hostRe       = regexp.MustCompile(`^(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$`)
	srvRe        = regexp.MustCompile(`^[0-9]{1,5} [0-9]{1,5} \S+$`)
	zoneNameRe   = regexp.MustCompile(`^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$`)
)

// ValidateConfig implements resource.ResourceWithValidateConfig: the rules
// that tie attributes together, checked at plan time before any request.
func (r *RecordResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m recordModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Type.IsNull() || m.Type.IsUnknown() {
		return
	}
	typ := m.Type.ValueString()
	if !m.Priority.IsUnknown() {
		switch {
		case hasPriority(typ) && m.Priority.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("priority"), "Missing priority",
				fmt.Sprintf("priority is required for %s records.", typ))
		case !hasPriority(typ) && !m.Priority.IsNull():
			resp.Diagnostics.AddAttributeError(path.Root("priority"), "Priority not allowed",
				fmt.Sprintf("priority applies only to MX and SRV records, not to %s records.", typ))
		}
	}
	if typ == "CNAME" && !m.Name.IsNull() && !m.Name.IsUnknown() && relativeName(m.Name.ValueString(), "") == "@" {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "CNAME at the zone apex",
			"A CNAME record cannot be at the zone apex (@): use an A/AAAA record or a redirect there.")
	}
	if m.Value.IsNull() || m.Value.IsUnknown() {
		return
	}
	if msg := valueProblem(typ, strings.TrimSpace(m.Value.ValueString())); msg != "" {
		resp.Diagnostics.AddAttributeError(path.Root("value"), "Invalid record value", msg)
	}
}

// valueProblem says what is wrong with a value for a record type ("" if nothing).
func valueProblem(typ, v string) string {
	switch typ {
	case "A":
		if ip := net.ParseIP(v); ip == nil || ip.To4() == nil || strings.Contains(v, ":") {
			return fmt.Sprintf("value of an A record must be an IPv4 address, got %q.", v)
		}
	case "AAAA":
		if ip := net.ParseIP(v); ip == nil || !strings.Contains(v, ":") {
			return fmt.Sprintf("value of an AAAA record must be an IPv6 address, got %q.", v)
		}
	case "CNAME", "MX", "NS", "PTR":
		if !hostRe.MatchString(v) {
			return fmt.Sprintf("value of a %s record must be a host name such as mail.example.no (the MX priority goes in priority), got %q.", typ, v)
		}
	case "SRV":
		if !srvRe.MatchString(v) {
			return fmt.Sprintf("value of an SRV record must be \"<weight> <port> <target>\" (the priority goes in priority), got %q.", v)
		}
	}
	return ""
}

// equivalentValue keeps the value in state when the configuration writes the
// same value another way (a trailing dot, TXT quoting, an IPv6 spelling), so
// that neither form shows a diff.
var equivalentValue = tfutil.StringPlanModifier("a value that means the same as the one in state causes no change",
	func(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
		if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() || req.StateValue.Equal(req.PlanValue) {
			return
		}
		var planType, stateType types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("type"), &planType)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("type"), &stateType)...)
		if planType.IsUnknown() || !planType.Equal(stateType) {
			return
		}
		if sameValue(planType.ValueString(), req.StateValue.ValueString(), req.PlanValue.ValueString()) {
			resp.PlanValue = req.StateValue
		}
	})

// equivalentName keeps the name in state when the configuration writes the
// same name another way (@, relative, or FQDN with or without the dot). The
// zone's name comes from private state, set by every read.
var equivalentName = tfutil.StringPlanModifier("a name that means the same as the one in state causes no change",
	func(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
		if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() || req.StateValue.Equal(req.PlanValue) {
			return
		}
		raw, diags := req.Private.GetKey(ctx, privateZoneName)
		resp.Diagnostics.Append(diags...)
		var zone string
		if len(raw) > 0 {
			_ = json.Unmarshal(raw, &zone)
		}
		if relativeName(req.StateValue.ValueString(), zone) == relativeName(req.PlanValue.ValueString(), zone) {
			resp.PlanValue = req.StateValue
		}
	})

// zoneNameJSON is the private-state form of a zone name.
func zoneNameJSON(zone string) []byte {
	b, _ := json.Marshal(zone)
	return b
}
