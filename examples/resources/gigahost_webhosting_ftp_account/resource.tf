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

# An FTP account limited to one folder of the website.
resource "gigahost_webhosting_ftp_account" "uploads" {
  hosting_id = data.gigahost_webhosting.site.hosting_id
  username   = "uploads"
  path       = "shop/uploads" # relative to the website root; unset for the whole site
  password   = var.uploads_password
}

variable "uploads_password" {
  type      = string
  sensitive = true
  default   = "change-me-ftp"
}

# The name to log in with: "uploads", or "uploads@example.no" where the API
# names FTP accounts so.
output "ftp_login" {
  value = gigahost_webhosting_ftp_account.uploads.login
}
