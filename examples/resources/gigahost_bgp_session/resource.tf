terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# The ASN is approved outside Terraform (control panel, or POST /bgp/asn);
# its database id comes from the gigahost_bgp data source.
data "gigahost_bgp" "this" {}

locals {
  asn_id = one([for a in data.gigahost_bgp.this.asns : a.id if a.asn == "212345"])
}

# BGP from a server's IPv6 address (ip_id from GET /servers/{id}) to every
# available router. Peering over IPv4 too takes a second resource.
resource "gigahost_bgp_session" "web_v6" {
  asn_id        = local.asn_id
  ip_id         = 7796
  ip_type       = "ipv6"
  redundant     = true
  default_route = false

  timeouts {
    delete = "30m"
  }
}

output "neighbors" {
  value = [for s in gigahost_bgp_session.web_v6.sessions : "${s.neighbor_ipv6} (AS${s.router_asn})"]
}
