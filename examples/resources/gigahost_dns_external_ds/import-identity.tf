terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_dns_external_ds.external
  identity = {
    zone_id = "123"
  }
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
