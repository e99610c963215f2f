package server

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/providerdata"
	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// CatalogDataSourceType is the catalog data source's type name.
const CatalogDataSourceType = "gigahost_catalog"

// NewCatalogDataSource returns the gigahost_catalog data source: the
// deployable server products and regions.
func NewCatalogDataSource() datasource.DataSource {
	return providerdata.NewDataSource(providerdata.DataSourceSpec[gigahost.Client, catalogModel]{
		TypeName: CatalogDataSourceType, Schema: catalogSchema(), Client: providerdata.GigahostClient, Read: readCatalog,
	})
}

type catalogModel struct {
	Name      types.String          `tfsdk:"name"`
	NameRegex types.String          `tfsdk:"name_regex"`
	Type      types.String          `tfsdk:"type"`
	Tier      types.String          `tfsdk:"tier"`
	Region    types.String          `tfsdk:"region"`
	RegionID  types.Int64           `tfsdk:"region_id"`
	InStock   types.Bool            `tfsdk:"in_stock"`
	Hourly    types.Bool            `tfsdk:"hourly"`
	Currency  types.String          `tfsdk:"currency"`
	Products  []catalogProductModel `tfsdk:"products"`
	Regions   []catalogRegionModel  `tfsdk:"regions"`
}

type catalogProductModel struct {
	ProductID      types.Int64   `tfsdk:"product_id"`
	ProductHash    types.String  `tfsdk:"product_hash"`
	Name           types.String  `tfsdk:"name"`
	Type           types.String  `tfsdk:"type"`
	Tier           types.String  `tfsdk:"tier"`
	InStock        types.Bool    `tfsdk:"in_stock"`
	AllowHourly    types.Bool    `tfsdk:"allow_hourly"`
	AllowRecurring types.Bool    `tfsdk:"allow_recurring"`
	PriceID        types.Int64   `tfsdk:"price_id"`
	RateHourly     types.Float64 `tfsdk:"rate_hourly"`
	RateMonthly    types.Float64 `tfsdk:"rate_monthly"`
	Cores          types.Int64   `tfsdk:"cores"`
	MemoryGB       types.Int64   `tfsdk:"memory_gb"`
	StorageGB      types.Int64   `tfsdk:"storage_gb"`
	RegionIDs      []types.Int64 `tfsdk:"region_ids"`
}

type catalogRegionModel struct {
	RegionID  types.Int64  `tfsdk:"region_id"`
	Name      types.String `tfsdk:"name"`
	ShortName types.String `tfsdk:"short_name"`
	Country   types.String `tfsdk:"country"`
	Active    types.Bool   `tfsdk:"active"`
}

// catalogSchema is the schema of the data source.
func catalogSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The Gigahost deploy catalog (`GET /deploy/servers`): server products with their `product_id` and `price_id`, and the regions " +
			"they deploy in, filtered so that a configuration can pick the ids of a `gigahost_server` by name instead of hard-coding them. " +
			"All filters are optional and combine with AND.",
		Attributes: map[string]schema.Attribute{
			"name":       schema.StringAttribute{Optional: true, MarkdownDescription: "Keep the product with exactly this name (case-insensitive), such as `KVM Performance VPS 4GB`."},
			"name_regex": schema.StringAttribute{Optional: true, MarkdownDescription: "Keep products whose name matches this regular expression (RE2 syntax).", Validators: []validator.String{tfutil.ValidRegex()}},
			"type": schema.StringAttribute{Optional: true, MarkdownDescription: "Keep products of this type: `vm`, `dedicated` or `auction`.",
				Validators: []validator.String{stringvalidator.OneOf("vm", "dedicated", "auction")}},
			"tier":      schema.StringAttribute{Optional: true, MarkdownDescription: "Keep products of this tier (group) name, case-insensitive, such as `KVM Performance`."},
			"region":    schema.StringAttribute{Optional: true, MarkdownDescription: "Keep the region with this name or short name (case-insensitive, such as `Oslo` or `OSL`), and the products that deploy there."},
			"region_id": schema.Int64Attribute{Optional: true, MarkdownDescription: "Keep the region with this id, and the products that deploy there."},
			"in_stock":  schema.BoolAttribute{Optional: true, MarkdownDescription: "When `true`, keep only products in stock; when `false`, only sold-out ones."},
			"hourly":    schema.BoolAttribute{Optional: true, MarkdownDescription: "When `true`, keep only products that can be billed hourly; when `false`, only those that cannot."},
			"currency":  providerdata.ComputedString("Currency of the rates (NOK)."),
			"products": providerdata.ComputedList("The matching products, in the catalog's order.", map[string]schema.Attribute{
				"product_id":      providerdata.ComputedInt64("Product id, the `product_id` of a `gigahost_server`."),
				"product_hash":    providerdata.ComputedString("Product hash (an alternative product reference in the API)."),
				"name":            providerdata.ComputedString("Product name."),
				"type":            providerdata.ComputedString("`vm`, `dedicated` or `auction`."),
				"tier":            providerdata.ComputedString("Tier (group) name."),
				"in_stock":        providerdata.ComputedBool("Whether the product is in stock (taken as true when the catalog does not say)."),
				"allow_hourly":    providerdata.ComputedBool("Whether the product can be billed hourly."),
				"allow_recurring": providerdata.ComputedBool("Whether the product can be billed monthly, quarterly or annually."),
				"price_id":        providerdata.ComputedInt64("Price id to deploy with, the `price_id` of a `gigahost_server` (0 for auctions)."),
				"rate_hourly":     schema.Float64Attribute{Computed: true, MarkdownDescription: "Hourly rate."},
				"rate_monthly":    schema.Float64Attribute{Computed: true, MarkdownDescription: "Monthly rate (the monthly cap of hourly billing)."},
				"cores":           providerdata.ComputedInt64("CPU cores."),
				"memory_gb":       providerdata.ComputedInt64("Memory in GB."),
				"storage_gb":      providerdata.ComputedInt64("Storage in GB (VMs; 0 for bare metal, see the product name)."),
				"region_ids":      schema.ListAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: "Regions the product deploys in."},
			}),
			"regions": providerdata.ComputedList("The matching regions.", map[string]schema.Attribute{
				"region_id":  providerdata.ComputedInt64("Region id, the `region_id` of a `gigahost_server`."),
				"name":       providerdata.ComputedString("Region name, such as `Sandefjord`."),
				"short_name": providerdata.ComputedString("Short name, such as `SFJ, NO`."),
				"country":    providerdata.ComputedString("Country."),
				"active":     providerdata.ComputedBool("Whether the region is active."),
			}),
		},
	}
}

// readCatalog reads the deploy catalog and keeps what the filters select.
func readCatalog(ctx context.Context, c *gigahost.Client, m *catalogModel, diags *diag.Diagnostics) {
	cat, err := c.Catalog(ctx)
	if err != nil {
		tfutil.AddAPIError(diags, "Cannot read the Gigahost deploy catalog", err)
		return
	}
	re, ok := tfutil.ConfigRegex(m.NameRegex, path.Root("name_regex"), diags)
	if !ok {
		return
	}
	m.fromAPI(cat, re)
}

// regionMatches reports whether a region passes the region filters.
func (m *catalogModel) regionMatches(r gigahost.Region) bool {
	if !m.RegionID.IsNull() && int64(r.RegionID) != m.RegionID.ValueInt64() {
		return false
	}
	if want := strings.TrimSpace(m.Region.ValueString()); want != "" {
		short := string(r.RegionNameShort)
		code, _, _ := strings.Cut(short, ",")
		if !strings.EqualFold(want, string(r.RegionName)) && !strings.EqualFold(want, short) && !strings.EqualFold(want, strings.TrimSpace(code)) {
			return false
		}
	}
	return true
}

// fromAPI fills the filtered products and regions; re is the compiled
// name_regex (nil: any name). A region filter keeps the products that
// deploy in at least one matching region.
func (m *catalogModel) fromAPI(cat *gigahost.Catalog, re *regexp.Regexp) {
	m.Currency = types.StringValue(string(cat.Currency))
	regionFiltered := !m.RegionID.IsNull() || m.Region.ValueString() != ""
	regionOK := map[int64]bool{}
	m.Regions = []catalogRegionModel{}
	for _, r := range cat.Regions {
		if !m.regionMatches(r) {
			continue
		}
		regionOK[int64(r.RegionID)] = true
		m.Regions = append(m.Regions, catalogRegionModel{
			RegionID: types.Int64Value(int64(r.RegionID)), Name: types.StringValue(string(r.RegionName)),
			ShortName: types.StringValue(string(r.RegionNameShort)), Country: types.StringValue(string(r.RegionCountry)),
			Active: types.BoolValue(bool(r.RegionActive)),
		})
	}
	m.Products = []catalogProductModel{}
	for _, t := range cat.Tiers {
		if m.Tier.ValueString() != "" && !strings.EqualFold(m.Tier.ValueString(), string(t.GroupName)) {
			continue
		}
		for _, p := range t.Products {
			switch {
			case m.Name.ValueString() != "" && !strings.EqualFold(m.Name.ValueString(), string(p.ProductName)):
				continue
			case re != nil && !re.MatchString(string(p.ProductName)):
				continue
			case m.Type.ValueString() != "" && !strings.EqualFold(m.Type.ValueString(), string(p.Type)):
				continue
			case !m.InStock.IsNull() && m.InStock.ValueBool() != p.InStock():
				continue
			case !m.Hourly.IsNull() && m.Hourly.ValueBool() != p.AllowHourly():
				continue
			}
			regions := make([]types.Int64, 0, len(p.RegionIDs))
			inRegion := false
			for _, id := range p.RegionIDs {
				regions = append(regions, types.Int64Value(int64(id)))
				inRegion = inRegion || regionOK[int64(id)]
			}
			if regionFiltered && !inRegion {
				continue
			}
			m.Products = append(m.Products, catalogProductModel{
				ProductID: types.Int64Value(int64(p.ProductID)), ProductHash: types.StringValue(string(p.ProductHash)),
				Name: types.StringValue(string(p.ProductName)), Type: types.StringValue(string(p.Type)), Tier: types.StringValue(string(t.GroupName)),
				InStock: types.BoolValue(p.InStock()), AllowHourly: types.BoolValue(p.AllowHourly()), AllowRecurring: types.BoolValue(p.AllowRecurring()),
				PriceID: types.Int64Value(int64(p.PriceID)), RateHourly: types.Float64Value(float64(p.RateHourly)), RateMonthly: types.Float64Value(float64(p.RateMonthly)),
				Cores: types.Int64Value(p.Cores()), MemoryGB: types.Int64Value(p.MemoryGB()), StorageGB: types.Int64Value(int64(p.VMStorage)),
				RegionIDs: regions,
			})
		}
	}
}
