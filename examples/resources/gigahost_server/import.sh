# Import a server by its server id (srv_id). order_id is read from the
# server record; root_password and ssh_key_ids cannot be read back and stay
# null, and the hostname is taken from the server's name. A configured
# hostname, ssh_key_ids or price_id that differs is adopted in place on the
# first apply after the import, without replacing the server.
terraform import gigahost_server.web 18856
