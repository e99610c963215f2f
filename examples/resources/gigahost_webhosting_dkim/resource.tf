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

# DKIM signing on for the account's mail. When example.no uses Gigahost DNS,
# the API writes the DKIM TXT record into that zone itself (and removes it
# when signing is turned off): do not manage that record with
# gigahost_dns_record.
resource "gigahost_webhosting_dkim" "site" {
  hosting_id = data.gigahost_webhosting.site.hosting_id
}

# With other name servers, publish the record there (null when the API does
# not show it).
output "dkim_record" {
  value = {
    name  = gigahost_webhosting_dkim.site.dns_record_name
    value = gigahost_webhosting_dkim.site.dns_record_value
  }
}
