terraform {
  required_providers {
    gigahost = { source = "gigaform/giga" }
  }
}

# Pick the product, its price and the region from the catalog by name.
data "gigahost_catalog" "vps" {
  name     = "KVM Performance VPS 4GB"
  region   = "Sandefjord"
  in_stock = true
  hourly   = true
}

data "gigahost_operating_systems" "ubuntu" {
  distribution = "ubuntu"
  name_regex   = "24\\.04"
}

resource "gigahost_ssh_key" "ops" {
  name       = "ops laptop"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ops@laptop"
}

resource "gigahost_server" "web" {
  product_id = data.gigahost_catalog.vps.products[0].product_id
  price_id   = data.gigahost_catalog.vps.products[0].price_id # optional: found in the catalog when unset
  region_id  = data.gigahost_catalog.vps.regions[0].region_id
  os_id      = data.gigahost_operating_systems.ubuntu.operating_systems[0].os_id

  hostname       = "web-1.example.no"
  name           = "web 1"  # updated in place
  billing_period = "hourly" # hourly (default), monthly, quarterly or annual
  ssh_key_ids    = [gigahost_ssh_key.ops.key_id]

  timeouts {
    create = "30m"
    delete = "10m"
  }
}

output "web_ipv4" {
  value = gigahost_server.web.ipv4
}
