terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Import an existing server by its server id (srv_id) with an import block.
import {
  to = gigahost_server.web
  id = "18856"
}

resource "gigahost_server" "web" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
  hostname   = "web-1.example.no"
}
