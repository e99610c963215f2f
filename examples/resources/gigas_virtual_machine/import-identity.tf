# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigas_virtual_machine.web
  identity = {
    vm_id = "226661014786"
  }
}
