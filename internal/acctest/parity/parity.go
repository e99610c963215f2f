// Package parity checks that a resource's or data source's schema and its
// model agree, nested attributes included: the one parity check of every
// resource and data source.
package parity

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// AssertResource fails when a resource's schema and its model disagree:
// every attribute and block needs a model field and the other way round,
// and so do the attributes of nested objects whose model field is a struct
// (or a pointer, slice or map of one).
func AssertResource(t *testing.T, r resource.Resource, model any) {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	assertSchema(t, resp.Diagnostics, resp.Schema.Attributes, resp.Schema.Blocks, model)
}

// AssertDataSource is AssertResource for a data source.
func AssertDataSource(t *testing.T, d datasource.DataSource, model any) {
	t.Helper()
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	assertSchema(t, resp.Diagnostics, resp.Schema.Attributes, resp.Schema.Blocks, model)
}

// AssertAction is AssertResource for an action.
func AssertAction(t *testing.T, a action.Action, model any) {
	t.Helper()
	var resp action.SchemaResponse
	a.Schema(context.Background(), action.SchemaRequest{}, &resp)
	assertSchema(t, resp.Diagnostics, resp.Schema.Attributes, resp.Schema.Blocks, model)
}

// AssertEphemeral is AssertResource for an ephemeral resource.
func AssertEphemeral(t *testing.T, e ephemeral.EphemeralResource, model any) {
	t.Helper()
	var resp ephemeral.SchemaResponse
	e.Schema(context.Background(), ephemeral.SchemaRequest{}, &resp)
	assertSchema(t, resp.Diagnostics, resp.Schema.Attributes, resp.Schema.Blocks, model)
}

// assertSchema is the check of every Assert*: the schema's attributes and
// blocks against the model, once the schema was made without error.
func assertSchema[A interface{ GetType() attr.Type }, B any](t *testing.T, diags diag.Diagnostics, attrs map[string]A, blocks map[string]B, model any) {
	t.Helper()
	if diags.HasError() {
		t.Fatalf("schema: %v", diags)
	}
	assert(t, schemaTypes(attrs, blocks), model)
}

// AssertListItems is AssertDataSource for the elements of the nested list
// attribute of a providerdata.NewListDataSource, whose model is item (its
// other attributes are made from the same spec as its state, so they cannot
// disagree).
func AssertListItems(t *testing.T, d datasource.DataSource, attribute string, item any) {
	t.Helper()
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	a, ok := resp.Schema.Attributes[attribute]
	if !ok {
		t.Fatalf("schema: no attribute %q", attribute)
	}
	obj, ok := objectOf(a.GetType())
	if !ok {
		t.Fatalf("schema: %q is not a list of objects", attribute)
	}
	assert(t, obj, item)
}

// schemaTypes maps a schema's attributes to their types, and its blocks to
// nil: resource and data-source schemas alike.
func schemaTypes[A interface{ GetType() attr.Type }, B any](attrs map[string]A, blocks map[string]B) map[string]attr.Type {
	out := map[string]attr.Type{}
	for k, a := range attrs {
		out[k] = a.GetType()
	}
	for k := range blocks {
		out[k] = nil
	}
	return out
}

func assert(t *testing.T, attrs map[string]attr.Type, model any) {
	t.Helper()
	for _, p := range problems(typeName(model), attrs, reflect.TypeOf(model)) {
		t.Error(p)
	}
}

func typeName(model any) string {
	typ := reflect.TypeOf(model)
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	return typ.Name()
}

// problems compares attrs (name to type; nil for a block) with the tfsdk
// tags of model's fields, and recurses into nested objects.
func problems(where string, attrs map[string]attr.Type, model reflect.Type) []string {
	model = structOf(model)
	if model == nil {
		return nil
	}
	var out []string
	fields := map[string]reflect.Type{}
	for i := range model.NumField() {
		tag, _, _ := strings.Cut(model.Field(i).Tag.Get("tfsdk"), ",")
		if tag != "" && tag != "-" {
			fields[tag] = model.Field(i).Type
		}
	}
	var missing, extra []string
	for name, typ := range attrs {
		ft, ok := fields[name]
		if !ok {
			missing = append(missing, name)
			continue
		}
		if obj, ok := objectOf(typ); ok && structOf(ft) != nil {
			out = append(out, problems(where+"."+name, obj, ft)...)
		}
	}
	for name := range fields {
		if _, ok := attrs[name]; !ok {
			extra = append(extra, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		out = append(out, fmt.Sprintf("schema/model mismatch in %s: schema attributes without a model field %v; model fields without a schema attribute %v", where, missing, extra))
	}
	return out
}

// objectOf returns the attribute types of an object type, or of the
// elements of a list, set or map of objects.
func objectOf(typ attr.Type) (map[string]attr.Type, bool) {
	switch v := typ.(type) {
	case basetypes.ObjectType:
		return v.AttrTypes, true
	case basetypes.ListType:
		return objectOf(v.ElemType)
	case basetypes.SetType:
		return objectOf(v.ElemType)
	case basetypes.MapType:
		return objectOf(v.ElemType)
	}
	return nil, false
}

// structOf returns the struct a model field holds directly or through a
// pointer, slice or map; nil for framework values (types.Object, ...),
// whose contents the parity check cannot see.
func structOf(typ reflect.Type) reflect.Type {
	for {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			typ = typ.Elem()
		case reflect.Struct:
			if strings.HasPrefix(typ.PkgPath(), "github.com/hashicorp/") {
				return nil
			}
			return typ
		default:
			return nil
		}
	}
}
