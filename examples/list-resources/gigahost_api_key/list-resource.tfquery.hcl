list "gigahost_api_key" "all" {
  provider         = gigahost
  include_resource = true
}
