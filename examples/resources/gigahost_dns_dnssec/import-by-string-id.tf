terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import DNSSEC of a zone with an import block, by zone id or zone name.
import {
  to = gigahost_dns_dnssec.example
  id = "example.no"
}

resource "gigahost_dns_dnssec" "example" {
  zone_id = "123"
}
