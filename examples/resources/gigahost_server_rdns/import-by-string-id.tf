# Terraform 1.5 and later: <server_id>/<ip_address> for an IPv4 address,
# <server_id>/<ipv6_subnet> for an IPv6 subnet's delegation. The name the
# entry had before Terraform is unknown after an import (ptr_before is null).
import {
  to = gigahost_server_rdns.web_v4
  id = "18856/193.200.238.21"
}

import {
  to = gigahost_server_rdns.web_v6
  id = "18856/2a03:94e0:190e::/48"
}
