# Gigas with explicit arguments instead of environment variables.
terraform {
  required_providers {
    gigas = {
      source = "gigaform/giga"
    }
  }
}

variable "gigas_api_key" {
  type      = string
  sensitive = true
}

provider "gigas" {
  gigas_api_key    = var.gigas_api_key # or GIGAS_API_KEY
  gigas_account_id = 22666             # optional when the key sees a single account
  max_retries      = 5                 # retries of 429, 5xx and network errors
}
