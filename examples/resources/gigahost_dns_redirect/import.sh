# By zone id and source ("@" for the zone apex, else the name relative to the zone):
terraform import gigahost_dns_redirect.apex 123/@
terraform import gigahost_dns_redirect.blog 123/blog
