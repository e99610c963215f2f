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

# Reboot the VM after its CPU type changed (the change needs a reboot).
action "gigas_virtual_machine_reboot" "app" {
  config {
    virtual_machine_id = gigas_virtual_machine.app.id
    timeouts           = { invoke = "30m" }
  }
}

resource "terraform_data" "app_cpu_type" {
  input = gigas_virtual_machine.app.cpu_type

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.gigas_virtual_machine_reboot.app]
    }
  }
}

# Or on demand: terraform apply -invoke=action.gigas_virtual_machine_reboot.app
