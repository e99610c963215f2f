terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_server_snapshot.before_upgrade
  identity = {
    server_id   = "18856"
    snapshot_id = "123"
  }
}

resource "gigahost_server_snapshot" "before_upgrade" {
  server_id = "18856"
  name      = "before-upgrade"
}
