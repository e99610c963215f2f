terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Look a zone up by name (or by id), for example a registered domain whose
# zone Terraform does not manage, and add records to it.
data "gigahost_dns_zone" "main" {
  name = "example.no"
}

resource "gigahost_dns_record" "www" {
  zone_id = data.gigahost_dns_zone.main.id
  name    = "www"
  type    = "A"
  value   = "192.0.2.10"
}

output "zone" {
  value = {
    id        = data.gigahost_dns_zone.main.id
    type      = data.gigahost_dns_zone.main.type
    protected = data.gigahost_dns_zone.main.protected
  }
}
