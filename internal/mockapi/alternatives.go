package mockapi

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Alt names a point where the docs, the samples and the field notes are
// silent, so that the live API may answer in more than one plausible form.
// By default the mock answers in the first (evidenced or most likely) form;
// a test switches it to each other form to prove that the client's defence
// holds whichever the live API uses.
type Alt string

// AltSpec is one silent point and its plausible forms. Forms[0] is the
// default. Why says what the evidence shows and what it does not.
type AltSpec struct {
	Name  Alt
	Forms []string
	Why   string
	// Refused are the forms (never the default) that the client refuses
	// with a clear error by design: the defence "refuse clearly". The
	// point's own EachForm or EachRound test expects that error; the
	// whole-suite rounds of scripts/test-alts.sh leave these forms out,
	// since every other test would fail on them as intended.
	Refused []string
	// Unread are the forms (never the default) that the client by design
	// does not read, keeping the prior value instead (the defence "keep
	// prior"): an import or a data source then shows null. The rounds leave
	// them out for the same reason as Refused.
	Unread []string
}

// Skipped reports whether the whole-suite rounds leave form out: a form
// that the client refuses or does not read by design.
func (s AltSpec) Skipped(form string) string {
	switch {
	case slices.Contains(s.Refused, form):
		return "refused"
	case slices.Contains(s.Unread, form):
		return "unread"
	}
	return ""
}

// Alternatives lists every silent point the mock can switch, by area. Each
// area's list lives beside its handlers (alternatives_*.go).
func Alternatives() []AltSpec { return slices.Clone(allAlts()) }

// allAlts is Alternatives, built once: the mock looks a point up for every
// record it lists (a zone of 1,000 records built and sorted the list some
// thousands of times per answer).
var allAlts = sync.OnceValue(func() []AltSpec {
	var all []AltSpec
	for _, area := range [][]AltSpec{gigasAlts, gigasExtrasAlts, dnsAlts, dnssecAlts, deployAlts, serverExtrasAlts, accountAlts, bgpAlts, envelopeAlts, webhostingSSLAlts, webhostingExtrasAlts, actionsAlts} {
		all = append(all, area...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
})

// AltSpecOf returns the spec of a, or false when the mock has no such point.
func AltSpecOf(a Alt) (AltSpec, bool) {
	for _, s := range allAlts() {
		if s.Name == a {
			return s, true
		}
	}
	return AltSpec{}, false
}

// SetAlt switches a silent point to one of its forms. It panics on an
// unknown point or form: a test that asks for what the mock cannot do must
// not pass quietly.
func (s *Server) SetAlt(a Alt, form string) {
	spec, ok := AltSpecOf(a)
	if !ok {
		panic(fmt.Sprintf("mockapi: unknown alternative %q", a))
	}
	if !slices.Contains(spec.Forms, form) {
		panic(fmt.Sprintf("mockapi: alternative %q has no form %q (forms: %s)", a, form, strings.Join(spec.Forms, ", ")))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.alts == nil {
		s.alts = map[Alt]string{}
	}
	s.alts[a] = form
}

// Alt returns the form a silent point answers in now.
func (s *Server) Alt(a Alt) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.altLocked(a)
}

// altLocked is Alt for callers that hold s.mu.
func (s *Server) altLocked(a Alt) string {
	if f, ok := s.alts[a]; ok {
		return f
	}
	if spec, ok := AltSpecOf(a); ok {
		return spec.Forms[0]
	}
	panic(fmt.Sprintf("mockapi: unknown alternative %q", a))
}

// ParseAlts reads "name=form,name=form" (as in GIGA_MOCK_ALTS) into a map,
// checking every name and form.
func ParseAlts(s string) (map[Alt]string, error) {
	out := map[Alt]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, form, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("alternative %q: want name=form", part)
		}
		spec, known := AltSpecOf(Alt(name))
		if !known {
			return nil, fmt.Errorf("unknown alternative %q", name)
		}
		if !slices.Contains(spec.Forms, form) {
			return nil, fmt.Errorf("alternative %q has no form %q (forms: %s)", name, form, strings.Join(spec.Forms, ", "))
		}
		out[Alt(name)] = form
	}
	return out, nil
}
