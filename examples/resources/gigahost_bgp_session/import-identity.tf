terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_bgp_session.web_v4
  identity = {
    session_id = "1"
  }
}

resource "gigahost_bgp_session" "web_v4" {
  asn_id        = 1
  ip_id         = 7795
  ip_type       = "ipv4"
  default_route = true
}
