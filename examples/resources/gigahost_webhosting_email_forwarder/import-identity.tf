# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_webhosting_email_forwarder.post
  identity = {
    hosting_id = "1234"
    address    = "post@example.no"
  }
}
