# Import a snapshot with <server_id>/<snap_id> (GET /servers/{id}/snapshots
# lists the snap_id). The name is read as the snapshot list shows it.
terraform import gigahost_server_snapshot.before_upgrade 18856/123
