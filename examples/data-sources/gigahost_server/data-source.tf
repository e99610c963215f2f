terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# One server by host name (or by id, or by name): an error when none or
# several match.
data "gigahost_server" "db" {
  hostname = "db-1.example.com"
}

# Manage the reverse DNS of a server created outside this configuration.
resource "gigahost_server_rdns" "db" {
  server_id  = data.gigahost_server.db.id
  ip_address = data.gigahost_server.db.ipv4
  ptr        = "db-1.example.com"
}
