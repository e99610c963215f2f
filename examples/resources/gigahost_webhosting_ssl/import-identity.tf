terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_webhosting_ssl.site
  identity = {
    hosting_id = "1234"
  }
}

resource "gigahost_webhosting_ssl" "site" {
  hosting_id = 1234
  hostnames  = ["example.no", "www.example.no"]
}
