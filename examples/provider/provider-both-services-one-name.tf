# Both services in one module, way 1: one local name. Resources of the other
# prefix name that provider with `provider =`.
terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# One configuration holds both services' credentials (here from GIGAS_API_KEY
# and GIGAHOST_API_KEY in the environment).
provider "gigas" {}

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
  provider = gigas
  name     = "example.com"
}

resource "gigahost_dns_record" "web" {
  provider = gigas
  zone_id  = gigahost_dns_zone.example.id
  name     = "web"
  type     = "A"
  value    = "192.0.2.10"
}
