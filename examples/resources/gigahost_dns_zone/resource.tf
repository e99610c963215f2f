terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

provider "gigahost" {
  # Reads GIGAHOST_API_KEY (or GIGAHOST_USERNAME and GIGAHOST_PASSWORD) from the environment.
}

resource "gigahost_dns_zone" "example" {
  name = "example.no"
}

# A zone of another type.
resource "gigahost_dns_zone" "secondary" {
  name = "example.com"
  type = "MASTER"
}
