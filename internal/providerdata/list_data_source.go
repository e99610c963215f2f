package providerdata

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// ListSpec describes a data source that lists one kind of API object with
// one call, keeps the objects that pass its optional filters, and puts them,
// converted, in one list attribute. C is the API client, T the API's object
// and M the model of one element of the list.
type ListSpec[C, T, M any] struct {
	TypeName    string
	Description string // the data source's MarkdownDescription

	// Client is GigasClient or GigahostClient.
	Client func(*Clients, *diag.Diagnostics) *C
	// List is the one API call, such as (*gigas.Client).Locations.
	List func(*C, context.Context) ([]T, error)
	// ListError is the summary of the diagnostic when List fails;
	// APIError adds it (nil: tfutil.AddAPIError).
	ListError string
	APIError  func(diags *diag.Diagnostics, summary string, err error)

	// Filters are optional string attributes; an object is kept when it
	// passes all of them.
	Filters []ListFilter[T]
	// Toggles are optional bool attributes that, unless true, leave out
	// some objects.
	Toggles []ListToggle[T]

	// Attribute is the computed list of the kept objects, in List's order;
	// Item is the schema of its elements and Convert their model.
	Attribute            string
	AttributeDescription string
	Item                 map[string]schema.Attribute
	Convert              func(T) M

	// Derived are further computed attributes, set from the kept elements.
	Derived map[string]Derived[M]
}

// ListFilter is an optional string attribute of a list data source that
// keeps the objects whose Field matches its value. Unset, it keeps all.
type ListFilter[T any] struct {
	Attribute   string
	Description string
	Match       Match
	Validators  []validator.String // MatchRegex adds tfutil.ValidRegex itself
	Field       func(T) string
}

// ListToggle is an optional bool attribute of a list data source: unless
// it is true, the objects Hidden reports are left out (such as cancelled
// servers, shown with include_cancelled = true).
type ListToggle[T any] struct {
	Attribute   string
	Description string
	Hidden      func(T) bool
}

// Match is how a ListFilter compares its value with an object's field.
type Match int

const (
	// MatchExact keeps fields equal to the value.
	MatchExact Match = iota
	// MatchFold keeps fields equal to the value without regard to case.
	MatchFold
	// MatchRegex keeps fields that match the value, a regular expression
	// (RE2 syntax, checked at plan time); an empty one matches all.
	MatchRegex
)

// Derived is a computed attribute of a list data source whose value (a
// slice of framework values or of models) is computed from the kept elements.
type Derived[M any] struct {
	Schema schema.Attribute
	Value  func([]M) any
}

// NewListDataSource returns the data source spec describes.
func NewListDataSource[C, T, M any](spec ListSpec[C, T, M]) datasource.DataSource {
	return &listDataSource[C, T, M]{DataSourceBase: DataSourceBase{TypeName: spec.TypeName}, spec: spec}
}

type listDataSource[C, T, M any] struct {
	DataSourceBase
	spec ListSpec[C, T, M]
}

var _ datasource.DataSourceWithConfigure = (*listDataSource[struct{}, struct{}, struct{}])(nil)

// Schema implements datasource.DataSource.
func (d *listDataSource[C, T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		d.spec.Attribute: ComputedList(d.spec.AttributeDescription, d.spec.Item),
	}
	for _, f := range d.spec.Filters {
		validators := f.Validators
		if f.Match == MatchRegex {
			validators = append([]validator.String{tfutil.ValidRegex()}, validators...)
		}
		attrs[f.Attribute] = schema.StringAttribute{Optional: true, MarkdownDescription: f.Description, Validators: validators}
	}
	for _, t := range d.spec.Toggles {
		attrs[t.Attribute] = schema.BoolAttribute{Optional: true, MarkdownDescription: t.Description}
	}
	for name, a := range d.spec.Derived {
		attrs[name] = a.Schema
	}
	resp.Schema = schema.Schema{MarkdownDescription: d.spec.Description, Attributes: attrs}
}

// Read implements datasource.DataSource: the filters from the
// configuration, then the one API call, then the kept objects into state
// (the configuration is already there).
func (d *listDataSource[C, T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var keeps []func(T) bool
	for _, f := range d.spec.Filters {
		var v types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(f.Attribute), &v)...)
		if keep := f.compile(v, &resp.Diagnostics); keep != nil {
			keeps = append(keeps, keep)
		}
	}
	for _, t := range d.spec.Toggles {
		var v types.Bool
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(t.Attribute), &v)...)
		if !v.ValueBool() {
			keeps = append(keeps, func(o T) bool { return !t.Hidden(o) })
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	c := d.spec.Client(d.Clients(), &resp.Diagnostics)
	if c == nil {
		return
	}
	objects, err := d.spec.List(c, ctx)
	if err != nil {
		apiError := d.spec.APIError
		if apiError == nil {
			apiError = tfutil.AddAPIError
		}
		apiError(&resp.Diagnostics, d.spec.ListError, err)
		return
	}
	kept := []M{}
	for _, o := range objects {
		if keepsAll(keeps, o) {
			kept = append(kept, d.spec.Convert(o))
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(d.spec.Attribute), kept)...)
	for name, a := range d.spec.Derived {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), a.Value(kept))...)
	}
}

func keepsAll[T any](keeps []func(T) bool, o T) bool {
	for _, keep := range keeps {
		if !keep(o) {
			return false
		}
	}
	return true
}

// compile returns the test of the filter's value v, or nil when v is unset
// (or, after an error diagnostic, when it does not compile).
func (f ListFilter[T]) compile(v types.String, diags *diag.Diagnostics) func(T) bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	want := v.ValueString()
	switch f.Match {
	case MatchFold:
		return func(o T) bool { return strings.EqualFold(f.Field(o), want) }
	case MatchRegex:
		re, ok := tfutil.ConfigRegex(v, path.Root(f.Attribute), diags)
		if !ok || re == nil {
			return nil
		}
		return func(o T) bool { return re.MatchString(f.Field(o)) }
	default:
		return func(o T) bool { return f.Field(o) == want }
	}
}
