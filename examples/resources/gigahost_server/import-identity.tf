# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_server.web
  identity = {
    server_id = "18856"
  }
}
