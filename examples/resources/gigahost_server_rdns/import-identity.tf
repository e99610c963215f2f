# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_server_rdns.mail
  identity = {
    server_id = "18856"
    address   = "185.181.63.24"
  }
}
