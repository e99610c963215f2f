package dns

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestRedirectSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewRedirectResource(), redirectModel{})
}

func TestRedirectModelRoundTrip(t *testing.T) {
	m := redirectModel{ZoneID: types.StringValue("7"), Source: types.StringValue("Blog.Example.no."), TargetURL: types.StringValue("https://x.example")}
	in := m.toAPI("example.no")
	if in.Source != "blog" || in.TargetURL != "https://x.example" {
		t.Fatalf("toAPI = %+v", in)
	}
	m.fromAPI("7", gigahost.Redirect{Domain: "blog.example.no", Source: "blog", TargetURL: "https://y.example", Enabled: client.Bool(true)}, "example.no")
	if m.ID.ValueString() != "7/blog" || m.Source.ValueString() != "Blog.Example.no." || m.TargetURL.ValueString() != "https://y.example" ||
		m.Domain.ValueString() != "blog.example.no" || !m.Enabled.ValueBool() {
		t.Fatalf("fromAPI kept the spelling wrong or missed a field: %+v", m)
	}
	// After import the source may be another name's spelling: the API's wins.
	m.fromAPI("7", gigahost.Redirect{Source: "@"}, "example.no")
	if m.Source.ValueString() != "@" || m.ID.ValueString() != "7/@" {
		t.Fatalf("fromAPI of another source: %+v", m)
	}
}

func TestTargetURLProblem(t *testing.T) {
	for v, ok := range map[string]bool{
		"https://example.com": true, "http://example.com/a?b=c#d": true, "https://www.target-site.no": true,
		"ftp://example.com": false, "example.com": false, "https://": false, "": false, "http//x": false, "https://ex ample.com": false,
	} {
		if got := targetURLProblem(v) == ""; got != ok {
			t.Errorf("targetURLProblem(%q) = %q, want ok=%v", v, targetURLProblem(v), ok)
		}
	}
}
