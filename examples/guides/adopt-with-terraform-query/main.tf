terraform {
  required_version = ">= 1.14.0"
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Credentials from the environment: GIGAHOST_API_KEY.
provider "gigahost" {}
