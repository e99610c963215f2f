terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigas_virtual_machine.web
  identity = {
    vm_id = "226661014786"
  }
}

resource "gigas_virtual_machine" "web" {
  label             = "web-1"
  hostname          = "web-1"
  memory            = 2048 # MB
  cpus              = 2
  cpu_type          = "amd"
  primary_disk_size = 20 # GB
  swap_disk_size    = 1
  location_id       = "226661012"  # Spain
  template_id       = "2266610140" # Debian 12 x64
  note              = "Managed by Terraform"
}
