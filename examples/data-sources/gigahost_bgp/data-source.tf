terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

data "gigahost_bgp" "this" {}

output "active_asns" {
  value = [for a in data.gigahost_bgp.this.asns : a.asn if a.status == "active"]
}

output "announced_prefixes" {
  value = [for p in data.gigahost_bgp.this.prefix_lists : p.prefix]
}

output "sessions_by_router" {
  value = { for s in data.gigahost_bgp.this.sessions : s.id => "${s.ip_address} -> router ${s.router_id} (${s.status})" }
}
