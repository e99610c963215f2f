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

data "gigahost_dns_zone" "main" {
  name = "example.no"
}

# Every host name on the certificate must resolve to the hosting account
# before the certificate can be issued.
resource "gigahost_dns_record" "shop" {
  zone_id = data.gigahost_dns_zone.main.id
  name    = "shop"
  type    = "A"
  value   = var.hosting_ip
}

resource "gigahost_webhosting_ssl" "site" {
  hosting_id = data.gigahost_webhosting.site.hosting_id
  hostnames  = ["example.no", "www.example.no", "shop.example.no"]
  keysize    = "secp384r1" # the API's default; or secp256r1, rsa_4096

  # Request the certificate only once the records exist.
  depends_on = [gigahost_dns_record.shop]

  timeouts {
    create = "5m" # "usually issued within a minute"
  }
}

variable "hosting_ip" {
  type    = string
  default = "185.125.168.166" # the address the hosting account's domain points to
}

output "certificate" {
  value = {
    expires_at      = gigahost_webhosting_ssl.site.expires_at
    valid_hostnames = gigahost_webhosting_ssl.site.valid_hostnames
  }
}
