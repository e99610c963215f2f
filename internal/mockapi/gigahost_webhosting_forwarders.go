package mockapi

import (
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// E-mail forwarders: GET and POST /webhosting/{id}/email-forwarders, PUT
// and DELETE /webhosting/{id}/email-forwarders/{user}. The POST takes user
// (the part before the @) and destinations as a list or a comma-separated
// string (docs); the list and the form of {user} follow AltForwarderList.

func (s *Server) registerForwarders(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /webhosting/{id}/email-forwarders", CatWebhosting, "id", s.whForwarders)
	s.ghRoute(mux, "POST /webhosting/{id}/email-forwarders", CatWebhosting, "id", s.whForwarderCreate)
	s.ghRoute(mux, "PUT /webhosting/{id}/email-forwarders/{user}", CatWebhosting, "id", s.whForwarderUpdate)
	s.ghRoute(mux, "DELETE /webhosting/{id}/email-forwarders/{user}", CatWebhosting, "id", s.whForwarderDelete)
}

// mailAddress is the destination syntax the mock accepts.
var mailAddress = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)

// destinations reads the destinations field, a list or a comma-separated
// string, and says why it is refused ("" when it is not).
func destinations(body map[string]any) ([]string, string) {
	var raw []string
	switch v := body["destinations"].(type) {
	case []any:
		for _, d := range v {
			ds, _ := d.(string)
			raw = append(raw, ds)
		}
	case string:
		raw = strings.Split(v, ",")
	default:
		return nil, "destinations is required."
	}
	out := make([]string, 0, len(raw))
	for _, d := range raw {
		d = strings.TrimSpace(d)
		if !mailAddress.MatchString(d) {
			return nil, "Invalid destination address: " + d
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil, "destinations is required."
	}
	return out, ""
}

func (s *Server) whForwarders(w http.ResponseWriter, r *http.Request, _ principal) {
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		users := make([]string, 0, len(x.forwarders))
		for u := range x.forwarders {
			users = append(users, u)
		}
		sort.Strings(users)
		form := s.altLocked(AltForwarderList)
		list := make([]any, 0, len(users))
		byUser := map[string]any{}
		for _, u := range users {
			dests := x.forwarders[u]
			switch form {
			case forwardersFullAddress:
				list = append(list, map[string]any{"address": u + "@" + a.Domain, "destinations": strings.ToLower(strings.Join(dests, ","))})
			case forwardersByUser:
				byUser[u] = strings.Join(dests, ",")
			default:
				list = append(list, map[string]any{"user": u, "destinations": dests})
			}
		}
		switch form {
		case forwardersFullAddress:
			ghWrite(w, http.StatusOK, "", list)
		case forwardersByUser:
			if len(byUser) == 0 {
				ghWrite(w, http.StatusOK, "", nil) // [], as PHP encodes an empty map
				return
			}
			ghWrite(w, http.StatusOK, "", byUser)
		default:
			ghWrite(w, http.StatusOK, "", map[string]any{"forwarders": list})
		}
	})
}

func (s *Server) whForwarderCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	user, _ := fieldString(body, "user")
	user = strings.ToLower(strings.TrimSpace(user))
	dests, problem := destinations(body)
	s.withAccount(w, r, func(_ *hostingAccount, x *hostingExtras) {
		switch {
		case !mailboxLocalPart.MatchString(user) || strings.Contains(user, ".."):
			ghError(w, http.StatusBadRequest, "Invalid forwarder address.")
		case problem != "":
			ghError(w, http.StatusBadRequest, problem)
		case x.forwarders[user] != nil:
			ghError(w, http.StatusBadRequest, "Forwarder already exists.")
		default:
			x.forwarders[user] = dests
			ghWrite(w, http.StatusCreated, "", map[string]any{"message": "Forwarder created successfully."})
		}
	})
}

// forwarderUser finds the forwarder of the {user} wildcard in the form
// AltForwarderList takes, or answers 404. Callers hold s.mu.
func (s *Server) forwarderUser(w http.ResponseWriter, r *http.Request, a *hostingAccount, x *hostingExtras) (string, bool) {
	user := strings.ToLower(r.PathValue("user"))
	if s.altLocked(AltForwarderList) == forwardersFullAddress {
		local, ok := strings.CutSuffix(user, "@"+a.Domain)
		user = ""
		if ok {
			user = local
		}
	}
	if user == "" || strings.Contains(user, "@") || x.forwarders[user] == nil {
		ghError(w, http.StatusNotFound, "Forwarder not found.")
		return "", false
	}
	return user, true
}

func (s *Server) whForwarderUpdate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	dests, problem := destinations(body)
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		user, ok := s.forwarderUser(w, r, a, x)
		switch {
		case !ok:
		case problem != "":
			ghError(w, http.StatusBadRequest, problem)
		default:
			x.forwarders[user] = dests
			ghWrite(w, http.StatusOK, "", map[string]any{"message": "Forwarder updated."})
		}
	})
}

func (s *Server) whForwarderDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		if user, ok := s.forwarderUser(w, r, a, x); ok {
			delete(x.forwarders, user)
			ghWrite(w, http.StatusOK, "", map[string]any{"message": "Forwarder deleted."})
		}
	})
}

// Forwarder returns the destinations of a forwarder (user is the part
// before the @), as stored.
func (h WebhostingHandle) Forwarder(hostingID int64, user string) ([]string, bool) {
	var dests []string
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) { dests = slices.Clone(x.forwarders[user]) })
	return dests, dests != nil
}

// ForwarderCount counts the forwarders of a hosting account.
func (h WebhostingHandle) ForwarderCount(hostingID int64) int {
	n := 0
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) { n = len(x.forwarders) })
	return n
}

// SetForwarder creates or changes a forwarder as if done outside Terraform.
func (h WebhostingHandle) SetForwarder(hostingID int64, user string, dests ...string) bool {
	return h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) { x.forwarders[user] = dests })
}

// DeleteForwarder deletes a forwarder as if done outside Terraform.
func (h WebhostingHandle) DeleteForwarder(hostingID int64, user string) bool {
	found := false
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		_, found = x.forwarders[user]
		delete(x.forwarders, user)
	})
	return found
}
