terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_dns_redirect.apex
  identity = {
    zone_id = "123"
    source  = "@"
  }
}

resource "gigahost_dns_redirect" "apex" {
  zone_id    = "123"
  target_url = "https://www.new-brand.no"
}
