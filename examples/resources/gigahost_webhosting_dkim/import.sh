# The hosting account id (signing must be on).
terraform import gigahost_webhosting_dkim.site 1234
