terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import the DS records of a zone with an import block, by zone id.
import {
  to = gigahost_dns_external_ds.external
  id = "123"
}

resource "gigahost_dns_external_ds" "external" {
  zone_id = "123"

  ds_records = [
    {
      key_tag     = 12345
      algorithm   = 13
      digest_type = 2
      digest      = "1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF1234567890ABCDEF"
    },
  ]
}
