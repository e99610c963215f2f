list "gigahost_dns_record" "example" {
  provider         = gigahost
  include_resource = true
  config {
    zone_id = "123"
    type    = "MX" # optional; so is name
  }
}
