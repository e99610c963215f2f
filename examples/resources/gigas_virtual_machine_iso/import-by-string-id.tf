# Terraform 1.5 and later: import with a block, by <vm_id>/<iso_join_id>.
import {
  to = gigas_virtual_machine_iso.installer
  id = "226661014786/2266610300"
}
