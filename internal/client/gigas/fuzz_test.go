package gigas

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

// gigasSeeds are the docs' example answers and the plausible shapes the
// decoders accept (bare, wrapped under the resource's name or "data").
func gigasSeeds(f *testing.F) [][]byte {
	paths, _ := filepath.Glob(filepath.Join(apidocs.Dir(f), "examples", "gigas", "*.json"))
	if len(paths) == 0 {
		f.Fatal("no Gigas example answers found")
	}
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	for _, s := range []string{`[]`, `{}`, `null`, `[{"id":1}]`, `{"virtual_machines":[{"virtual_machine":{"id":"2"}}]}`,
		`{"data":[{"id":3,"label":"x"}]}`, `{"virtual_machine":{"id":4}}`, `{"data":{"id":"5"}}`, `{"disks":null}`, `[{"disk":{}}]`} {
		out = append(out, []byte(s))
	}
	return out
}

// FuzzDecodeList: a list answer is never read as fewer items than it holds,
// and no items only come from an empty list or null (an unknown shape is
// an error).
func FuzzDecodeList(f *testing.F) {
	for _, b := range gigasSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		vms, err := decodeList[VirtualMachine](body, "virtual_machine", "virtual_machines")
		_, _ = decodeList[map[string]json.RawMessage](body, "disk", "disks", "virtual_machine_disks")
		_, _ = decodeList[ISOJoin](body, "iso_join", "isos", "iso_joins")
		if err != nil {
			return
		}
		var bare []json.RawMessage
		if json.Unmarshal(bytes.TrimSpace(body), &bare) == nil && len(bare) != len(vms) {
			t.Fatalf("a list of %d read as %d", len(bare), len(vms))
		}
		// A bare null is no items, as the Gigahost decoders read it.
		if len(vms) == 0 && bare == nil && string(bytes.TrimSpace(body)) != "null" {
			var obj map[string]json.RawMessage
			_ = json.Unmarshal(body, &obj)
			found := false
			for _, k := range []string{"virtual_machines", "data"} {
				var l []json.RawMessage
				if json.Unmarshal(obj[k], &l) == nil && l != nil && len(l) == 0 {
					found = true
				}
			}
			if !found {
				t.Fatalf("%q read as no items", body)
			}
		}
	})
}

// FuzzDecodeObject: an object is returned exactly when there is no error.
func FuzzDecodeObject(f *testing.F) {
	for _, b := range gigasSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		vm, err := decodeObject[VirtualMachine](body, "virtual_machine")
		if (vm == nil) == (err == nil) {
			t.Fatalf("%q: object %v with error %v", body, vm, err)
		}
		_, _ = decodeObject[ISOJoin](body, "iso_join")
	})
}
