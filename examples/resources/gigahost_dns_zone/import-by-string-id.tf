terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import a zone with an import block, by id or by name.
import {
  to = gigahost_dns_zone.example
  id = "example.no"
}

resource "gigahost_dns_zone" "example" {
  name = "example.no"
}
