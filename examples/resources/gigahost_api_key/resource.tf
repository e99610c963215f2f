terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Managing API keys needs a session login: configure gigahost_username and
# gigahost_password (or GIGAHOST_USERNAME and GIGAHOST_PASSWORD) on the
# provider. The API refuses API-key tokens on /account/apikeys, so these
# requests go with the session token; a gigahost_api_key set as well is still
# used for everything else, with no second provider configuration needed.

# A deployment key: full access to DNS zone 123 only, read access to every
# server, and read access to the account details. It expires at the start of
# 2031 and is rotated whenever the rotation trigger changes.
resource "gigahost_api_key" "ci" {
  label = "CI deployment"

  permissions = {
    dns     = { mode = "rw", all = false, ids = [123] }
    servers = { mode = "r", all = true }
    account = { mode = "r" }
  }

  expires_at = 1924992000 # 2031-01-01T00:00:00Z

  rotation_triggers = {
    rotated = "2026-q4"
  }
}

# A read-only monitoring key for everything web hosting.
resource "gigahost_api_key" "monitoring" {
  label = "monitoring"

  permissions = {
    webhosting = { mode = "r" }
    billing    = { mode = "r" }
  }
}

output "ci_key_prefix" {
  value = gigahost_api_key.ci.prefix
}

output "ci_key" {
  value     = gigahost_api_key.ci.secret
  sensitive = true
}
