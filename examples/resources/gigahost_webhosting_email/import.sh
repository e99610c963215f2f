# <hosting_id>/<address>. The password is not readable from the API: with
# `password`, the next apply sets it again; with `password_wo` and no
# `password_wo_version`, the imported mailbox plans clean and keeps its password.
terraform import gigahost_webhosting_email.info 1234/info@example.no
