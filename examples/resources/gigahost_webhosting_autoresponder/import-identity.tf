terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_webhosting_autoresponder.info
  identity = {
    hosting_id = "1234"
    address    = "info@example.no"
  }
}

resource "gigahost_webhosting_autoresponder" "info" {
  hosting_id = 1234
  email      = "info"
  text       = "Thanks for your message. We are back on Monday."
}
