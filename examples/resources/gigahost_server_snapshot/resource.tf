terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

resource "gigahost_server" "db" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
  hostname   = "db-1.example.com"
}

# A snapshot of a virtual server, taken once and kept until destroyed.
# Create waits until it is completed. The API has no restore endpoint:
# restore from the control panel.
resource "gigahost_server_snapshot" "before_upgrade" {
  server_id = gigahost_server.db.id
  name      = "before-upgrade"

  timeouts {
    create = "30m"
  }
}
