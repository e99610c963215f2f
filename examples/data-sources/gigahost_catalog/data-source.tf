terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Every product and region.
data "gigahost_catalog" "all" {}

# KVM VPS products in stock in Oslo that can be billed hourly.
data "gigahost_catalog" "oslo_vps" {
  type     = "vm"
  region   = "Oslo"
  in_stock = true
  hourly   = true
}

# One product by name, in one region: use its ids in a gigahost_server.
data "gigahost_catalog" "vps_4gb" {
  name   = "KVM Performance VPS 4GB"
  region = "Sandefjord"
}

output "vps_4gb" {
  value = {
    product_id = data.gigahost_catalog.vps_4gb.products[0].product_id
    price_id   = data.gigahost_catalog.vps_4gb.products[0].price_id
    region_id  = data.gigahost_catalog.vps_4gb.regions[0].region_id
  }
}
