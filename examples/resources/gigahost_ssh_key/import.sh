# The numeric key id (key_id; the gigahost_ssh_keys data source lists them).
terraform import gigahost_ssh_key.laptop 17
