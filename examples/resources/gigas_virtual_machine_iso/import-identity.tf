terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigas_virtual_machine_iso.installer
  identity = {
    virtual_machine_id = "226661014786"
    iso_join_id        = "2266610300"
  }
}

resource "gigas_virtual_machine_iso" "installer" {
  virtual_machine_id = "226661014786"
  iso_url            = "https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/debian-netinst.iso"
}
