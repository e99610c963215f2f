terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

data "gigahost_dns_zone" "example" {
  name = "example.no"
}

# The zone's MX records.
data "gigahost_dns_records" "mx" {
  zone_id = data.gigahost_dns_zone.example.id
  type    = "MX"
}

# The records of www, in any spelling of the name.
data "gigahost_dns_records" "www" {
  zone_id = data.gigahost_dns_zone.example.id
  name    = "www"
}

output "mail_hosts" {
  value = [for r in data.gigahost_dns_records.mx.records : "${r.priority} ${r.value}"]
}
