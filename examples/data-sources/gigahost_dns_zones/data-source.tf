terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Every zone the credentials see.
data "gigahost_dns_zones" "all" {}

# The .no zones.
data "gigahost_dns_zones" "no" {
  name_regex = "\\.no$"
}

output "no_zone_names" {
  value = [for z in data.gigahost_dns_zones.no.zones : z.name]
}
