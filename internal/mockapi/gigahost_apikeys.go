package mockapi

import "net/http"

func (s *Server) registerAPIKeys(mux *http.ServeMux) {}
