terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# The reverse zone of an IPv4 /24: 63.181.185.in-addr.arpa.
resource "gigahost_dns_ptr_zone" "v4" {
  prefix = "185.181.63.0/24"
}

# 185.181.63.10 resolves back to mail.example.no.
resource "gigahost_dns_record" "mail_ptr" {
  zone_id = gigahost_dns_ptr_zone.v4.id
  name    = "10"
  type    = "PTR"
  value   = "mail.example.no."
}

# The reverse zone of an IPv6 /48: 0.0.0.0.0.e.4.9.3.0.a.2.ip6.arpa.
resource "gigahost_dns_ptr_zone" "v6" {
  prefix = "2a03:94e0::/48"
}
