terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import redirects with import blocks, by
# <zone_id>/<source>.
import {
  to = gigahost_dns_redirect.apex
  id = "123/@"
}

resource "gigahost_dns_redirect" "apex" {
  zone_id    = "123"
  target_url = "https://www.new-brand.no"
}
