terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_webhosting_dkim.site
  identity = {
    hosting_id = "1234"
  }
}

resource "gigahost_webhosting_dkim" "site" {
  hosting_id = 1234
}
