# DNSSEC of a zone is imported by the zone's id...
terraform import gigahost_dns_dnssec.example 123

# ...or by its name.
terraform import gigahost_dns_dnssec.example example.no
