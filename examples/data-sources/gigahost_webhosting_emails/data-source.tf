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

# Every mailbox of the account (passwords are never returned).
data "gigahost_webhosting_emails" "site" {
  hosting_id = data.gigahost_webhosting.site.hosting_id
}

output "mailboxes" {
  value = data.gigahost_webhosting_emails.site.addresses
}
