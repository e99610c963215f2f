terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

resource "gigahost_dns_zone" "old" {
  name = "old-brand.no"
}

# Redirect the whole domain: "@" (the default) also redirects www. The API
# adds A records at @ and www pointing to its redirect server, so this zone
# must not have A, AAAA or CNAME records of its own at those names: do not
# manage them with gigahost_dns_record.
resource "gigahost_dns_redirect" "apex" {
  zone_id    = gigahost_dns_zone.old.id
  target_url = "https://www.new-brand.no"
}

# Redirect one name; the rest of the zone is served as usual.
resource "gigahost_dns_redirect" "blog" {
  zone_id    = gigahost_dns_zone.old.id
  source     = "blog"
  target_url = "https://blog.new-brand.no/"
}

# Records at other names live side by side with the redirects.
resource "gigahost_dns_record" "mail" {
  zone_id  = gigahost_dns_zone.old.id
  name     = "@"
  type     = "MX"
  value    = "mx1.new-brand.no"
  priority = 10
}
