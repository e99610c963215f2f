# Terraform 1.12 and later: import by the resource's identity.
# The secret cannot be read back: it stays null in the state until the next rotation.
import {
  to = gigahost_api_key.ci
  identity = {
    key_id = "42"
  }
}
