package webhosting

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestFTPSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewFTPResource(), ftpModel{})
}

// The folder is read relative to the website root, or below public_html
// when absolute; otherwise the stored value stays.
func TestFTPModelPath(t *testing.T) {
	for _, c := range []struct {
		name  string
		prior types.String
		acc   gigahost.FTPAccount
		want  types.String
	}{
		{"relative", types.StringValue("shop"), gigahost.FTPAccount{User: "web", Path: "shop", PathKnown: true}, types.StringValue("shop")},
		{"relative, slashes", types.StringValue("shop"), gigahost.FTPAccount{User: "web", Path: "/shop/", PathKnown: false}, types.StringValue("shop")},
		{"absolute", types.StringNull(), gigahost.FTPAccount{User: "web@example.no", Path: "/home/u/domains/example.no/public_html/shop/up", PathKnown: true}, types.StringValue("shop/up")},
		{"absolute root", types.StringValue("shop"), gigahost.FTPAccount{User: "web", Path: "/home/u/domains/example.no/public_html", PathKnown: true}, types.StringNull()},
		{"absolute elsewhere", types.StringValue("shop"), gigahost.FTPAccount{User: "web", Path: "/var/ftp/x", PathKnown: true}, types.StringValue("shop")},
		{"not shown", types.StringValue("shop"), gigahost.FTPAccount{User: "web"}, types.StringValue("shop")},
		{"drift", types.StringValue("shop"), gigahost.FTPAccount{User: "web", Path: "blog", PathKnown: true}, types.StringValue("blog")},
		{"full access", types.StringNull(), gigahost.FTPAccount{User: "web", Path: "", PathKnown: true}, types.StringNull()},
	} {
		m := ftpModel{Path: c.prior}
		m.fromAPI(1234, c.acc)
		if !m.Path.Equal(c.want) || m.Username.ValueString() != "web" || m.ID.ValueString() != "1234/web" || m.Login.ValueString() != c.acc.User {
			t.Errorf("%s: %+v, want path %v", c.name, m, c.want)
		}
	}
}
