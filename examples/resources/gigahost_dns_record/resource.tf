terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

resource "gigahost_dns_zone" "example" {
  name = "example.no"
}

# The apex: "@", the zone name, or the zone name with a trailing dot all work.
resource "gigahost_dns_record" "apex" {
  zone_id = gigahost_dns_zone.example.id
  name    = "@"
  type    = "A"
  value   = "192.0.2.10"
}

resource "gigahost_dns_record" "www_v6" {
  zone_id = gigahost_dns_zone.example.id
  name    = "www"
  type    = "AAAA"
  value   = "2001:db8::10"
  ttl     = 300
}

resource "gigahost_dns_record" "docs" {
  zone_id = gigahost_dns_zone.example.id
  name    = "docs.example.no."
  type    = "CNAME"
  value   = "www.example.no."
}

# Round robin: one resource per record of the same name and type. Each is
# created, changed and destroyed on its own; the others are never touched.
resource "gigahost_dns_record" "pool" {
  for_each = toset(["192.0.2.21", "192.0.2.22", "192.0.2.23"])

  zone_id = gigahost_dns_zone.example.id
  name    = "pool"
  type    = "A"
  value   = each.value
  ttl     = 60
}

# MX and SRV take their priority in `priority`, not in `value`.
resource "gigahost_dns_record" "mx_primary" {
  zone_id  = gigahost_dns_zone.example.id
  name     = "@"
  type     = "MX"
  value    = "mx1.example.no"
  priority = 10
}

resource "gigahost_dns_record" "mx_backup" {
  zone_id  = gigahost_dns_zone.example.id
  name     = "@"
  type     = "MX"
  value    = "mx2.example.no"
  priority = 20
}

resource "gigahost_dns_record" "sip" {
  zone_id  = gigahost_dns_zone.example.id
  name     = "_sip._tcp"
  type     = "SRV"
  value    = "5 5060 sip.example.no"
  priority = 10
}

# TXT data may be written with or without quotes; the API stores it quoted.
resource "gigahost_dns_record" "spf" {
  zone_id = gigahost_dns_zone.example.id
  name    = "@"
  type    = "TXT"
  value   = "v=spf1 mx -all"
}
