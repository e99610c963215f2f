terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Boot a machine from an installer or rescue ISO: mount it, and set the
# machine's boot_type to "cdrom" (mounting alone does not change the boot
# device). Set boot_type back to "default" and remove the mount to boot from
# the disk again.
data "gigas_locations" "spain" {
  label_regex = "(?i)^spain$"
}

data "gigas_templates" "debian" {
  label_regex = "^Debian 12"
}

resource "gigas_virtual_machine" "rescue" {
  label             = "rescue-1"
  hostname          = "rescue-1"
  memory            = 2048
  cpus              = 1
  primary_disk_size = 20
  location_id       = data.gigas_locations.spain.locations[0].id
  template_id       = data.gigas_templates.debian.templates[0].id
  boot_type         = "cdrom"
}

# A public ISO by URL (http, https, ftp or ftps) ...
resource "gigas_virtual_machine_iso" "installer" {
  virtual_machine_id = gigas_virtual_machine.rescue.id
  iso_url            = "https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/debian-netinst.iso"
}

# ... or one uploaded to the account, by its id:
# resource "gigas_virtual_machine_iso" "uploaded" {
#   virtual_machine_id = gigas_virtual_machine.rescue.id
#   iso_id             = "100"
# }
