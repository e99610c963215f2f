# A virtual machine is imported by its numeric id. initial_root_password is
# never read back, so it is null after import.
terraform import gigas_virtual_machine.web 226661014786
# Disk sizes are read from the VM's disk list; when the API does not show
# them, the configured primary_disk_size and swap_disk_size are recorded as
# they are on the first apply after the import (with a warning), never sent
# as a resize.
