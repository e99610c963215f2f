terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Every web-hosting account the credentials can see.
data "gigahost_webhostings" "all" {}

# Only the Norwegian domains.
data "gigahost_webhostings" "no" {
  domain_regex = "\\.no$"
}

# DKIM signing on for each of them.
resource "gigahost_webhosting_dkim" "each" {
  count      = length(data.gigahost_webhostings.no.hosting_ids)
  hosting_id = data.gigahost_webhostings.no.hosting_ids[count.index]
}

output "domains" {
  value = [for a in data.gigahost_webhostings.all.accounts : "${a.domain} (${a.package}, renews ${a.order_renewal})"]
}
