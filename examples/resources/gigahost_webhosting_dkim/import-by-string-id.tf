terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block with the hosting account id.
import {
  to = gigahost_webhosting_dkim.site
  id = "1234"
}

resource "gigahost_webhosting_dkim" "site" {
  hosting_id = 1234
}
