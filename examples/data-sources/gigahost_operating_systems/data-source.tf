terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Every installable operating system.
data "gigahost_operating_systems" "all" {}

# Ubuntu 24.04: use its os_id in a gigahost_server.
data "gigahost_operating_systems" "ubuntu_2404" {
  distribution = "ubuntu"
  name_regex   = "24\\.04"
}

output "ubuntu_2404_os_id" {
  value = data.gigahost_operating_systems.ubuntu_2404.operating_systems[0].os_id
}
