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

# A mailbox with its password kept (sensitive) in the state.
resource "gigahost_webhosting_email" "info" {
  hosting_id = data.gigahost_webhosting.site.hosting_id
  email      = "info" # info@example.no
  password   = var.info_password
  quota      = 1024 # MB; 0 means unlimited
}

# Terraform 1.11 and later: a write-only password, never stored in the plan or
# the state. Bump password_wo_version to send a new password.
resource "gigahost_webhosting_email" "sales" {
  hosting_id          = data.gigahost_webhosting.site.hosting_id
  email               = "sales"
  password_wo         = var.sales_password
  password_wo_version = 1
}

# No defaults: give the passwords with TF_VAR_info_password and
# TF_VAR_sales_password, or from a secret store, never in the code.
variable "info_password" {
  type      = string
  sensitive = true
}

variable "sales_password" {
  type      = string
  sensitive = true
}

output "addresses" {
  value = [gigahost_webhosting_email.info.address, gigahost_webhosting_email.sales.address]
}
