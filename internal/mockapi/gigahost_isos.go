package mockapi

import (
	"net/http"
	"strconv"
)

// The account's uploaded ISOs, as documented under GET /deploy/isos: only
// completed uploads of the account, wrapped as data: {"isos": [...]}
// (FIELD-NOTES "Types and shapes"), every scalar a string as in the docs'
// example. POST /deploy/servers takes their iso_id.

// GigahostISO is an uploaded ISO.
type GigahostISO struct {
	ID   int64
	Name string
	Size int64 // bytes: the docs' example shows 650000000 for a CD image
}

// seedISOs is the docs' example ISO.
func seedISOs() []GigahostISO {
	return []GigahostISO{{ID: 42, Name: "debian-12.iso", Size: 650000000}}
}

func (st *deployState) hasISO(id int64) bool {
	for _, iso := range st.isos {
		if iso.ID == id {
			return true
		}
	}
	return false
}

func (s *Server) ghDeployISOs(w http.ResponseWriter, _ *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	isos := []any{}
	for _, iso := range s.gigahost.deploy.isos {
		isos = append(isos, map[string]any{
			"iso_id": strconv.FormatInt(iso.ID, 10), "iso_name": iso.Name, "iso_size": strconv.FormatInt(iso.Size, 10),
		})
	}
	ghWrite(w, http.StatusOK, "", map[string]any{"isos": isos})
}

// ISOs returns the account's uploaded ISOs: m.Gigahost.Servers.ISOs.
func (h ServersHandle) ISOs() []GigahostISO {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	return append([]GigahostISO{}, h.s.gigahost.deploy.isos...)
}

// AddISO adds a completed upload and returns its id (one more than the
// highest so far).
func (h ServersHandle) AddISO(name string, size int64) int64 {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	st := h.s.gigahost.deploy
	id := int64(1)
	for _, iso := range st.isos {
		id = max(id, iso.ID+1)
	}
	st.isos = append(st.isos, GigahostISO{ID: id, Name: name, Size: size})
	return id
}
