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

# Mail to post@example.no goes to two people.
resource "gigahost_webhosting_email_forwarder" "post" {
  hosting_id   = data.gigahost_webhosting.site.hosting_id
  email        = "post" # post@example.no
  destinations = ["ola@example.com", "kari@example.com"]
}

output "forwarded_address" {
  value = gigahost_webhosting_email_forwarder.post.address
}
