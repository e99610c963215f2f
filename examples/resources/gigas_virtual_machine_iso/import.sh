# By the VM id and the ISO join id (the mount's own id, as listed by
# GET /account/{id}/virtual_machine/{vm_id}/isos):
terraform import gigas_virtual_machine_iso.installer 226661014786/2266610300
