terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: import with a block, by <vm_id>/<iso_join_id>.
import {
  to = gigas_virtual_machine_iso.installer
  id = "226661014786/2266610300"
}

resource "gigas_virtual_machine_iso" "installer" {
  virtual_machine_id = "226661014786"
  iso_url            = "https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/debian-netinst.iso"
}
