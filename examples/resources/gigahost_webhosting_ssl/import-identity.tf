# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigahost_webhosting_ssl.site
  identity = {
    hosting_id = "1234"
  }
}
