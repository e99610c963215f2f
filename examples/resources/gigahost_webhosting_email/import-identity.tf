terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.12 and later: import by the resource's identity.
# The API never shows a password: the plan after the import sets the configured one.
import {
  to = gigahost_webhosting_email.info
  identity = {
    hosting_id = "1234"
    address    = "info@example.no"
  }
}

resource "gigahost_webhosting_email" "info" {
  hosting_id  = 1234
  email       = "info"
  password_wo = var.info_password
}

variable "info_password" {
  type      = string
  sensitive = true
}
