package gigahost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Catalog is the deployable server catalog of GET /deploy/servers: products
// grouped into tiers, and the regions they deploy in.
type Catalog struct {
	Tiers    []Tier        `json:"tiers"`
	Regions  []Region      `json:"regions"`
	Currency client.String `json:"currency"`
}

// Tier is a group of products.
type Tier struct {
	GroupID   client.Int    `json:"group_id"`
	GroupName client.String `json:"group_name"`
	Products  []Product     `json:"products"`
}

// Product is one deployable server product. The availability flags are
// pointers because older answers (and the live fixture) omit them; see the
// methods for what an absent flag means.
type Product struct {
	ProductID        client.Int    `json:"product_id"`
	ProductHash      client.String `json:"product_hash"`
	ProductName      client.String `json:"product_name"`
	Type             client.String `json:"type"`
	AuctionID        client.Int    `json:"auction_id"`
	InStockFlag      *client.Bool  `json:"in_stock"`
	BuiltToOrder     client.Bool   `json:"built_to_order"`
	WaitlistEligible client.Bool   `json:"waitlist_eligible"`
	AllowHourlyFlag  *client.Bool  `json:"allow_hourly"`
	AllowRecurFlag   *client.Bool  `json:"allow_recurring"`
	VMCores          client.Int    `json:"vm_cores"`
	VMMemory         client.Int    `json:"vm_memory"` // GB
	VMStorage        client.Int    `json:"vm_storage"`
	PriceID          client.Int    `json:"price_id"`
	RateHourly       client.Float  `json:"rate_hourly"`
	RateMonthly      client.Float  `json:"rate_monthly"`
	RegionIDs        []client.Int  `json:"region_ids"`
	Specs            ProductSpecs  `json:"specs"`
}

// ProductSpecs is the hardware summary of a product.
type ProductSpecs struct {
	CPUCores client.Int    `json:"cpu_cores"`
	CPUModel client.String `json:"cpu_model"`
	RAMGB    client.Int    `json:"ram_gb"`
}

// UnmarshalJSON accepts the specs object, or anything else (null, []) as empty.
func (s *ProductSpecs) UnmarshalJSON(b []byte) error {
	type plain ProductSpecs
	var p plain
	if json.Unmarshal(b, &p) == nil {
		*s = ProductSpecs(p)
	}
	return nil
}

// InStock reports the stock flag; a product without one is taken as orderable.
func (p Product) InStock() bool { return p.InStockFlag == nil || bool(*p.InStockFlag) }

// AllowHourly reports whether the product may be billed hourly (assumed when absent).
func (p Product) AllowHourly() bool { return p.AllowHourlyFlag == nil || bool(*p.AllowHourlyFlag) }

// AllowRecurring reports whether the product may be billed on a term (assumed when absent).
func (p Product) AllowRecurring() bool { return p.AllowRecurFlag == nil || bool(*p.AllowRecurFlag) }

// Cores is the number of CPU cores, from vm_cores or, for dedicated servers, the specs.
func (p Product) Cores() int64 {
	if p.VMCores > 0 {
		return int64(p.VMCores)
	}
	return int64(p.Specs.CPUCores)
}

// MemoryGB is the memory in GB, from vm_memory or the specs.
func (p Product) MemoryGB() int64 {
	if p.VMMemory > 0 {
		return int64(p.VMMemory)
	}
	return int64(p.Specs.RAMGB)
}

// InRegion reports whether the product deploys in the region.
func (p Product) InRegion(regionID int64) bool {
	for _, r := range p.RegionIDs {
		if int64(r) == regionID {
			return true
		}
	}
	return false
}

// AllowsBillingPeriod reports whether the product may be ordered with the
// given billing_period ("hourly", "monthly", "quarterly", "annual").
func (p Product) AllowsBillingPeriod(period string) bool {
	if strings.EqualFold(period, "hourly") || period == "" {
		return p.AllowHourly()
	}
	return p.AllowRecurring()
}

// Region is a region servers deploy in.
type Region struct {
	RegionID        client.Int    `json:"region_id"`
	RegionName      client.String `json:"region_name"`
	RegionNameShort client.String `json:"region_name_short"`
	RegionCountry   client.String `json:"region_country"`
	RegionActive    client.Bool   `json:"region_active"`
}

// Catalog returns the deployable server catalog (GET /deploy/servers).
func (c *Client) Catalog(ctx context.Context) (*Catalog, error) {
	var raw json.RawMessage
	if err := c.do(ctx, http.MethodGet, "/deploy/servers", nil, nil, &raw); err != nil {
		return nil, err
	}
	return decodeCatalog(raw)
}

// decodeCatalog reads the catalog: an object with tiers and regions (docs,
// sample). Any other shape is an error, never an empty catalog.
func decodeCatalog(raw json.RawMessage) (*Catalog, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return nil, fmt.Errorf("GET /deploy/servers: unexpected data (want an object with tiers and regions): %w", err)
	}
	if _, ok := keys["tiers"]; !ok {
		return nil, errors.New("GET /deploy/servers: unexpected data: no tiers")
	}
	var out Catalog
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("GET /deploy/servers: %w", err)
	}
	return &out, nil
}

// Product finds a product of the catalog by id.
func (cat *Catalog) Product(productID int64) (Product, bool) {
	for _, t := range cat.Tiers {
		for _, p := range t.Products {
			if int64(p.ProductID) == productID {
				return p, true
			}
		}
	}
	return Product{}, false
}
