terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# A registered .no domain whose zone is on Gigahost's name servers: Gigahost
# signs the zone and submits its DS records to Norid.
data "gigahost_dns_zone" "registered" {
  name = "example.no"
}

resource "gigahost_dns_dnssec" "example" {
  zone_id = data.gigahost_dns_zone.registered.id
}

# The DS records Gigahost submitted, for checking or for another registrar.
output "ds_records" {
  value = [for ds in gigahost_dns_dnssec.example.ds_records : "${ds.key_tag} ${ds.algorithm} ${ds.digest_type} ${ds.digest}"]
}
