terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

resource "gigas_virtual_machine" "app" {
  label             = "app-1"
  hostname          = "app-1"
  memory            = 2048
  cpus              = 2
  cpu_type          = "amd"
  primary_disk_size = 20
  location_id       = "226661012"  # Spain
  template_id       = "2266610140" # Debian 12 x64
}

# Apply network changes to a VM.
# Run on demand: terraform apply -invoke=action.gigas_virtual_machine_rebuild_network.app
action "gigas_virtual_machine_rebuild_network" "app" {
  config {
    virtual_machine_id = gigas_virtual_machine.app.id
  }
}
