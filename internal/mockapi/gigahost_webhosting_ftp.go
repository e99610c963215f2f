package mockapi

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
)

// FTP accounts: GET and POST /webhosting/{id}/ftp, PUT
// /webhosting/{id}/ftp/{ftp_user}/password, DELETE
// /webhosting/{id}/ftp/{ftp_user}. The POST takes username, password and
// an optional path relative to the website root, empty for full access
// (docs); the list and the form of {ftp_user} follow AltFTPList. The docs
// give no rule for usernames or passwords: the mock takes lower-case
// letters, digits and . _ - up to 32 characters, and the mailbox's
// password rule; a path with ".." is refused.

// GigahostFTPAccount is an FTP account as the mock stores it.
type GigahostFTPAccount struct {
	User     string // as given at creation
	Password string
	Path     string // relative to the website root, "" for full access
}

func (s *Server) registerFTP(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /webhosting/{id}/ftp", CatWebhosting, "id", s.whFTPAccounts)
	s.ghRoute(mux, "POST /webhosting/{id}/ftp", CatWebhosting, "id", s.whFTPCreate)
	s.ghRoute(mux, "PUT /webhosting/{id}/ftp/{ftp_user}/password", CatWebhosting, "id", s.whFTPPassword)
	s.ghRoute(mux, "DELETE /webhosting/{id}/ftp/{ftp_user}", CatWebhosting, "id", s.whFTPDelete)
}

var ftpUserName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

func (s *Server) whFTPAccounts(w http.ResponseWriter, r *http.Request, _ principal) {
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		users := make([]string, 0, len(x.ftp))
		for u := range x.ftp {
			users = append(users, u)
		}
		sort.Strings(users)
		form := s.altLocked(AltFTPList)
		list := make([]any, 0, len(users))
		for _, u := range users {
			f := x.ftp[u]
			switch form {
			case ftpFullNames:
				dir := "/home/" + a.Username + "/domains/" + a.Domain + "/public_html"
				if f.Path != "" {
					dir += "/" + f.Path
				}
				list = append(list, map[string]any{"user": u + "@" + a.Domain, "directory": dir})
			case ftpNames:
				list = append(list, u)
			default:
				list = append(list, map[string]any{"username": u, "path": f.Path})
			}
		}
		if form == ftpFullNames {
			ghWrite(w, http.StatusOK, "", list)
			return
		}
		ghWrite(w, http.StatusOK, "", map[string]any{"ftp": list})
	})
}

func (s *Server) whFTPCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	user, _ := fieldString(body, "username")
	pw, _ := fieldString(body, "password")
	path, _ := fieldString(body, "path")
	path = strings.Trim(path, "/")
	s.withAccount(w, r, func(_ *hostingAccount, x *hostingExtras) {
		switch {
		case !ftpUserName.MatchString(user):
			ghError(w, http.StatusBadRequest, "Invalid FTP username.")
		case mailboxPasswordProblem(pw) != "":
			ghError(w, http.StatusBadRequest, mailboxPasswordProblem(pw))
		case strings.Contains(path, ".."):
			ghError(w, http.StatusBadRequest, "Invalid path.")
		case x.ftp[user] != nil:
			ghError(w, http.StatusBadRequest, "FTP account already exists.")
		default:
			x.ftp[user] = &GigahostFTPAccount{User: user, Password: pw, Path: path}
			ghWrite(w, http.StatusCreated, "", map[string]any{"message": "FTP account created successfully."})
		}
	})
}

// ftpAccount finds the account of the {ftp_user} wildcard in the form
// AltFTPList takes, or answers 404. Callers hold s.mu.
func (s *Server) ftpAccount(w http.ResponseWriter, r *http.Request, a *hostingAccount, x *hostingExtras) *GigahostFTPAccount {
	user := r.PathValue("ftp_user")
	if s.altLocked(AltFTPList) == ftpFullNames {
		local, ok := strings.CutSuffix(user, "@"+a.Domain)
		user = ""
		if ok {
			user = local
		}
	}
	f := x.ftp[user]
	if f == nil || strings.Contains(user, "@") {
		ghError(w, http.StatusNotFound, "FTP account not found.")
		return nil
	}
	return f
}

func (s *Server) whFTPPassword(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	pw, _ := fieldString(body, "password")
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		f := s.ftpAccount(w, r, a, x)
		switch {
		case f == nil:
		case mailboxPasswordProblem(pw) != "":
			ghError(w, http.StatusBadRequest, mailboxPasswordProblem(pw))
		default:
			f.Password = pw
			ghWrite(w, http.StatusOK, "", map[string]any{"message": "Password changed."})
		}
	})
}

func (s *Server) whFTPDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		if f := s.ftpAccount(w, r, a, x); f != nil {
			delete(x.ftp, f.User)
			ghWrite(w, http.StatusOK, "", map[string]any{"message": "FTP account deleted."})
		}
	})
}

// FTPAccount returns a copy of an FTP account of a hosting account.
func (h WebhostingHandle) FTPAccount(hostingID int64, user string) (GigahostFTPAccount, bool) {
	var f GigahostFTPAccount
	found := false
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		if p := x.ftp[user]; p != nil {
			f, found = *p, true
		}
	})
	return f, found
}

// FTPAccountCount counts the FTP accounts of a hosting account.
func (h WebhostingHandle) FTPAccountCount(hostingID int64) int {
	n := 0
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) { n = len(x.ftp) })
	return n
}

// ChangeFTPAccount changes an FTP account as if done outside Terraform.
func (h WebhostingHandle) ChangeFTPAccount(hostingID int64, user string, change func(f *GigahostFTPAccount)) bool {
	found := false
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		if f := x.ftp[user]; f != nil {
			change(f)
			found = true
		}
	})
	return found
}

// DeleteFTPAccount deletes an FTP account as if done outside Terraform.
func (h WebhostingHandle) DeleteFTPAccount(hostingID int64, user string) bool {
	found := false
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		found = x.ftp[user] != nil
		delete(x.ftp, user)
	})
	return found
}
