# The hosting account id. The key size is not shown by the API: it is null
# after an import, and setting it then changes only the state.
terraform import gigahost_webhosting_ssl.site 1234
