terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_server_rdns.web_v4
  identity = {
    server_id = "18856"
    address   = "193.200.238.23"
  }
}

resource "gigahost_server_rdns" "web_v4" {
  server_id  = "18856"
  ip_address = "193.200.238.23"
  ptr        = "web-1.example.com"
}
