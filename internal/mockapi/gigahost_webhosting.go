package mockapi

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Web hosting, as documented under /webhosting: the accounts (read only
// here; ordering and cancelling are out of the mock's scope) and their e-mail
// accounts. Every route goes through the API-key permission model with the
// category webhosting and the account id in {id}.

// Seeded web-hosting accounts.
const (
	GigahostHostingID          = 1234
	GigahostHostingDomain      = "example.no"
	GigahostOtherHostingID     = 1240
	GigahostOtherHostingDomain = "fjordkafe.no"
)

// GigahostMailbox is an e-mail account as the mock stores it.
type GigahostMailbox struct {
	Address  string // local@domain
	Password string
	Quota    int64 // MB, 0 = unlimited
	UsageMB  float64
}

type hostingAccount struct {
	ID          int64
	Domain      string
	Username    string
	Package     string
	Status      string
	Created     string
	OrderNumber int64
	Renewal     string
	mailboxes   map[string]*GigahostMailbox // by address
	sslMail     hostingSSLMail              // certificate, DKIM, autoresponders (gigahost_webhosting_ssl.go)
	extras      hostingExtras               // forwarders, databases, FTP accounts (gigahost_webhosting_extras.go)
}

// webhostingState holds the mock's web-hosting accounts.
type webhostingState struct {
	accounts map[int64]*hostingAccount
}

func newWebhostingState() *webhostingState {
	st := &webhostingState{accounts: map[int64]*hostingAccount{}}
	st.add(GigahostHostingID, GigahostHostingDomain, "Webhotell M")
	st.add(GigahostOtherHostingID, GigahostOtherHostingDomain, "Webhotell S")
	return st
}

func (st *webhostingState) add(id int64, domain, pkg string) *hostingAccount {
	a := &hostingAccount{
		ID: id, Domain: domain, Username: strings.ReplaceAll(domain, ".", ""), Package: pkg, Status: "active",
		Created: "2026-01-15", OrderNumber: 55000 + id, Renewal: "2026-07-15", mailboxes: map[string]*GigahostMailbox{},
	}
	st.accounts[id] = a
	return a
}

func (s *Server) registerWebhosting(mux *http.ServeMux) {
	s.ghRoute(mux, "GET /webhosting", CatWebhosting, "", s.whList)
	s.ghRoute(mux, "GET /webhosting/{id}", CatWebhosting, "id", s.whGet)
	s.ghRoute(mux, "GET /webhosting/{id}/emails", CatWebhosting, "id", s.whEmails)
	s.ghRoute(mux, "POST /webhosting/{id}/emails", CatWebhosting, "id", s.whEmailCreate)
	s.ghRoute(mux, "PUT /webhosting/{id}/emails/{email}/password", CatWebhosting, "id", s.whEmailPassword)
	s.ghRoute(mux, "PUT /webhosting/{id}/emails/{email}/quota", CatWebhosting, "id", s.whEmailQuota)
	s.ghRoute(mux, "DELETE /webhosting/{id}/emails/{email}", CatWebhosting, "id", s.whEmailDelete)
	s.registerWebhostingSSLMail(mux)
}

// hostingAccount finds the account of the {id} wildcard, or answers 404.
// Callers hold s.mu.
func (s *Server) hostingAccount(w http.ResponseWriter, r *http.Request) *hostingAccount {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	a := s.gigahost.webhosting.accounts[id]
	if err != nil || a == nil {
		ghError(w, http.StatusNotFound, "Hosting account not found.")
		return nil
	}
	return a
}

func (s *Server) whList(w http.ResponseWriter, _ *http.Request, p principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.gigahost.webhosting.accounts))
	for id := range s.gigahost.webhosting.accounts {
		if p.canSee(CatWebhosting, id) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	list := make([]any, 0, len(ids))
	for _, id := range ids {
		a := s.gigahost.webhosting.accounts[id]
		// The list sends ids and order numbers as numbers, like the docs.
		list = append(list, map[string]any{
			"hosting_id": a.ID, "domain": a.Domain, "username": a.Username, "package": a.Package, "status": a.Status,
			"created_date": a.Created, "order_number": a.OrderNumber, "order_renewal": a.Renewal, "order_status": "active",
		})
	}
	ghWrite(w, http.StatusOK, "", map[string]any{"hosting": list})
}

func (s *Server) whGet(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	// The single view sends its numbers as strings (mixed types, as elsewhere).
	ghWrite(w, http.StatusOK, "", singleObject(s.altLocked(AltHostingObject), "hosting", map[string]any{
		"hosting_id": strconv.FormatInt(a.ID, 10), "domain": a.Domain, "username": a.Username, "package": a.Package,
		"status": a.Status, "created_date": a.Created,
		"order": map[string]any{"order_number": strconv.FormatInt(a.OrderNumber, 10), "order_renewal": a.Renewal, "order_status": "active"},
		"usage": map[string]any{"disk_mb": "12", "bandwidth_mb": "0", "emails": strconv.Itoa(len(a.mailboxes))},
	}))
}

func (s *Server) whEmails(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	addrs := make([]string, 0, len(a.mailboxes))
	for addr := range a.mailboxes {
		addrs = append(addrs, addr)
	}
	sort.Strings(addrs)
	form := s.altLocked(AltMailboxList)
	list := make([]any, 0, len(addrs))
	for _, addr := range addrs {
		list = append(list, mailboxEntry(form, a.mailboxes[addr]))
	}
	switch form {
	case mailboxesBare:
		ghWrite(w, http.StatusOK, "", list)
	case mailboxesOtherWrapper:
		ghWrite(w, http.StatusOK, "", map[string]any{"accounts": list})
	default:
		ghWrite(w, http.StatusOK, "", map[string]any{"emails": list})
	}
}

// mailboxEntry is one entry of the mailbox list in a form of AltMailboxList.
func mailboxEntry(form string, m *GigahostMailbox) any {
	user, domain, _ := strings.Cut(m.Address, "@")
	quota := strconv.FormatInt(m.Quota, 10)
	usage := fmt.Sprintf("%.2f", m.UsageMB)
	switch form {
	case mailboxesBare:
		return map[string]any{"email": m.Address, "quota": m.Quota, "usage": m.UsageMB}
	case mailboxesLocalDomain:
		return map[string]any{"email": user, "domain": domain, "quota": quota, "usage": usage}
	case mailboxesLocalOnly:
		q := any(quota)
		if m.Quota == 0 {
			q = "unlimited"
		}
		return map[string]any{"email": user, "quota": q, "usage": usage}
	case mailboxesUserDomain:
		return map[string]any{"user": user, "domain": domain, "quota": quota, "usage": usage}
	case mailboxesStrings:
		return m.Address
	}
	return map[string]any{"email": m.Address, "quota": quota, "usage": usage}
}

// mailboxLocalPart is the e-mail local-part syntax the mock accepts.
var mailboxLocalPart = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?$`)

// mailboxPasswordProblem returns why the API refuses a mailbox password, or "".
func mailboxPasswordProblem(pw string) string {
	if len(pw) < 6 || len(pw) > 128 {
		return "Password must be between 6 and 128 characters."
	}
	return ""
}

func (s *Server) whEmailCreate(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	local, _ := fieldString(body, "email")
	local = strings.ToLower(strings.TrimSpace(local))
	pw, _ := fieldString(body, "password")
	quota, _, qerr := fieldInt(body, "quota")
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.hostingAccount(w, r)
	if a == nil {
		return
	}
	switch {
	case !mailboxLocalPart.MatchString(local) || strings.Contains(local, ".."):
		ghError(w, http.StatusBadRequest, "Invalid email address.")
		return
	case mailboxPasswordProblem(pw) != "":
		ghError(w, http.StatusBadRequest, mailboxPasswordProblem(pw))
		return
	case qerr != nil || quota < 0:
		ghError(w, http.StatusBadRequest, "Quota must be 0 (unlimited) or a positive number of MB.")
		return
	}
	addr := local + "@" + a.Domain
	if a.mailboxes[addr] != nil {
		ghError(w, http.StatusBadRequest, "Email account already exists.")
		return
	}
	a.mailboxes[addr] = &GigahostMailbox{Address: addr, Password: pw, Quota: quota}
	ghWrite(w, http.StatusCreated, "", map[string]any{"message": "Email account created successfully."})
}

// mailbox finds the account and mailbox of the {id} and {email} wildcards,
// or answers 404. Callers hold s.mu.
func (s *Server) mailbox(w http.ResponseWriter, r *http.Request) (*hostingAccount, *GigahostMailbox) {
	a := s.hostingAccount(w, r)
	if a == nil {
		return nil, nil
	}
	m := a.mailboxes[strings.ToLower(r.PathValue("email"))]
	if m == nil {
		ghError(w, http.StatusNotFound, "Email account not found.")
		return nil, nil
	}
	return a, m
}

func (s *Server) whEmailPassword(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	pw, _ := fieldString(body, "password")
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m := s.mailbox(w, r)
	if m == nil {
		return
	}
	if msg := mailboxPasswordProblem(pw); msg != "" {
		ghError(w, http.StatusBadRequest, msg)
		return
	}
	m.Password = pw
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "Password changed."})
}

func (s *Server) whEmailQuota(w http.ResponseWriter, r *http.Request, _ principal) {
	body, err := readJSON(r)
	if err != nil {
		ghError(w, http.StatusBadRequest, "Invalid JSON body.")
		return
	}
	quota, ok, qerr := fieldInt(body, "quota")
	s.mu.Lock()
	defer s.mu.Unlock()
	_, m := s.mailbox(w, r)
	if m == nil {
		return
	}
	if !ok || qerr != nil || quota < 0 {
		ghError(w, http.StatusBadRequest, "Quota must be 0 (unlimited) or a positive number of MB.")
		return
	}
	m.Quota = quota
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "Quota changed."})
}

func (s *Server) whEmailDelete(w http.ResponseWriter, r *http.Request, _ principal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, m := s.mailbox(w, r)
	if m == nil {
		return
	}
	delete(a.mailboxes, m.Address)
	ghWrite(w, http.StatusOK, "", map[string]any{"message": "Email account deleted."})
}

// Mailbox returns a copy of the mailbox address of a hosting account.
func (h WebhostingHandle) Mailbox(hostingID int64, address string) (GigahostMailbox, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if a := h.s.gigahost.webhosting.accounts[hostingID]; a != nil {
		if m := a.mailboxes[address]; m != nil {
			return *m, true
		}
	}
	return GigahostMailbox{}, false
}

// MailboxCount counts the mailboxes of a hosting account.
func (h WebhostingHandle) MailboxCount(hostingID int64) int {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if a := h.s.gigahost.webhosting.accounts[hostingID]; a != nil {
		return len(a.mailboxes)
	}
	return 0
}

// ChangeMailbox changes a mailbox as if done outside Terraform.
func (h WebhostingHandle) ChangeMailbox(hostingID int64, address string, change func(m *GigahostMailbox)) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if a := h.s.gigahost.webhosting.accounts[hostingID]; a != nil {
		if m := a.mailboxes[address]; m != nil {
			change(m)
			return true
		}
	}
	return false
}

// DeleteMailbox deletes a mailbox as if done outside Terraform.
func (h WebhostingHandle) DeleteMailbox(hostingID int64, address string) bool {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if a := h.s.gigahost.webhosting.accounts[hostingID]; a != nil && a.mailboxes[address] != nil {
		delete(a.mailboxes, address)
		return true
	}
	return false
}

// AddMailbox creates a mailbox as if done outside Terraform and
// returns its address.
func (h WebhostingHandle) AddMailbox(hostingID int64, local, password string, quota int64) (string, bool) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	a := h.s.gigahost.webhosting.accounts[hostingID]
	if a == nil {
		return "", false
	}
	addr := local + "@" + a.Domain
	a.mailboxes[addr] = &GigahostMailbox{Address: addr, Password: password, Quota: quota}
	return addr, true
}
