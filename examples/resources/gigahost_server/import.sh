# Import a server by its server id (srv_id). order_id is read from the
# server record; root_password and ssh_key_ids cannot be read back and stay
# null (a configured ssh_key_ids is adopted without replacing the server).
terraform import gigahost_server.web 18856
