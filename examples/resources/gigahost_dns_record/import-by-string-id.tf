terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import records with import blocks. The four-part
# form <zone_id>/<name>/<type>/<value> does not depend on the record id,
# which changes with every change of the record.
import {
  to = gigahost_dns_record.mx_primary
  id = "123/@/MX/mx1.example.no"
}

resource "gigahost_dns_record" "mx_primary" {
  zone_id  = "123"
  name     = "@"
  type     = "MX"
  value    = "mx1.example.no"
  priority = 10
}

# Terraform 1.7 and later: the round-robin members of a for_each, with one
# import block that has a for_each of its own.
import {
  for_each = toset(["192.0.2.21", "192.0.2.22"])
  to       = gigahost_dns_record.pool[each.value]
  id       = "123/pool/A/${each.value}"
}

resource "gigahost_dns_record" "pool" {
  for_each = toset(["192.0.2.21", "192.0.2.22"])

  zone_id = "123"
  name    = "pool"
  type    = "A"
  value   = each.value
}

# A TXT value as the record list shows it, in quotes: escape them in the id.
# The configured value may leave them out; the plan shows no change.
import {
  to = gigahost_dns_record.spf
  id = "123/@/TXT/\"v=spf1 mx -all\""
}

resource "gigahost_dns_record" "spf" {
  zone_id = "123"
  name    = "@"
  type    = "TXT"
  value   = "v=spf1 mx -all"
}
