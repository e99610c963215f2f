package mockapi

import "net/http"

// registerSSHKeys serves the account's SSH keys (GET /account, POST
// /account/sshkey, DELETE /account/sshkey/{id}).
func (s *Server) registerSSHKeys(mux *http.ServeMux) {}
