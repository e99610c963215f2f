# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_ssh_key.laptop
  identity = {
    key_id = "17"
  }
}
