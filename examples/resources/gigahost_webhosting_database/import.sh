# <hosting_id>/<name>, the name as configured ("shop") or as listed
# ("exampleno_shop"). The password is not readable from the API: with
# `password`, the next apply sets it again; with `password_wo` and no
# `password_wo_version`, nothing is sent.
terraform import gigahost_webhosting_database.shop 1234/shop
