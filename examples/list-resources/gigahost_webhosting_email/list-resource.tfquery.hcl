list "gigahost_webhosting_email" "site" {
  provider         = gigahost
  include_resource = true
  config {
    hosting_id = 1234
  }
}
