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
  to = gigahost_webhosting_ftp_account.uploads
  identity = {
    hosting_id = "1234"
    username   = "uploads"
  }
}

resource "gigahost_webhosting_ftp_account" "uploads" {
  hosting_id  = 1234
  username    = "uploads"
  path        = "shop/uploads"
  password_wo = var.uploads_password
}

variable "uploads_password" {
  type      = string
  sensitive = true
}
