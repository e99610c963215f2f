list "gigahost_dns_zone" "all" {
  provider         = gigahost
  include_resource = true
}
