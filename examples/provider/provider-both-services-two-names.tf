# Both services in one module, way 2: two local names for the same provider.
# No `provider` arguments are needed. Terraform warns that gigaform/giga is
# required twice ("Duplicate required provider"); the warning is harmless.
terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Each local name is configured separately; each needs only its own service's
# credentials (GIGAS_API_KEY, GIGAHOST_API_KEY).
provider "gigas" {}
provider "gigahost" {}

data "gigas_locations" "spain" {
  label_regex = "(?i)^spain$"
}

data "gigas_templates" "debian" {
  label_regex = "^Debian 12"
}

resource "gigas_virtual_machine" "web" {
  label             = "web-1"
  hostname          = "web-1"
  memory            = 2048
  cpus              = 2
  primary_disk_size = 20
  location_id       = data.gigas_locations.spain.locations[0].id
  template_id       = data.gigas_templates.debian.templates[0].id
}

resource "gigahost_dns_zone" "example" {
  name = "example.com"
}

resource "gigahost_dns_record" "web" {
  zone_id = gigahost_dns_zone.example.id
  name    = "web"
  type    = "A"
  value   = "192.0.2.10"
}
