# Both services under one local name: an import block for a resource of the
# other prefix names that provider too, as its resource does. OpenTofu does
# not take it from the resource (it would look for a provider "gigahost");
# Terraform does, and accepts it either way.
terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

provider "gigas" {}

import {
  to       = gigahost_dns_zone.example
  provider = gigas
  id       = "example.no"
}

resource "gigahost_dns_zone" "example" {
  provider = gigas
  name     = "example.no"
}
