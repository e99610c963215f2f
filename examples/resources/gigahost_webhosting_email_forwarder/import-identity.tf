terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_webhosting_email_forwarder.post
  identity = {
    hosting_id = "1234"
    address    = "post@example.no"
  }
}

resource "gigahost_webhosting_email_forwarder" "post" {
  hosting_id   = 1234
  email        = "post"
  destinations = ["ola@example.com", "kari@example.com"]
}
