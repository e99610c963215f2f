# Terraform 1.12 and later: import by the resource's identity.
# The secret is shown only when a key is made: after the import it is unknown.
import {
  to = gigahost_api_key.ci
  identity = {
    key_id = "42"
  }
}
