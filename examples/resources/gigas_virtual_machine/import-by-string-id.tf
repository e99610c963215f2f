# Terraform 1.5 and later: import with a block, then `terraform plan`.
import {
  to = gigas_virtual_machine.web
  id = "226661014786"
}
