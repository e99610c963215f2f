terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# One VM, by its label (exactly one VM must have it) or by its id: usually
# one made elsewhere; here one this example makes, so that it runs as it is.
resource "gigas_virtual_machine" "legacy" {
  label             = "legacy-app"
  hostname          = "legacy-app"
  memory            = 1024
  cpus              = 1
  primary_disk_size = 20
  location_id       = "226661012"
  template_id       = "2266610140"
}

data "gigas_virtual_machine" "legacy" {
  label = gigas_virtual_machine.legacy.label # or: id = "226661014786"
}

output "legacy_ipv4" {
  value = data.gigas_virtual_machine.legacy.ipv4_address
}
