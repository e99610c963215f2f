terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: <server_id>/<snap_id> (GET /servers/{id}/snapshots
# lists the snap_id).
import {
  to = gigahost_server_snapshot.before_upgrade
  id = "18856/123"
}

resource "gigahost_server_snapshot" "before_upgrade" {
  server_id = "18856"
  name      = "before-upgrade"
}
