// Package parity checks that a resource's schema and its model agree.
package parity

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// AssertResource fails when a resource's schema and its model
// disagree: every attribute and block needs a model field and the other
// way round.
func AssertResource(t *testing.T, r resource.Resource, model any) {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	names := map[string]bool{}
	for k := range resp.Schema.Attributes {
		names[k] = true
	}
	for k := range resp.Schema.Blocks {
		names[k] = true
	}
	assertFields(t, names, model)
}

// AssertDataSource is AssertResource for a data source.
func AssertDataSource(t *testing.T, d datasource.DataSource, model any) {
	t.Helper()
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	names := map[string]bool{}
	for k := range resp.Schema.Attributes {
		names[k] = true
	}
	for k := range resp.Schema.Blocks {
		names[k] = true
	}
	assertFields(t, names, model)
}

func assertFields(t *testing.T, schemaNames map[string]bool, model any) {
	t.Helper()
	fields := map[string]bool{}
	typ := reflect.TypeOf(model)
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	for i := range typ.NumField() {
		tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("tfsdk"), ",")
		if tag != "" && tag != "-" {
			fields[tag] = true
		}
	}
	var missing, extra []string
	for k := range schemaNames {
		if !fields[k] {
			missing = append(missing, k)
		}
	}
	for k := range fields {
		if !schemaNames[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("schema/model mismatch in %s: schema attributes without a model field %v; model fields without a schema attribute %v", typ.Name(), missing, extra)
	}
}
