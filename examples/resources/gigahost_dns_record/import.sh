# By zone id and record id (the record id changes whenever the record does):
terraform import gigahost_dns_record.apex 123/3f14dc8c1af144aa

# By zone id, name, type and value, the value written as the zone's record
# list shows it (MX host without priority or trailing dot). Everything after
# the third slash is the value, so values containing "/" work:
terraform import gigahost_dns_record.mx_primary 123/@/MX/mx1.example.no
terraform import 'gigahost_dns_record.pool["192.0.2.21"]' 123/pool/A/192.0.2.21

# A TXT value holds spaces (and the API shows it in quotes): quote the whole
# id for the shell. With or without the value's own quotes, it is found:
terraform import gigahost_dns_record.spf '123/@/TXT/"v=spf1 mx -all"'
terraform import gigahost_dns_record.spf '123/@/TXT/v=spf1 mx -all'
