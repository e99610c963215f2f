terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

resource "gigahost_server" "web" {
  product_id = 7951
  region_id  = 1
  os_id      = 102
  hostname   = "web-1.example.com"
}

# The PTR of the server's IPv4 address. The provider finds the address's
# ip_id in the server record.
resource "gigahost_server_rdns" "web_v4" {
  server_id  = gigahost_server.web.id
  ip_address = gigahost_server.web.ipv4
  ptr        = "web-1.example.com"
}

# IPv6 reverse DNS is set per subnet, by delegating the subnet's reverse
# zone to a name server. The subnet is written as the server record lists it
# (subnets[].sub_cidr).
resource "gigahost_server_rdns" "web_v6" {
  server_id   = gigahost_server.web.id
  ipv6_subnet = "2a03:94e0:59a8::/48"
  ptr         = "ns1.example.com"
}
