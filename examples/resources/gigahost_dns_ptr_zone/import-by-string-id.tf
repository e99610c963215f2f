terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import a reverse zone with an import block, by zone id or name.
import {
  to = gigahost_dns_ptr_zone.v4
  id = "63.181.185.in-addr.arpa"
}

resource "gigahost_dns_ptr_zone" "v4" {
  prefix = "185.181.63.0/24"
}
