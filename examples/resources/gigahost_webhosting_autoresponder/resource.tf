terraform {
  required_providers {
    gigahost = {
      source = "gigaform/giga"
    }
  }
}

data "gigahost_webhosting" "site" {
  domain = "example.no"
}

# An automatic reply for info@example.no. Subject, text, cc and the reply
# period change in place. The API has no start or end date: the reply is
# sent until the resource is destroyed.
resource "gigahost_webhosting_autoresponder" "info" {
  hosting_id      = data.gigahost_webhosting.site.hosting_id
  email           = "info" # info@example.no
  subject         = "Out of office"
  text            = "Thanks for your message. We are back on Monday."
  cc              = false # ON/OFF in the API: send a copy to the original sender
  reply_once_time = "2d"  # the same sender gets one reply every two days
}
