terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_dns_zone.example
  identity = {
    zone_id = "123"
  }
}

resource "gigahost_dns_zone" "example" {
  name = "example.no"
}
