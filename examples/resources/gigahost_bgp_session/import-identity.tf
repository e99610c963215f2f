# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_bgp_session.web_v4
  identity = {
    session_id = "1"
  }
}
