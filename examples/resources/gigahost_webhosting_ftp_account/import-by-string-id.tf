terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block.
import {
  to = gigahost_webhosting_ftp_account.uploads
  id = "1234/uploads"
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
