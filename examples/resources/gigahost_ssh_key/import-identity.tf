terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_ssh_key.laptop
  identity = {
    key_id = "17"
  }
}

resource "gigahost_ssh_key" "laptop" {
  name       = "ops laptop"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ops@laptop"
}
