# A session id (the gigahost_bgp data source lists them); the sessions of the
# same ASN, address and family on the other routers are taken in too.
terraform import gigahost_bgp_session.web_v6 41
