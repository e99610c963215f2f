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
  to = gigahost_webhosting_database.shop
  identity = {
    hosting_id = "1234"
    name       = "shop"
  }
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
