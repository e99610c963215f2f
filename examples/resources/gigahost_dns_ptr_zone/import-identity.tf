# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_dns_ptr_zone.v4
  identity = {
    zone_id = "456"
  }
}
