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

data "gigas_locations" "spain" {
  label_regex = "(?i)^spain$"
}

data "gigas_templates" "debian" {
  operating_system_distro = "debian"
  label_regex             = "^Debian 12"
}

locals {
  template = data.gigas_templates.debian.templates[0]
}

resource "gigas_virtual_machine" "web" {
  label             = "web-1"
  hostname          = "web-1"
  memory            = max(2048, local.template.min_memory_size) # MB
  cpus              = 2
  cpu_type          = "amd"
  primary_disk_size = max(20, local.template.min_disk_size) # GB, can grow in place
  swap_disk_size    = 1
  location_id       = data.gigas_locations.spain.locations[0].id
  template_id       = local.template.id
  note              = "Managed by Terraform"

  # Leave initial_root_password unset to let the API generate one; it is then
  # available (sensitive) as initial_password.

  # Power the machine off without destroying it:
  # power_state = "offline"

  timeouts {
    create = "20m"
    update = "20m"
    delete = "10m"
  }
}

# ip_addresses lists every address; ipv4_address and ipv6_address are the
# VM's public ones (null when it has several: pick from ip_addresses then).
# Here a name for it in a zone kept at Gigahost:
data "gigahost_dns_zone" "main" {
  name = "example.no"
}

resource "gigahost_dns_record" "web" {
  zone_id = data.gigahost_dns_zone.main.id
  name    = "web"
  type    = "A"
  value   = gigas_virtual_machine.web.ipv4_address
}

output "web_root_password" {
  value     = gigas_virtual_machine.web.initial_password
  sensitive = true
}
