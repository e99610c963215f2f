terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Look up a web-hosting account by its domain...
data "gigahost_webhosting" "site" {
  domain = "example.no"
}

# ...or by its id.
data "gigahost_webhosting" "by_id" {
  hosting_id = 1240
}

output "hosting_id" {
  value = data.gigahost_webhosting.site.hosting_id
}
