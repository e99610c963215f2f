package provider

import (
	"context"
	"maps"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestReadmeListsEveryType: the README's section "Resources and data
// sources" (which extends DESIGN.md's contract) names every type the
// provider registers, and no type it does not.
func TestReadmeListsEveryType(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := regexp.MustCompile(`(?s)\n### Resources and data sources\n(.*?)\n### `).FindSubmatch(readme)
	if section == nil {
		t.Fatal(`README.md has no section "### Resources and data sources"`)
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("`((?:gigas|gigahost)_[a-z0-9_]+)`").FindAllStringSubmatch(string(section[1]), -1) {
		listed[m[1]] = true
	}
	p := &GigaProvider{}
	ctx := context.Background()
	registered := map[string]bool{}
	for _, f := range p.Resources(ctx) {
		var resp resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "giga"}, &resp)
		registered[resp.TypeName] = true
	}
	for _, f := range p.DataSources(ctx) {
		var resp datasource.MetadataResponse
		f().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "giga"}, &resp)
		registered[resp.TypeName] = true
	}
	if len(registered) < 30 {
		t.Fatalf("only %d types registered; the test reads them wrongly", len(registered))
	}
	for name := range registered {
		if !listed[name] {
			t.Errorf("README.md does not list %s", name)
		}
	}
	for name := range listed {
		if !registered[name] {
			t.Errorf("README.md lists %s, which the provider does not register", name)
		}
	}
}

// The guide to terraform query lists every list resource the provider
// registers (tfplugindocs renders no page for them from the schema of the
// Terraform on PATH, 1.11).
func TestQueryGuideListsEveryListResource(t *testing.T) {
	guide, err := os.ReadFile("../../examples/guides/adopt-with-terraform-query/README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := regexp.MustCompile(`(?s)\n## What .terraform query. can list\n(.*)`).FindSubmatch(guide)
	if section == nil {
		t.Fatal("the guide has no section listing the list resources")
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `((?:gigas|gigahost)_[a-z0-9_]+)` \\|").FindAllStringSubmatch(string(section[1]), -1) {
		listed[m[1]] = true
	}
	p := &GigaProvider{}
	ctx := context.Background()
	registered := map[string]bool{}
	for _, f := range p.ListResources(ctx) {
		var resp resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "giga"}, &resp)
		registered[resp.TypeName] = true
	}
	if len(registered) == 0 || !maps.Equal(listed, registered) {
		t.Errorf("the guide lists %v; the provider registers %v", slices.Sorted(maps.Keys(listed)), slices.Sorted(maps.Keys(registered)))
	}
}
