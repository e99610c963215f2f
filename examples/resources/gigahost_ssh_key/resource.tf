terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# An SSH key of the account. With file(), the key file's trailing newline is
# ignored: public_key = file("~/.ssh/id_ed25519.pub")
resource "gigahost_ssh_key" "laptop" {
  name       = "ops laptop"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ops@laptop"
}

output "laptop_key" {
  value = {
    key_id      = gigahost_ssh_key.laptop.key_id # a number, for gigahost_server.ssh_key_ids
    fingerprint = gigahost_ssh_key.laptop.fingerprint
  }
}
