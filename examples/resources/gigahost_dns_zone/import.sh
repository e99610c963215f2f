# A zone is imported by its id...
terraform import gigahost_dns_zone.example 123

# ...or by its name.
terraform import gigahost_dns_zone.example example.no
