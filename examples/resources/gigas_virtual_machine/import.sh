# A virtual machine is imported by its numeric id. initial_root_password is
# never read back, so it is null after import.
terraform import gigas_virtual_machine.web 226661014786
