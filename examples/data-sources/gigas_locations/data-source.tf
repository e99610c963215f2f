terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# Every location of the account.
data "gigas_locations" "all" {}

# One location, by name.
data "gigas_locations" "madrid" {
  label_regex = "(?i)^spain$"
}

output "location_ids" {
  value = { for l in data.gigas_locations.all.locations : l.label => l.id }
}
