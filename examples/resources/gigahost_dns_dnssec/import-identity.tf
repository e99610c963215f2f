terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_dns_dnssec.example
  identity = {
    zone_id = "123"
  }
}

resource "gigahost_dns_dnssec" "example" {
  zone_id = "123"
}
