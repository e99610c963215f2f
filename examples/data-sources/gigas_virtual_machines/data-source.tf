terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Every VM of the account, and the offline ones in one location. Filters
# (label, hostname, status, location_id) match exactly; one request in all.
data "gigas_virtual_machines" "all" {}

data "gigas_locations" "spain" {
  label_regex = "(?i)^spain$"
}

data "gigas_virtual_machines" "stopped_in_spain" {
  status      = "offline"
  location_id = data.gigas_locations.spain.locations[0].id
}

output "stopped_vm_labels" {
  value = data.gigas_virtual_machines.stopped_in_spain.virtual_machines[*].label
}
