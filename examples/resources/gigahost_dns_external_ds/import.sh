# The DS records of a zone are imported by the zone's id.
terraform import gigahost_dns_external_ds.external 123
