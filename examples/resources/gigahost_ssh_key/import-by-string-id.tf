terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block. The configured public_key must be
# the key the account holds; white space aside (the trailing newline of
# file()), which the first apply records in place without calling the API.
import {
  to = gigahost_ssh_key.laptop
  id = "17"
}

resource "gigahost_ssh_key" "laptop" {
  name       = "ops laptop"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ops@laptop"
}
