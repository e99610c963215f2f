terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# A registered .no domain whose zone is served by other name servers: the
# zone is signed there, and Gigahost submits its DS records to Norid.
data "gigahost_dns_zone" "external" {
  name = "example.no"
}

resource "gigahost_dns_dnssec" "external" {
  zone_id = data.gigahost_dns_zone.external.id
}

resource "gigahost_dns_external_ds" "external" {
  zone_id = gigahost_dns_dnssec.external.zone_id
  ds_records = [
    {
      key_tag     = 12345
      algorithm   = 13
      digest_type = 2
      digest      = "1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF"
    },
  ]
}
