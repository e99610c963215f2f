# Terraform 1.5 and later: import the DS records of a zone with an import block, by zone id.
import {
  to = gigahost_dns_external_ds.external
  id = "123"
}
