# Terraform 1.5 and later: import by key id (key_id in GET /account/apikeys).
# The secret cannot be read back: it stays null in the state until the next
# rotation (change rotation_triggers).
import {
  to = gigahost_api_key.ci
  id = "42"
}
