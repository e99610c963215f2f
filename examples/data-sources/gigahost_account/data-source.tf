terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

data "gigahost_account" "this" {}

# Send alerts to the account's e-mail address, and tag resources with the
# customer id.
output "alert_email" {
  value = data.gigahost_account.this.email
}

output "customer_id" {
  value = data.gigahost_account.this.customer_id
}

output "passkeys" {
  value = [for p in data.gigahost_account.this.passkeys : p.name]
}
