terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# The default configuration logs in with a session, taken from
# GIGAHOST_USERNAME and GIGAHOST_PASSWORD (leave GIGAHOST_API_KEY unset):
# only a session may create API keys.
provider "gigahost" {}

resource "gigahost_dns_zone" "shop" {
  name = "shop.example.no"
}

# A key that can read and change this one zone and nothing else.
resource "gigahost_api_key" "shop_dns" {
  label = "shop.example.no DNS"

  permissions = {
    dns = { mode = "rw", all = false, ids = [tonumber(gigahost_dns_zone.shop.id)] }
  }

  # Change the value to rotate the secret; the old secret stops working at once.
  rotation_triggers = {
    rotated = "2026-11"
  }
}

# A second configuration of the same provider that authenticates with the key.
provider "gigahost" {
  alias            = "shop_dns"
  gigahost_api_key = gigahost_api_key.shop_dns.secret
}

# Records managed through the scoped key.
resource "gigahost_dns_record" "www" {
  provider = gigahost.shop_dns

  zone_id = gigahost_dns_zone.shop.id
  name    = "www"
  type    = "A"
  value   = "192.0.2.10"
}

resource "gigahost_dns_record" "apex" {
  provider = gigahost.shop_dns

  zone_id = gigahost_dns_zone.shop.id
  name    = "@"
  type    = "A"
  value   = "192.0.2.10"
}

# The key for other tools (a CI job, a certbot DNS plugin, ...):
# terraform output -raw shop_dns_key
output "shop_dns_key" {
  value     = gigahost_api_key.shop_dns.secret
  sensitive = true
}
