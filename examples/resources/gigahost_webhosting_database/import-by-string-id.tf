terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Terraform 1.5 and later: an import block. With password_wo and no
# password_wo_version, the imported database keeps the password it has.
import {
  to = gigahost_webhosting_database.shop
  id = "1234/shop"
}

resource "gigahost_webhosting_database" "shop" {
  hosting_id  = 1234
  name        = "shop"
  password_wo = var.shop_db_password
}

variable "shop_db_password" {
  type      = string
  sensitive = true
}
