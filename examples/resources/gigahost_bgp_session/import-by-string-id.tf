terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block with a session id.
import {
  to = gigahost_bgp_session.web_v4
  id = "1"
}

resource "gigahost_bgp_session" "web_v4" {
  asn_id        = 1
  ip_id         = 7795
  ip_type       = "ipv4"
  default_route = true
}
