terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block. With password_wo and no
# password_wo_version, the imported mailbox keeps the password it has.
import {
  to = gigahost_webhosting_email.info
  id = "1234/info@example.no"
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
