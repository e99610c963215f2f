terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_server.web
  identity = {
    server_id = "18856"
  }
}

resource "gigahost_server" "web" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
  hostname   = "web-1.example.no"
}
