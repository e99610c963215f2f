terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

data "gigahost_server" "web" {
  hostname = "web-1.example.com"
}

variable "web_config_revision" {
  type        = string
  description = "Bump to reboot the server (say, after its configuration files changed)."
  default     = "1"
}

# Reboot the server whenever its configuration revision changes.
action "gigahost_server_reboot" "web" {
  config {
    server_id = data.gigahost_server.web.id
  }
}

resource "terraform_data" "web_config" {
  input = var.web_config_revision

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.gigahost_server_reboot.web]
    }
  }
}

# Or on demand: terraform apply -invoke=action.gigahost_server_reboot.web
