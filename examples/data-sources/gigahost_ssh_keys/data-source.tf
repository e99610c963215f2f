terraform {
  required_providers {
    gigahost = { source = "gigaform/giga" }
  }
}

# The keys added in the control panel whose name starts with "laptop".
data "gigahost_ssh_keys" "team" {
  name_regex = "^laptop"
}

# A key managed here.
resource "gigahost_ssh_key" "ci" {
  name       = "ci"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKiHpeJ3BEqP3GCQP3wtZPrJMSICIFzNCmXrDVoqWt1z ci@example.no"
}

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

# ssh_key_ids takes numbers: the data source's ids and the resource's key_id
# are numbers already (a string id converts with tonumber()).
resource "gigahost_server" "web" {
  product_id  = data.gigahost_catalog.vps.products[0].product_id
  region_id   = data.gigahost_catalog.vps.regions[0].region_id
  os_id       = data.gigahost_operating_systems.ubuntu.operating_systems[0].os_id
  hostname    = "web-1.example.no"
  ssh_key_ids = concat(data.gigahost_ssh_keys.team.ids, [gigahost_ssh_key.ci.key_id])
}

output "team_fingerprints" {
  value = { for k in data.gigahost_ssh_keys.team.keys : k.name => k.fingerprint }
}
