terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

# Reboot a server whenever its configuration revision changes.
action "gigahost_server_reboot" "web" {
  config {
    server_id = gigahost_server.web.id
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
