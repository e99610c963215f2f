# <hosting_id>/<address>
terraform import gigahost_webhosting_email_forwarder.post 1234/post@example.no
