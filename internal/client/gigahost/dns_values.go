package gigahost

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// Record value forms.
//
// The evidence shows how the record list shows an A and an MX record (host
// without the trailing dot, priority apart) and which value a DELETE must
// carry for MX ("<priority> <host>.", FIELD-NOTES "DNS"). For every other
// type both are silent: TXT may be listed and matched plain or quoted, the
// targets of CNAME, NS, PTR and SRV with or without the trailing dot, the
// SRV priority apart or in front of the value, the CAA property value quoted
// or not. The client therefore reads every form (CanonicalValue, SameValue,
// normalizeRecord), and a delete tries each form (DeleteValues) until a
// fresh list no longer shows the record.

// CanonicalValue is the form in which two values of a type are compared: IP
// addresses parsed, host names in lower case without the trailing dot, TXT
// data without its quoting, CAA with its property value unquoted.
func CanonicalValue(recordType, value string) string {
	v := strings.TrimSpace(value)
	switch strings.ToUpper(recordType) {
	case "A", "AAAA":
		if ip := net.ParseIP(v); ip != nil {
			return ip.String()
		}
	case "CNAME", "MX", "NS", "PTR":
		// Every trailing dot and space, so that the canonical form is its
		// own canonical form ("..": "." then "" with one dot trimmed; "0 .":
		// "0 " then "0" with the space left; FuzzRecordValue).
		return trimName(v)
	case "SRV":
		f := strings.Fields(v)
		if len(f) > 0 {
			f[len(f)-1] = strings.ToLower(strings.TrimRight(f[len(f)-1], "."))
		}
		return strings.Join(f, " ")
	case "TXT":
		return UnquoteTXT(v)
	case "CAA":
		f := strings.SplitN(strings.Join(strings.Fields(v), " "), " ", 3)
		if len(f) == 3 {
			return f[0] + " " + strings.ToLower(f[1]) + " " + strings.Trim(f[2], `"`)
		}
	}
	return v
}

// SameValue reports whether two values of a type mean the same. For TXT,
// data in one pair of quotes also equals the same data unquoted, backslashes
// taken literally: an API that quotes TXT data without escaping it (`a\b`
// stored as "a\b") must not lose the record it wrote.
func SameValue(recordType, a, b string) bool {
	if CanonicalValue(recordType, a) == CanonicalValue(recordType, b) {
		return true
	}
	return strings.EqualFold(recordType, "TXT") && stripQuotes(a) == stripQuotes(b)
}

// UnquoteTXT turns `"abc" "def"` into `abcdef` (TXT character strings are
// joined); unquoted data is returned as is.
func UnquoteTXT(v string) string {
	if !strings.HasPrefix(v, `"`) {
		return v
	}
	var b strings.Builder
	in, esc := false, false
	for _, r := range v {
		switch {
		case esc:
			b.WriteRune(r)
			esc = false
		case in && r == '\\':
			esc = true
		case r == '"':
			in = !in
		case in:
			b.WriteRune(r)
		case r == ' ' || r == '\t':
			// between character strings
		default:
			return v // not a sequence of quoted strings: compare verbatim
		}
	}
	if in {
		return v
	}
	return b.String()
}

// stripQuotes removes one pair of surrounding double quotes.
func stripQuotes(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) {
		return v[1 : len(v)-1]
	}
	return v
}

// quoteTXT is TXT data in the zone-file form: quoted, backslashes and quotes
// escaped, split into strings of at most 255 characters.
func quoteTXT(v string) string {
	var parts []string
	for len(v) > 255 {
		parts = append(parts, v[:255])
		v = v[255:]
	}
	parts = append(parts, v)
	for i, p := range parts {
		parts[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(p) + `"`
	}
	return strings.Join(parts, " ")
}

// valueFields is how many fields a value of the type has without its
// priority (0: not counted).
func valueFields(recordType string) int {
	switch recordType {
	case "MX":
		return 1
	case "SRV":
		return 3
	}
	return 0
}

// normalizeRecord reads a listed record in every form: an MX or SRV value
// that carries the priority in front ("10 5 5060 sip.example.no") is split
// into the value and the priority, so that the rest of the provider sees
// one form.
func normalizeRecord(r Record) Record {
	typ := strings.ToUpper(string(r.Type))
	n := valueFields(typ)
	if n == 0 {
		return r
	}
	f := strings.Fields(string(r.Value))
	if len(f) != n+1 {
		return r
	}
	p, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return r
	}
	if r.Priority != nil && int64(*r.Priority) != p {
		return r // a number in front that is not the priority: keep the value whole
	}
	prio := client.Int(p)
	r.Priority = &prio
	r.Value = client.String(strings.Join(f[1:], " "))
	return r
}

// DeleteValues are the values a DELETE of r may need to carry to match it,
// the most likely first: for MX the stored form of the field notes; for
// the other types the form of the list first (a live client deletes TXT
// with the plain value), then the other plausible forms. r is a record as
// the list shows it.
func DeleteValues(r Record) []string {
	v := strings.TrimSpace(string(r.Value))
	prio := "0"
	if r.Priority != nil {
		prio = strconv.FormatInt(int64(*r.Priority), 10)
	}
	var forms []string
	switch strings.ToUpper(string(r.Type)) {
	case "MX":
		host := strings.TrimSuffix(v, ".")
		forms = []string{prio + " " + host + ".", prio + " " + host, host + ".", host}
	case "CNAME", "NS", "PTR":
		host := strings.TrimSuffix(v, ".")
		forms = []string{host + ".", host}
	case "SRV":
		head, target := "", strings.TrimSuffix(v, ".")
		if i := strings.LastIndexByte(v, ' '); i >= 0 {
			head, target = v[:i+1], strings.TrimSuffix(v[i+1:], ".")
		}
		forms = []string{prio + " " + head + target + ".", prio + " " + head + target, head + target + ".", head + target}
	case "TXT":
		plain := UnquoteTXT(v)
		forms = []string{v, plain, quoteTXT(plain), `"` + plain + `"`}
	case "CAA":
		forms = []string{v}
		if f := strings.SplitN(v, " ", 3); len(f) == 3 {
			bare := strings.Trim(f[2], `"`)
			forms = append(forms, f[0]+" "+f[1]+" \""+bare+"\"", f[0]+" "+f[1]+" "+bare)
		}
	default:
		forms = []string{v}
	}
	if forms = dedupe(forms); len(forms) == 0 {
		forms = []string{v} // never no form: a delete always sends one
	}
	return forms
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if s != "" && !containsString(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// RecordListed reports whether records still show r: the same record_id,
// or the same name, type, value and priority in any form.
func RecordListed(records []Record, r Record) bool {
	for _, o := range records {
		if r.ID != "" && o.ID == r.ID {
			return true
		}
		samePrio := (o.Priority == nil) == (r.Priority == nil) && (o.Priority == nil || *o.Priority == *r.Priority)
		if strings.EqualFold(string(o.Name), string(r.Name)) && strings.EqualFold(string(o.Type), string(r.Type)) &&
			SameValue(string(r.Type), string(o.Value), string(r.Value)) && samePrio {
			return true
		}
	}
	return false
}

// RecordNotDeletedError is a record a DELETE answered with success while the
// zone still lists it, in every value form tried.
type RecordNotDeletedError struct {
	ZoneID string
	Record Record
	Tried  []string
}

func (e *RecordNotDeletedError) Error() string {
	return fmt.Sprintf("the %s record %s with value %q is still in zone %s after the API answered its deletion with success; "+
		"the DELETE was sent with each of the values %q and none removed it (delete it in the Gigahost panel, then run terraform again)",
		e.Record.Type, e.Record.Name, string(e.Record.Value), e.ZoneID, e.Tried)
}
