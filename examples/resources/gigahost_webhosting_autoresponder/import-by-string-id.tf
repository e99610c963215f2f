terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block with <hosting_id>/<address>.
import {
  to = gigahost_webhosting_autoresponder.info
  id = "1234/info@example.no"
}

resource "gigahost_webhosting_autoresponder" "info" {
  hosting_id = 1234
  email      = "info"
  text       = "Thanks for your message. We are back on Monday."
}
