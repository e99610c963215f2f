list "gigahost_ssh_key" "all" {
  provider         = gigahost
  include_resource = true
}
