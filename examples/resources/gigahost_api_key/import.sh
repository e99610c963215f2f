# By key id (key_id in GET /account/apikeys). The secret cannot be read back:
# it stays null in the state until the next rotation (change rotation_triggers).
terraform import gigahost_api_key.ci 42
