terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Power a bare-metal server off (not available for KVM VPS products).
# Run on demand: terraform apply -invoke=action.gigahost_server_power.off
action "gigahost_server_power" "off" {
  config {
    server_id = gigahost_server.metal.id
    state     = "off"
    timeouts  = { invoke = "15m" }
  }
}

action "gigahost_server_power" "on" {
  config {
    server_id = gigahost_server.metal.id
    state     = "on"
  }
}
