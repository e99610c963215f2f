terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

data "gigahost_webhosting" "site" {
  domain = "example.no"
}

# Destroying this resource deletes the database and all its data: where the
# data matters, add lifecycle { prevent_destroy = true }.
resource "gigahost_webhosting_database" "shop" {
  hosting_id          = data.gigahost_webhosting.site.hosting_id
  name                = "shop"
  password_wo         = var.shop_db_password # Terraform 1.11 and later; never stored
  password_wo_version = 1                    # bump to send a new password
}

variable "shop_db_password" {
  type      = string
  sensitive = true
  default   = "change-me-db"
}

# The name to connect with: "shop", or "exampleno_shop" where the API
# prefixes database names with the account's user.
output "database" {
  value = gigahost_webhosting_database.shop.full_name
}
