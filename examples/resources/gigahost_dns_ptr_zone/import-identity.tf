terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_dns_ptr_zone.v4
  identity = {
    zone_id = "1000"
  }
}

resource "gigahost_dns_ptr_zone" "v4" {
  prefix = "185.181.63.0/24"
}
