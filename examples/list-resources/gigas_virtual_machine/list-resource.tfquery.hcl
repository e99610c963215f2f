list "gigas_virtual_machine" "all" {
  provider         = gigas
  include_resource = true
}
