package mockapi

import "net/http"

// deployState holds the mock's Deploy data.
type deployState struct{}

func newDeployState() *deployState { return &deployState{} }

func (s *Server) registerDeploy(mux *http.ServeMux) {}
