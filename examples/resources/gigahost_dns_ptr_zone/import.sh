# A reverse zone is imported by its zone id...
terraform import gigahost_dns_ptr_zone.v4 456

# ...or by its name.
terraform import gigahost_dns_ptr_zone.v4 63.181.185.in-addr.arpa
