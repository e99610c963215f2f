package gigahost

import "strings"

// How a record written is found in its zone's list: the API answers a
// write with no record id, and record ids are hashes of the content.

// defaultRecordTTL is the TTL the API gives a record created without one.
const defaultRecordTTL = 3600

// recordKey is a record's content in comparable form: what tells, after a
// write, whether the zone holds the record written.
type recordKey struct {
	name, typ, value string
	ttl, priority    int64 // priority -1 for types without one
}

func hasPriority(recordType string) bool { return recordType == "MX" || recordType == "SRV" }

// keyOf is the key of a record as the API lists it.
func keyOf(r Record, zone string) recordKey {
	typ := strings.ToUpper(string(r.Type))
	k := recordKey{name: RelativeName(string(r.Name), zone), typ: typ, value: CanonicalValue(typ, string(r.Value)), ttl: int64(r.TTL), priority: -1}
	if hasPriority(typ) && r.Priority != nil {
		k.priority = int64(*r.Priority)
	}
	return k
}

// inputKey is the key of the record a create or update body writes.
func inputKey(in RecordInput, zone string) recordKey {
	typ := strings.ToUpper(in.Type)
	k := recordKey{name: RelativeName(in.Name, zone), typ: typ, value: CanonicalValue(typ, in.Value), ttl: in.TTL, priority: -1}
	if k.ttl == 0 {
		k.ttl = defaultRecordTTL
	}
	if hasPriority(typ) && in.Priority != nil {
		k.priority = *in.Priority
	}
	return k
}

// findKey finds a record with exactly this content.
func findKey(records []Record, key recordKey, zone string) (Record, bool) {
	for _, r := range records {
		if keyOf(r, zone) == key {
			return r, true
		}
	}
	return Record{}, false
}

func hasKey(records []Record, key recordKey, zone string) bool {
	_, ok := findKey(records, key, zone)
	return ok
}

// MatchesRecord reports whether a listed record has this name, type and
// value (in any form).
func MatchesRecord(r Record, name, recordType, value, zone string) bool {
	return strings.EqualFold(string(r.Type), recordType) &&
		RelativeName(string(r.Name), zone) == RelativeName(name, zone) &&
		SameValue(recordType, string(r.Value), value)
}

// findWritten finds the record a create or update just wrote: same name,
// type, value, TTL and priority, else same name, type and value.
func findWritten(records []Record, in RecordInput, zone string) (Record, bool) {
	var loose *Record
	for i, r := range records {
		if r.ID == "" || !MatchesRecord(r, in.Name, in.Type, in.Value, zone) {
			continue
		}
		samePrio := !hasPriority(in.Type) || (in.Priority != nil && r.Priority != nil && int64(*r.Priority) == *in.Priority)
		if int64(r.TTL) == in.TTL && samePrio {
			return r, true
		}
		if loose == nil {
			loose = &records[i]
		}
	}
	if loose != nil {
		return *loose, true
	}
	return Record{}, false
}
