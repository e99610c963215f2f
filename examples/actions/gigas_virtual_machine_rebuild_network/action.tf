terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Apply network changes to a VM.
# Run on demand: terraform apply -invoke=action.gigas_virtual_machine_rebuild_network.app
action "gigas_virtual_machine_rebuild_network" "app" {
  config {
    virtual_machine_id = gigas_virtual_machine.app.id
  }
}
