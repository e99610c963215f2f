# <hosting_id>/<address>
terraform import gigahost_webhosting_autoresponder.info 1234/info@example.no
