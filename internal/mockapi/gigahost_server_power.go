package mockapi

import (
	"net/http"
	"strconv"
	"time"
)

// Power and console access of Gigahost servers (gigahost-api.txt): GET
// /servers/{id}/reboot, /power/on and /power/off ("if supported"; no answer
// shown: AltPowerAnswer), GET /servers/{id}/powerstate (meta.powerstate and
// meta.timestamp, as the docs' example; AltPowerState for servers without
// it), POST /servers/{id}/ipmi (the docs' example answer: kvm_ip_address,
// username, password; AltIPMIAnswer). FIELD-NOTES: power on and off answer
// 405 on KVM VPS products; reboot works. The powerstate shows a change only
// after the provisioning delay, as a machine takes a while to stop or start;
// during a reboot it shows off.

// ghPower is what powerstate reports while a change settles: wasOn until
// settleAt, then the server's PoweredOff.
type ghPower struct {
	wasOn    bool
	settleAt time.Time
}

// ghIPMI is an open KVM/IPMI session.
type ghIPMI struct {
	id                          int64
	address, username, password string
	expires                     time.Time
}

func (s *Server) registerServerPower(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /servers/{id}/reboot", CatServers, "id", s.ghPowerCall("reboot"))
	s.ghRoute(mux, "GET /servers/{id}/power/on", CatServers, "id", s.ghPowerCall("on"))
	s.ghRoute(mux, "GET /servers/{id}/power/off", CatServers, "id", s.ghPowerCall("off"))
	s.ghRoute(mux, "GET /servers/{id}/powerstate", CatServers, "id", s.ghPowerState)
	s.ghRoute(mux, "POST /servers/{id}/ipmi", CatServers, "id", s.ghOpenIPMI)
}

// poweredOn is what powerstate reports at now.
func (sv *ghServer) poweredOn(now time.Time) bool {
	if now.Before(sv.power.settleAt) {
		return sv.power.wasOn
	}
	return !sv.PoweredOff
}

// ghPowerCall answers reboot, power on and power off. Callers of a KVM
// VPS get 405 for on and off.
func (s *Server) ghPowerCall(action string) ghHandler {
	return func(w http.ResponseWriter, r *http.Request, _ principal) {
		s.mu.Lock()
		defer s.mu.Unlock()
		sv := s.liveServer(w, r, false)
		if sv == nil {
			return
		}
		if p := s.gigahost.deploy.product(sv.ProductID, ""); action != "reboot" && p != nil && p.typ == "vm" {
			ghError(w, http.StatusMethodNotAllowed, "Method not allowed.")
			return
		}
		now := time.Now()
		sv.power = ghPower{wasOn: sv.poweredOn(now), settleAt: now.Add(s.provisioningDelay())}
		switch action {
		case "reboot":
			sv.Reboots++
			sv.power.wasOn = false // down while it restarts
			sv.PoweredOff = false
		case "on":
			sv.PoweredOff = false
		case "off":
			sv.PoweredOff = true
		}
		switch s.altLocked(AltPowerAnswer) {
		case "message":
			ghWrite(w, http.StatusOK, "Server "+action+" initiated.", nil)
		case "empty":
			w.WriteHeader(http.StatusOK)
		default:
			writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{"status": 200, "status_message": "200 OK"}})
		}
	}
}

// ghPowerState answers as the docs' example: the state in meta, no data.
func (s *Server) ghPowerState(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	if s.altLocked(AltPowerState) == "unsupported" {
		ghError(w, http.StatusMethodNotAllowed, "Method not allowed.")
		return
	}
	now := time.Now()
	writeJSON(w, http.StatusOK, map[string]any{"meta": map[string]any{
		"status": 200, "status_message": "200 OK", "powerstate": sv.poweredOn(now), "timestamp": now.Unix(),
	}})
}

// ghOpenIPMI opens a session valid for 3 hours (the docs), replacing any
// open one, with the acl (semicolon-separated addresses and subnets) not
// checked beyond being a string.
func (s *Server) ghOpenIPMI(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	if v, ok := body["acl"]; ok {
		if _, isString := v.(string); !isString {
			ghErrorField(w, http.StatusBadRequest, "Invalid field: acl")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sv := s.liveServer(w, r, false)
	if sv == nil {
		return
	}
	sv.IPMISessions++
	sv.ipmi = &ghIPMI{
		id: int64(sv.IPMISessions), address: "185.125.168.17", username: "kvm" + strconv.FormatInt(sv.ID, 10),
		password: "ipmi-" + uuid(), expires: time.Now().Add(3 * time.Hour),
	}
	data := map[string]any{"kvm_ip_address": sv.ipmi.address, "username": sv.ipmi.username, "password": sv.ipmi.password}
	if s.altLocked(AltIPMIAnswer) == "record-fields" {
		data = map[string]any{"kvm_ip_address": sv.ipmi.address, "kvm_username": sv.ipmi.username, "kvm_password": sv.ipmi.password,
			"kvm_expires": strconv.FormatInt(sv.ipmi.expires.Unix(), 10)}
	}
	ghWrite(w, http.StatusOK, "", data)
}

// ipmiJSON is the record's ipmi_session, as the docs' example shows it;
// null when none is open.
func (sv *ghServer) ipmiJSON(now time.Time) any {
	if sv.ipmi == nil || !now.Before(sv.ipmi.expires) {
		return nil
	}
	return map[string]any{
		"kvm_id": strconv.FormatInt(sv.ipmi.id, 10), "srv_id": strconv.FormatInt(sv.ID, 10), "kvm_ip_address": sv.ipmi.address,
		"kvm_username": sv.ipmi.username, "kvm_password": sv.ipmi.password, "kvm_userid": "5",
		"kvm_expires": strconv.FormatInt(sv.ipmi.expires.Unix(), 10), "kvm_in_use": "1",
	}
}

// IPMISession returns the credentials of the server's open KVM/IPMI
// session, for tests to look for them where they must not be.
func (h ServersHandle) IPMISession(id int64) (username, password string, ok bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	sv, found := h.s.gigahost.deploy.servers[id]
	if !found || sv.ipmi == nil {
		return "", "", false
	}
	return sv.ipmi.username, sv.ipmi.password, true
}
