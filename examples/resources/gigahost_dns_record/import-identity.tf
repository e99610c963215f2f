terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
# record_id may be given instead of name, type and value; without it the record is
# found by its content, so the identity still finds it after its id (a hash of
# its content) changed.
import {
  to = gigahost_dns_record.mx_primary
  identity = {
    zone_id = "123"
    name    = "@"
    type    = "MX"
    value   = "mx1.example.no"
  }
}

resource "gigahost_dns_record" "mx_primary" {
  zone_id  = "123"
  name     = "@"
  type     = "MX"
  value    = "mx1.example.no"
  priority = 10
}
