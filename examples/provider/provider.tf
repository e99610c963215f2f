# Declare the provider under the local name of the service you use, so that
# its resources need no `provider` argument: `gigas` for gigas_* resources,
# `gigahost` for gigahost_* resources.
terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Every argument is optional and falls back to an environment variable; here
# GIGAHOST_API_KEY is read from the environment.
provider "gigahost" {}

resource "gigahost_dns_zone" "example" {
  name = "example.com"
}
