terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# A bare-metal server ordered outside this configuration.
data "gigahost_server" "metal" {
  hostname = "metal-1.example.com"
}

# Power it off or on (not available for KVM VPS products).
# Run on demand: terraform apply -invoke=action.gigahost_server_power.off
action "gigahost_server_power" "off" {
  config {
    server_id = data.gigahost_server.metal.id
    state     = "off"
    timeouts  = { invoke = "15m" }
  }
}

action "gigahost_server_power" "on" {
  config {
    server_id = data.gigahost_server.metal.id
    state     = "on"
  }
}
