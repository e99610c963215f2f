# Terraform 1.12 and later: import by the resource's identity.
import {
  to = gigas_virtual_machine_iso.installer
  identity = {
    virtual_machine_id = "226661014786"
    iso_join_id        = "2266610300"
  }
}
