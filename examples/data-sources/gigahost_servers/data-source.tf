terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Every virtual server whose name starts with "web-", cancelled ones left out.
data "gigahost_servers" "web" {
  type       = "vps"
  name_regex = "^web-"
}

output "web_ipv4" {
  value = [for s in data.gigahost_servers.web.servers : s.ipv4]
}
