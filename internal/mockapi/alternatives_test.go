package mockapi

import (
	"slices"
	"strings"
	"testing"
)

// Every silent point has at least two forms (else it is not a choice), no
// form twice, and a reason that says what the evidence leaves open.
func TestAlternativesAreChoices(t *testing.T) {
	seen := map[Alt]bool{}
	for _, a := range Alternatives() {
		if seen[a.Name] {
			t.Errorf("%s: listed twice", a.Name)
		}
		seen[a.Name] = true
		if len(a.Forms) < 2 {
			t.Errorf("%s: %d form(s); an alternative needs at least two", a.Name, len(a.Forms))
		}
		forms := map[string]bool{}
		for _, f := range a.Forms {
			if f == "" || forms[f] || strings.ContainsAny(f, ",=") {
				t.Errorf("%s: form %q empty, repeated or with , or =", a.Name, f)
			}
			forms[f] = true
		}
		skipped := append(slices.Clone(a.Refused), a.Unread...)
		for i, f := range skipped {
			if !forms[f] || f == a.Forms[0] || slices.Index(skipped, f) != i {
				t.Errorf("%s: refused or unread form %q is not one of its forms, is the default, or is listed twice", a.Name, f)
			}
		}
		if strings.TrimSpace(a.Why) == "" {
			t.Errorf("%s: no reason given", a.Name)
		}
	}
}

func TestParseAlts(t *testing.T) {
	all := Alternatives()
	if len(all) == 0 {
		t.Skip("no alternatives registered yet")
	}
	a := all[0]
	got, err := ParseAlts(" " + string(a.Name) + "=" + a.Forms[1] + " ,")
	if err != nil || got[a.Name] != a.Forms[1] || len(got) != 1 {
		t.Fatalf("ParseAlts = %v, %v; want %s=%s", got, err, a.Name, a.Forms[1])
	}
	for _, bad := range []string{"nosuch=x", string(a.Name) + "=nosuchform", string(a.Name)} {
		if _, err := ParseAlts(bad); err == nil {
			t.Errorf("ParseAlts(%q) accepted", bad)
		}
	}
	s := New(Options{Alts: got})
	if s.Alt(a.Name) != a.Forms[1] {
		t.Errorf("Options.Alts not applied: %s answers %q", a.Name, s.Alt(a.Name))
	}
	s.SetAlt(a.Name, a.Forms[0])
	if s.Alt(a.Name) != a.Forms[0] {
		t.Errorf("SetAlt not applied")
	}
	defer func() {
		if recover() == nil {
			t.Error("SetAlt of an unknown form did not panic")
		}
	}()
	s.SetAlt(a.Name, "nosuchform")
}
