terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block.
import {
  to = gigahost_webhosting_email_forwarder.post
  id = "1234/post@example.no"
}

resource "gigahost_webhosting_email_forwarder" "post" {
  hosting_id   = 1234
  email        = "post"
  destinations = ["ola@example.com", "kari@example.com"]
}
