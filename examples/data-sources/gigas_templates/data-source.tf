terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

# All Linux templates.
data "gigas_templates" "linux" {
  operating_system = "linux"
}

# Ubuntu 24.04 images only.
data "gigas_templates" "ubuntu" {
  operating_system_distro = "ubuntu"
  label_regex             = "^Ubuntu 24\\.04"
}

output "ubuntu_template_id" {
  value = data.gigas_templates.ubuntu.templates[0].id
}
