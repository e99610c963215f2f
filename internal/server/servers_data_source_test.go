package server_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// The list and the lookups, with a cancelled server under each form the
// record may show it in (gone, srv_deleted, "cancelled" set).
func TestAccServersDataSources(t *testing.T) {
	t.Parallel()
	acctest.EachForm(t, mockapi.AltCancelledServer, func(t *testing.T, env *acctest.Env) {
		env.Mock.Gigahost.Servers.SetTransientAbsence(0, 0)
		// A 502 on the list is retried.
		env.Mock.FailNext("gigahost", "GET", "/servers", mockapi.Fault502, 1)
		x := env.Mock.Gigahost.ServerExtras
		web1, web2 := x.AddServer(7951, "web-1.example.no"), x.AddServer(7952, "web-2.example.no")
		metal := x.AddServer(4873, "metal-1.example.no")
		old := x.AddServer(7951, "web-0.example.no")
		env.Mock.Gigahost.Servers.Change(old, func(g *mockapi.GigahostServer) { g.Cancelled = true })
		withCancelled := 3
		if env.Mock.Alt(mockapi.AltCancelledServer) != "vanishes" {
			withCancelled = 4
		}
		ids := func(list ...int64) knownvalue.Check {
			checks := make([]knownvalue.Check, 0, len(list))
			for _, id := range list {
				checks = append(checks, knownvalue.StringExact(strconv.FormatInt(id, 10)))
			}
			return knownvalue.ListExact(checks)
		}
		env.Test(t, resource.TestCase{Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
data "gigahost_servers" "all" {}
data "gigahost_servers" "web_vps" {
  type       = "VPS"
  name_regex = "^web-"
}
data "gigahost_servers" "every" {
  include_cancelled = true
}
data "gigahost_server" "metal" {
  hostname = "METAL-1.example.no"
}
data "gigahost_server" "by_id" {
  id = "%d"
}
`, web2)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gigahost_servers.all", tfjsonpath.New("ids"), ids(web1, web2, metal)),
				statecheck.ExpectKnownValue("data.gigahost_servers.web_vps", tfjsonpath.New("ids"), ids(web1, web2)),
				statecheck.ExpectKnownValue("data.gigahost_servers.every", tfjsonpath.New("servers"), knownvalue.ListSizeExact(withCancelled)),
				statecheck.ExpectKnownValue("data.gigahost_servers.all", tfjsonpath.New("servers").AtSliceIndex(0).AtMapKey("hostname"), knownvalue.StringExact("web-1.example.no")),
				statecheck.ExpectKnownValue("data.gigahost_servers.all", tfjsonpath.New("servers").AtSliceIndex(0).AtMapKey("cancelled"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.gigahost_server.metal", tfjsonpath.New("id"), knownvalue.StringExact(strconv.FormatInt(metal, 10))),
				statecheck.ExpectKnownValue("data.gigahost_server.metal", tfjsonpath.New("type"), knownvalue.StringExact("dedicated")),
				statecheck.ExpectKnownValue("data.gigahost_server.by_id", tfjsonpath.New("product_id"), knownvalue.Int64Exact(7952)),
				statecheck.ExpectKnownValue("data.gigahost_server.by_id", tfjsonpath.New("hostname"), knownvalue.StringExact("web-2.example.no")),
				statecheck.ExpectKnownValue("data.gigahost_server.by_id", tfjsonpath.New("ipv4"), knownvalue.StringRegexp(regexp.MustCompile(`^193\.200\.238\.`))),
			},
		}}})
	})
}

// Bad input is refused at plan time without a request; none and several
// matches are errors that say so, the first after reading the list again.
func TestAccServerDataSource_errors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	env.Mock.Gigahost.Servers.SetTransientAbsence(0, 0)
	x := env.Mock.Gigahost.ServerExtras
	a, b := x.AddServer(7951, "twin.example.no"), x.AddServer(7951, "twin.example.no")
	env.Test(t, resource.TestCase{Steps: []resource.TestStep{
		{
			Config:      env.Config(`data "gigahost_server" "x" {` + "\n" + `id = "1"` + "\n" + `name = "web"` + "\n}\n" + `data "gigahost_servers" "y" { type = "cloud" }`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)(id.*name|type value must be one of)`),
		},
		{
			PreConfig: func() {
				if n := len(env.Mock.Requests()); n != 0 {
					t.Fatalf("%d requests before the plan was refused", n)
				}
			},
			Config:      env.Config(`data "gigahost_server" "x" { name = "nope" }`),
			ExpectError: regexp.MustCompile(`No Gigahost server that is not cancelled has the name "nope"`),
		},
		{
			PreConfig: func() {
				if n := env.Mock.CountRequests("gigahost", "GET", "/servers"); n < 3 {
					t.Fatalf("the absence was read %d times, want at least 3", n)
				}
			},
			Config:      env.Config(`data "gigahost_server" "x" { hostname = "twin.example.no" }`),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`2 Gigahost servers have the host name "twin.example.no" \(ids %d, %d\)`, a, b)),
		},
	}})
}
