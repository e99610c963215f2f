# Import the reverse DNS of an IPv4 address with <server_id>/<ip_address>,
# or the delegation of an IPv6 subnet with <server_id>/<ipv6_subnet>. The
# value the entry had before Terraform is unknown after an import
# (ptr_before is null), so destroying it later leaves the entry as it is.
terraform import gigahost_server_rdns.web_v4 18856/193.200.238.21
terraform import gigahost_server_rdns.web_v6 18856/2a03:94e0:190e::/48
