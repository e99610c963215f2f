terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
# The secret cannot be read back: it stays null in the state until the next rotation.
import {
  to = gigahost_api_key.ci
  identity = {
    key_id = "2"
  }
}

resource "gigahost_api_key" "ci" {
  label = "CI deployment"

  permissions = {
    dns     = { mode = "rw", all = false, ids = [123] }
    servers = { mode = "r", all = true }
    account = { mode = "r" }
  }

  expires_at = 1924992000 # 2031-01-01T00:00:00Z
}
