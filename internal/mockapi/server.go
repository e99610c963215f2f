// Package mockapi is a stateful in-memory stand-in for the Gigas and Gigahost
// APIs. It is written from the published docs and the field notes, in the
// APIs' own JSON shapes, and shares no code or types with internal/client, so
// that a misreading in one cannot hide in the other. The live quirks are on
// by default. Tests start it in process and reach into its state through the
// Server's sub-handles (m.Gigas, m.Gigahost.DNS, ...; handles.go); cmd/giga-mock
// runs it on its own.
package mockapi

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Fault is a failure the mock can inject before handling a request.
type Fault string

// The injectable faults. None of them lets the request reach the handler, so
// a client may safely retry it.
const (
	Fault429  Fault = "429"
	Fault500  Fault = "500"
	Fault502  Fault = "502"
	FaultDrop Fault = "drop"
	// FaultDropAfter lets the request take effect, then drops the
	// connection before the answer: the client cannot tell what happened.
	// It is not among AllFaults; ask for it by name.
	FaultDropAfter Fault = "drop-after"
	// FaultAck acknowledges the request without acting: the service's empty
	// success answer (HTTP 200; on Gigahost the envelope with data []), the
	// handler never runs. It is a write the API accepts but does not do,
	// such as a delete that matched nothing. It is not among AllFaults; ask
	// for it by name.
	FaultAck Fault = "ack"
	// FaultOverBudget is the 429 of Options.RequestsPerSecond: the request
	// came past the budget. It is not drawn at random.
	FaultOverBudget Fault = "over-budget"
)

// AllFaults is every fault kind that stops a request before it takes effect.
var AllFaults = []Fault{Fault429, Fault500, Fault502, FaultDrop}

// targetedFault answers the next n matching requests with a fault.
type targetedFault struct {
	service, method, pathPrefix string
	fault                       Fault
	n                           int
}

// FailNext answers the next n requests of a service with this method and
// path prefix by the fault, whatever the fault rate.
func (s *Server) FailNext(service, method, pathPrefix string, fault Fault, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.targeted = append(s.targeted, &targetedFault{service: service, method: method, pathPrefix: pathPrefix, fault: fault, n: n})
}

// takeTargeted returns the targeted fault for a request, if any. Callers hold s.mu.
func (s *Server) takeTargeted(rec RequestRecord) Fault {
	for _, t := range s.targeted {
		if t.n > 0 && t.matches(rec) {
			t.n--
			return t.fault
		}
	}
	return ""
}

func (t *targetedFault) matches(rec RequestRecord) bool {
	return t.service == rec.Service && t.method == rec.Method && strings.HasPrefix(rec.Path, t.pathPrefix)
}

// afterHook runs then after the next matching request succeeded.
type afterHook struct {
	match targetedFault
	then  func()
}

// AfterNext calls then once, after the next request of a service with this
// method and path prefix has taken effect (the handler answered 2xx) and
// before its answer leaves: for example a FailNext on the reads that follow
// a create. then runs without the mock's lock, so it may call any method.
func (s *Server) AfterNext(service, method, pathPrefix string, then func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.after = append(s.after, &afterHook{match: targetedFault{service: service, method: method, pathPrefix: pathPrefix, n: 1}, then: then})
}

// runAfter calls the hook waiting for this request, if any.
func (s *Server) runAfter(rec RequestRecord) {
	if rec.Status < 200 || rec.Status > 299 {
		return
	}
	s.mu.Lock()
	var then func()
	for _, h := range s.after {
		if h.match.n > 0 && h.match.matches(rec) {
			h.match.n--
			then = h.then
			break
		}
	}
	s.mu.Unlock()
	if then != nil {
		then()
	}
}

// Options are the mock's knobs.
type Options struct {
	// Seed makes the random choices (faults, quirks, ids) reproducible.
	Seed uint64
	// Latency is added to every request.
	Latency time.Duration
	// ProvisioningDelay is how long Gigas queue tokens stay pending and how
	// long a Gigahost deploy takes from order to ready.
	ProvisioningDelay time.Duration
	// FaultRate is the share of requests (0 to 1) answered by a random fault
	// from Faults instead of the handler.
	FaultRate float64
	// Faults lists the faults to draw from; empty means AllFaults.
	Faults []Fault
	// RetryAfterSeconds is sent with injected 429s. Zero sends "0".
	RetryAfterSeconds int
	// RequestsPerSecond is a 429 budget per service: a request that arrives
	// when the service has already answered this many in the last second
	// gets 429 with Retry-After: 1 (recorded with Fault FaultOverBudget),
	// as an API that rate-limits an account does. Zero is no budget.
	RequestsPerSecond int
	// SessionTTL is the lifetime of session tokens from POST /token and
	// POST /authenticate. Zero means one hour.
	SessionTTL time.Duration
	// Alts switches silent points to other plausible forms (see Alt).
	Alts map[Alt]string
}

// DefaultOptions are the demo settings: quick enough to watch, slow enough to
// show the provider waiting.
func DefaultOptions() Options {
	return Options{Seed: 1, ProvisioningDelay: 3 * time.Second, RetryAfterSeconds: 1}
}

// RequestRecord is one request the mock received.
type RequestRecord struct {
	Service string // "gigas" or "gigahost"
	Method  string
	Path    string // below the service prefix, without the query
	Query   string
	Status  int
	Fault   Fault     // the injected fault, if any
	At      time.Time // when the request arrived, before any injected latency
}

// Prefixes under which the mock serves each API.
const (
	GigasPrefix    = "/gigas"
	GigahostPrefix = "/gigahost/api/v0"
)

// Server is the mock. All methods are safe for concurrent use.
type Server struct {
	mu       sync.Mutex
	opts     Options
	rng      *rand.Rand
	requests []RequestRecord
	targeted []*targetedFault
	after    []*afterHook
	httpSrv  *httptest.Server
	alts     map[Alt]string
	// budget holds, per service, when the requests of the last second
	// under Options.RequestsPerSecond arrived.
	budget map[string][]time.Time

	gigas    *gigasState
	gigahost *gigahostState

	// The test handle's areas (handles.go): m.Gigas.VM(id),
	// m.Gigahost.DNS.Records(zoneID), ...
	Gigas    GigasHandle
	Gigahost GigahostHandle
}

// New builds a mock with its seed data. It does not listen yet.
func New(opts Options) *Server {
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = time.Hour
	}
	if len(opts.Faults) == 0 {
		opts.Faults = AllFaults
	}
	s := &Server{opts: opts, rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))} //nolint:gosec // reproducible test randomness
	s.gigas = newGigasState()
	s.gigahost = newGigahostState()
	s.initHandles()
	for a, f := range opts.Alts {
		s.SetAlt(a, f)
	}
	return s
}

// Start listens on a free loopback port.
func (s *Server) Start() {
	s.httpSrv = httptest.NewServer(s.Handler())
}

// StartOn listens on addr (host:port).
func (s *Server) StartOn(addr string) error {
	l, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", addr)
	if err != nil {
		return err
	}
	s.httpSrv = httptest.NewUnstartedServer(s.Handler())
	_ = s.httpSrv.Listener.Close()
	s.httpSrv.Listener = l
	s.httpSrv.Start()
	return nil
}

// Close stops listening.
func (s *Server) Close() {
	if s.httpSrv != nil {
		s.httpSrv.Close()
	}
}

// URL is the root the mock listens on.
func (s *Server) URL() string { return s.httpSrv.URL }

// GigasURL is the endpoint to configure as gigas_endpoint.
func (s *Server) GigasURL() string { return s.httpSrv.URL + GigasPrefix }

// GigahostURL is the endpoint to configure as gigahost_endpoint.
func (s *Server) GigahostURL() string { return s.httpSrv.URL + GigahostPrefix }

// SetFaultRate changes the share of requests answered by an injected fault.
func (s *Server) SetFaultRate(rate float64, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.FaultRate = rate
	if len(faults) > 0 {
		s.opts.Faults = faults
	}
}

// SetProvisioningDelay changes how long new Gigas transactions and Gigahost
// deploys take.
func (s *Server) SetProvisioningDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.ProvisioningDelay = d
}

// Requests returns a copy of every request received so far.
func (s *Server) Requests() []RequestRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]RequestRecord(nil), s.requests...)
}

// ResetRequests forgets the requests received so far.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// CountRequests counts the requests of a service whose method matches (""
// for any) and whose path starts with pathPrefix, faults excluded.
func (s *Server) CountRequests(service, method, pathPrefix string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Service == service && (method == "" || r.Method == method) && strings.HasPrefix(r.Path, pathPrefix) && r.Fault == "" {
			n++
		}
	}
	return n
}

// CountStatus counts a service's answers with this HTTP status, injected
// faults excluded.
func (s *Server) CountStatus(service string, status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Service == service && r.Status == status && r.Fault == "" {
			n++
		}
	}
	return n
}

// Handler serves both APIs: Gigas under /gigas, Gigahost under /gigahost/api/v0.
func (s *Server) Handler() http.Handler {
	gigasMux := http.NewServeMux()
	s.registerGigas(gigasMux)
	gigahostMux := http.NewServeMux()
	s.registerGigahost(gigahostMux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var service string
		var next http.Handler
		switch {
		case strings.HasPrefix(r.URL.Path, GigahostPrefix+"/") || r.URL.Path == GigahostPrefix:
			service, next = "gigahost", http.StripPrefix(GigahostPrefix, gigahostMux)
		case strings.HasPrefix(r.URL.Path, GigasPrefix+"/"):
			service, next = "gigas", http.StripPrefix(GigasPrefix, gigasMux)
		default:
			http.NotFound(w, r)
			return
		}
		path := strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, GigahostPrefix), GigasPrefix)
		rec := RequestRecord{Service: service, Method: r.Method, Path: path, Query: r.URL.RawQuery, At: time.Now()}

		s.mu.Lock()
		latency := s.opts.Latency
		fault := s.takeTargeted(rec)
		if fault == "" {
			fault = s.drawFault()
		}
		if fault == "" && s.overBudget(service, rec.At) {
			fault = FaultOverBudget
		}
		s.mu.Unlock()
		if latency > 0 {
			time.Sleep(latency)
		}
		if fault == FaultDropAfter {
			next.ServeHTTP(httptest.NewRecorder(), r)
		}
		if fault == FaultDrop || fault == FaultDropAfter {
			// Record before the connection closes: the client sees the
			// drop at once and may count requests straight away.
			rec.Fault = fault
			s.record(rec)
			s.injectFault(w, service, fault)
			return
		}
		if fault != "" {
			rec.Fault = fault
			rec.Status = s.injectFault(w, service, fault)
			s.record(rec)
			return
		}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		rec.Status = sw.status
		s.runAfter(rec)
		s.record(rec)
	})
}

func (s *Server) record(r RequestRecord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// overBudget reports whether a request to service arriving at now is past
// Options.RequestsPerSecond, and counts it when it is not. Callers hold s.mu.
func (s *Server) overBudget(service string, now time.Time) bool {
	if s.opts.RequestsPerSecond <= 0 {
		return false
	}
	if s.budget == nil {
		s.budget = map[string][]time.Time{}
	}
	recent := s.budget[service]
	i := 0
	for i < len(recent) && now.Sub(recent[i]) >= time.Second {
		i++
	}
	recent = recent[i:]
	if len(recent) >= s.opts.RequestsPerSecond {
		s.budget[service] = recent
		return true
	}
	s.budget[service] = append(recent, now)
	return false
}

// SetRequestsPerSecond changes Options.RequestsPerSecond (0: no budget).
func (s *Server) SetRequestsPerSecond(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.RequestsPerSecond = n
}

// drawFault picks a fault for this request, or none. Callers hold s.mu.
func (s *Server) drawFault() Fault {
	if s.opts.FaultRate <= 0 || s.rng.Float64() >= s.opts.FaultRate {
		return ""
	}
	return s.opts.Faults[s.rng.IntN(len(s.opts.Faults))]
}

func (s *Server) injectFault(w http.ResponseWriter, service string, f Fault) int {
	switch f {
	case FaultAck:
		if service == "gigahost" {
			ghWrite(w, http.StatusOK, "", nil)
		} else {
			writeJSON(w, http.StatusOK, map[string]any{})
		}
		return http.StatusOK
	case Fault429, FaultOverBudget:
		s.mu.Lock()
		ra := s.opts.RetryAfterSeconds
		s.mu.Unlock()
		if f == FaultOverBudget {
			ra = 1 // the window is a second
		}
		w.Header().Set("Retry-After", itoa(ra))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"message": "Too many requests"})
		return http.StatusTooManyRequests
	case Fault500:
		writeJSON(w, http.StatusInternalServerError, map[string]any{"message": "Unknown server error"})
		return http.StatusInternalServerError
	case Fault502:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
		return http.StatusBadGateway
	default:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return 0
			}
		}
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"message": "connection dropped"})
		return http.StatusServiceUnavailable
	}
}

// provisioningDelay is read under the lock by handlers creating work.
func (s *Server) provisioningDelay() time.Duration {
	return s.opts.ProvisioningDelay
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func readJSON(r *http.Request) (map[string]any, error) {
	body := map[string]any{}
	if r.Body == nil || r.ContentLength == 0 {
		return body, nil
	}
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&body); err != nil {
		return nil, err
	}
	return body, nil
}
