terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Open a KVM/IPMI session (valid for 3 hours) for the office network only.
# The credentials never reach the plan or the state.
data "gigahost_server" "metal" {
  hostname = "metal-1.example.com"
}

ephemeral "gigahost_server_ipmi" "console" {
  server_id = data.gigahost_server.metal.id
  acl       = "198.51.100.7;203.0.113.0/24"
}

# Hand them to something that takes ephemeral values, for instance a
# write-only attribute (Terraform 1.11 or later), or an ephemeral output of
# a child module:
#
# output "console" {
#   value     = ephemeral.gigahost_server_ipmi.console
#   ephemeral = true
# }
