package mockapi

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
)

// Databases: GET and POST /webhosting/{id}/databases, PUT
// /webhosting/{id}/databases/{dbname}/password, DELETE
// /webhosting/{id}/databases/{dbname}. The POST takes name and password
// (docs); how the name is stored and listed follows AltDatabaseList. The
// docs give no rule for names or passwords: the mock takes names of
// letters, digits and _ (MySQL's portable names) up to 64 characters, and
// the mailbox's password rule.

func (s *Server) registerDatabases(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /webhosting/{id}/databases", CatWebhosting, "id", s.whDatabases)
	s.ghRoute(mux, "POST /webhosting/{id}/databases", CatWebhosting, "id", s.whDatabaseCreate)
	s.ghRoute(mux, "PUT /webhosting/{id}/databases/{dbname}/password", CatWebhosting, "id", s.whDatabasePassword)
	s.ghRoute(mux, "DELETE /webhosting/{id}/databases/{dbname}", CatWebhosting, "id", s.whDatabaseDelete)
}

var databaseName = regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)

func (s *Server) whDatabases(w http.ResponseWriter, r *http.Request, _ principal) {
	s.withAccount(w, r, func(_ *hostingAccount, x *hostingExtras) {
		names := make([]string, 0, len(x.databases))
		for n := range x.databases {
			names = append(names, n)
		}
		sort.Strings(names)
		form := s.altLocked(AltDatabaseList)
		list := make([]any, 0, len(names))
		for _, n := range names {
			switch form {
			case databasesPrefixed:
				list = append(list, map[string]any{"database": n})
			case databasesNames:
				list = append(list, n)
			default:
				list = append(list, map[string]any{"name": n})
			}
		}
		if form == databasesPrefixed {
			ghWrite(w, http.StatusOK, "", list)
			return
		}
		ghWrite(w, http.StatusOK, "", map[string]any{"databases": list})
	})
}

func (s *Server) whDatabaseCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	name, _ := fieldString(body, "name")
	pw, _ := fieldString(body, "password")
	s.withAccount(w, r, func(a *hostingAccount, x *hostingExtras) {
		name = storedDatabaseName(s.altLocked(AltDatabaseList), a, name)
		switch {
		case !databaseName.MatchString(name):
			ghError(w, http.StatusBadRequest, "Invalid database name.")
		case mailboxPasswordProblem(pw) != "":
			ghError(w, http.StatusBadRequest, mailboxPasswordProblem(pw))
		case x.databases[name] != nil:
			ghError(w, http.StatusBadRequest, "Database already exists.")
		default:
			x.databases[name] = &GigahostDatabase{Name: name, Password: pw}
			ghWrite(w, http.StatusCreated, "", map[string]any{"message": "Database created successfully."})
		}
	})
}

// GigahostDatabase is a database as the mock stores it.
type GigahostDatabase struct {
	Name     string // as stored and listed
	Password string // its user's
}

// database finds the database of the {dbname} wildcard (the stored name), or
// answers 404. Callers hold s.mu.
func database(w http.ResponseWriter, r *http.Request, x *hostingExtras) *GigahostDatabase {
	d := x.databases[r.PathValue("dbname")]
	if d == nil {
		ghError(w, http.StatusNotFound, "Database not found.")
	}
	return d
}

func (s *Server) whDatabasePassword(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	pw, _ := fieldString(body, "password")
	s.withAccount(w, r, func(_ *hostingAccount, x *hostingExtras) {
		d := database(w, r, x)
		switch {
		case d == nil:
		case mailboxPasswordProblem(pw) != "":
			ghError(w, http.StatusBadRequest, mailboxPasswordProblem(pw))
		default:
			d.Password = pw
			ghWrite(w, http.StatusOK, "", map[string]any{"message": "Password changed."})
		}
	})
}

func (s *Server) whDatabaseDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	s.withAccount(w, r, func(_ *hostingAccount, x *hostingExtras) {
		if d := database(w, r, x); d != nil {
			delete(x.databases, d.Name)
			ghWrite(w, http.StatusOK, "", map[string]any{"message": "Database deleted."})
		}
	})
}

// StoredDatabaseName is the name under which the API keeps a database
// created as name on a hosting account, under the current form of
// AltDatabaseList: as given, or prefixed with the account's user. Tests use
// it to find in the mock, and in request paths, what they created.
func (h WebhostingHandle) StoredDatabaseName(hostingID int64, name string) string {
	stored := name
	h.extras(hostingID, func(a *hostingAccount, _ *hostingExtras) {
		stored = storedDatabaseName(h.s.altLocked(AltDatabaseList), a, name)
	})
	return stored
}

func storedDatabaseName(form string, a *hostingAccount, name string) string {
	if form == databasesPrefixed && !strings.HasPrefix(name, a.Username+"_") {
		return a.Username + "_" + name
	}
	return name
}

// Database returns a copy of a database of a hosting account, by its
// stored name.
func (h WebhostingHandle) Database(hostingID int64, name string) (GigahostDatabase, bool) {
	var d GigahostDatabase
	found := false
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		if p := x.databases[name]; p != nil {
			d, found = *p, true
		}
	})
	return d, found
}

// DatabaseCount counts the databases of a hosting account.
func (h WebhostingHandle) DatabaseCount(hostingID int64) int {
	n := 0
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) { n = len(x.databases) })
	return n
}

// DeleteDatabase deletes a database as if done outside Terraform.
func (h WebhostingHandle) DeleteDatabase(hostingID int64, name string) bool {
	found := false
	h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		found = x.databases[name] != nil
		delete(x.databases, name)
	})
	return found
}

// AddDatabase creates a database under its stored name as if done outside
// Terraform.
func (h WebhostingHandle) AddDatabase(hostingID int64, name, password string) bool {
	return h.extras(hostingID, func(_ *hostingAccount, x *hostingExtras) {
		x.databases[name] = &GigahostDatabase{Name: name, Password: password}
	})
}
