terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: <server_id>/<ip_address> for an IPv4 address,
# <server_id>/<ipv6_subnet> for an IPv6 subnet's delegation. The name the
# entry had before Terraform is unknown after an import (ptr_before is null).
import {
  to = gigahost_server_rdns.web_v4
  id = "18856/193.200.238.23"
}

import {
  to = gigahost_server_rdns.web_v6
  id = "18856/2a03:94e0:59a8::/48"
}

resource "gigahost_server_rdns" "web_v4" {
  server_id  = "18856"
  ip_address = "193.200.238.23"
  ptr        = "web-1.example.com"
}

resource "gigahost_server_rdns" "web_v6" {
  server_id   = "18856"
  ipv6_subnet = "2a03:94e0:59a8::/48"
  ptr         = "ns1.example.com"
}
