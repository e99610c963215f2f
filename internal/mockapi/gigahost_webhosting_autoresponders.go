package mockapi

import (
	"net/http"
	"regexp"
	"strings"
)

// GigahostAutoresponder is an automatic reply as the mock stores it.
type GigahostAutoresponder struct {
	Address       string // local@domain
	Subject       string
	Text          string
	CC            bool
	ReplyOnceTime string
}

// replyOnceTimePattern is the period syntax the mock accepts ("for example
// 2d", the docs say): a number and a unit of minutes, hours, days or weeks.
var replyOnceTimePattern = regexp.MustCompile(`^[1-9][0-9]{0,3}[mhdw]$`)

// autoresponder finds the account and autoresponder of the {id} and {email}
// wildcards, {email} in the form of AltAutoresponderPath, or answers 404.
// Callers hold s.mu.
func (s *Server) autoresponder(w http.ResponseWriter, r *http.Request) (*hostingAccount, *GigahostAutoresponder) {
	a := s.hostingAccount(w, r)
	if a == nil {
		return nil, nil
	}
	email := strings.ToLower(r.PathValue("email"))
	local, domain, full := strings.Cut(email, "@")
	var ar *GigahostAutoresponder
	switch s.altLocked(AltAutoresponderPath) {
	case autoresponderPathLocal:
		if !full {
			ar = a.sslMail.autoresponders[local+"@"+a.Domain]
		}
	default:
		if full && domain == a.Domain {
			ar = a.sslMail.autoresponders[email]
		}
	}
	if ar == nil {
		ghError(w, http.StatusNotFound, "Autoresponder not found.")
		return nil, nil
	}
	return a, ar
}

// autoresponderFields applies the create's fields of body to ar; a message
// when one is invalid.
func autoresponderFields(body map[string]any, ar *GigahostAutoresponder) string {
	if v, ok := fieldString(body, "subject"); ok {
		ar.Subject = v
	}
	if v, ok := fieldString(body, "text"); ok {
		ar.Text = v
	}
	if v, ok := fieldString(body, "cc"); ok {
		switch strings.ToUpper(v) {
		case "ON":
			ar.CC = true
		case "OFF":
			ar.CC = false
		default:
			return "cc must be ON or OFF."
		}
	}
	if v, ok := fieldString(body, "reply_once_time"); ok {
		if !replyOnceTimePattern.MatchString(v) {
			return "Invalid reply_once_time."
		}
		ar.ReplyOnceTime = v
	}
	return ""
}

func (s *Server) whAutoresponderCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	user, _ := fieldString(body, "user")
	user = strings.ToLower(strings.TrimSpace(user))
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	if !mailboxLocalPart.MatchString(user) || strings.Contains(user, "..") {
		ghError(w, http.StatusBadRequest, "Required field is invalid: user")
		return
	}
	addr := user + "@" + a.Domain
	if a.sslMail.autoresponders[addr] != nil {
		ghError(w, http.StatusBadRequest, "Autoresponder already exists.")
		return
	}
	ar := &GigahostAutoresponder{Address: addr, ReplyOnceTime: "1d"}
	if msg := autoresponderFields(body, ar); msg != "" {
		ghError(w, http.StatusBadRequest, msg)
		return
	}
	if a.sslMail.autoresponders == nil {
		a.sslMail.autoresponders = map[string]*GigahostAutoresponder{}
	}
	a.sslMail.autoresponders[addr] = ar
	ghWrite(w, http.StatusCreated, "", map[string]any{"message": "Autoresponder created."})
}

func (s *Server) whAutoresponderGet(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ar := s.autoresponder(w, r)
	if ar == nil {
		return
	}
	cc := "OFF"
	if ar.CC {
		cc = "ON"
	}
	obj := map[string]any{"email": ar.Address, "subject": ar.Subject, "text": ar.Text, "cc": cc, "reply_once_time": ar.ReplyOnceTime}
	switch s.altLocked(AltAutoresponderObject) {
	case autoresponderWrappedList:
		ghWrite(w, http.StatusOK, "", map[string]any{"autoresponder": []any{obj}})
	case autoresponderSparse:
		ghWrite(w, http.StatusOK, "", map[string]any{"text": ar.Text, "cc": ar.CC})
	default:
		ghWrite(w, http.StatusOK, "", obj)
	}
}

func (s *Server) whAutoresponderUpdate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ar := s.autoresponder(w, r)
	if ar == nil {
		return
	}
	changed := *ar
	if msg := autoresponderFields(body, &changed); msg != "" {
		ghError(w, http.StatusBadRequest, msg)
		return
	}
	*ar = changed
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "Autoresponder updated."})
}

func (s *Server) whAutoresponderDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ar := s.autoresponder(w, r)
	if ar == nil {
		return
	}
	delete(a.sslMail.autoresponders, ar.Address)
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "Autoresponder deleted."})
}

// Autoresponder returns a copy of the autoresponder of a full address.
func (h WebhostingHandle) Autoresponder(hostingID int64, address string) (ar GigahostAutoresponder, ok bool) {
	h.withAccount(hostingID, func(a *hostingAccount) {
		if p := a.sslMail.autoresponders[address]; p != nil {
			ar, ok = *p, true
		}
	})
	return ar, ok
}

// AutoresponderCount counts the autoresponders of a hosting account.
func (h WebhostingHandle) AutoresponderCount(hostingID int64) (n int) {
	h.withAccount(hostingID, func(a *hostingAccount) { n = len(a.sslMail.autoresponders) })
	return n
}

// ChangeAutoresponder changes an autoresponder as if done outside
// Terraform; a nil change deletes it.
func (h WebhostingHandle) ChangeAutoresponder(hostingID int64, address string, change func(ar *GigahostAutoresponder)) (found bool) {
	h.withAccount(hostingID, func(a *hostingAccount) {
		if p := a.sslMail.autoresponders[address]; p != nil {
			found = true
			if change == nil {
				delete(a.sslMail.autoresponders, address)
				return
			}
			change(p)
		}
	})
	return found
}
