# <hosting_id>/<username>. The password is not readable from the API: with
# `password`, the next apply sets it again; with `password_wo` and no
# `password_wo_version`, nothing is sent.
terraform import gigahost_webhosting_ftp_account.uploads 1234/uploads
