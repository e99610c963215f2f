list "gigahost_server" "all" {
  provider         = gigahost
  include_resource = true
}
