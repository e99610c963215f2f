terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# The Debian images uploaded to the account (upload them in the control panel).
data "gigahost_isos" "debian" {
  name_regex = "^debian-"
}

output "debian_isos" {
  value = { for iso in data.gigahost_isos.debian.isos : iso.name => iso.iso_id }
}

# Boot a new server from the first one:
#   iso_id = data.gigahost_isos.debian.ids[0]
