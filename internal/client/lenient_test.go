package client

import (
	"encoding/json"
	"strings"
	"testing"
)

// decodeField decodes {"v": raw} into a struct field of type T, as the API
// structs do.
func decodeField[T any](raw string) (T, error) {
	var out struct {
		V T `json:"v"`
	}
	err := json.Unmarshal([]byte(`{"v":`+raw+`}`), &out)
	return out.V, err
}

func TestIntAccepts(t *testing.T) {
	t.Parallel()
	cases := map[string]Int{
		`42`: 42, `-7`: -7, `0`: 0, `"42"`: 42, `"-7"`: -7, `""`: 0, `null`: 0,
		`1e3`: 1000, `"1e3"`: 1000, `2.0`: 2, `"1024.0"`: 1024, `2.9`: 2,
		`true`: 1, `false`: 0, `"true"`: 1, `"false"`: 0,
		`9007199254740993`: 9007199254740993, `"9223372036854775807"`: 9223372036854775807,
	}
	for raw, want := range cases {
		got, err := decodeField[Int](raw)
		if err != nil || got != want {
			t.Errorf("Int from %s = %d, %v; want %d", raw, got, err, want)
		}
	}
}

func TestIntRejects(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{`"abc"`, `"12abc"`, `"0x10"`, `{}`, `[]`, `[1]`, `"NaN"`, `"Inf"`, `"-Infinity"`, `1e300`, `"1e19"`, `"yes"`} {
		if got, err := decodeField[Int](raw); err == nil {
			t.Errorf("Int from %s = %d, want an error", raw, got)
		}
	}
}

func TestFloatAccepts(t *testing.T) {
	t.Parallel()
	cases := map[string]Float{
		`1.5`: 1.5, `"1.5"`: 1.5, `-2`: -2, `"-2"`: -2, `"99.00"`: 99, `0`: 0, `""`: 0, `null`: 0, `1e-3`: 0.001,
	}
	for raw, want := range cases {
		got, err := decodeField[Float](raw)
		if err != nil || got != want {
			t.Errorf("Float from %s = %v, %v; want %v", raw, got, err, want)
		}
	}
}

func TestFloatRejects(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{`"abc"`, `"1,5"`, `true`, `{}`, `[]`, `"NaN"`, `"Inf"`, `"infinity"`} {
		if got, err := decodeField[Float](raw); err == nil {
			t.Errorf("Float from %s = %v, want an error", raw, got)
		}
	}
}

func TestStringAccepts(t *testing.T) {
	t.Parallel()
	cases := map[string]String{
		`"web"`: "web", `""`: "", `null`: "", `"226661012"`: "226661012", `226661012`: "226661012",
		`1.50`: "1.50", `-3`: "-3", `"a \"quoted\" \u00e6"`: `a "quoted" æ`, `true`: "true", `false`: "false",
	}
	for raw, want := range cases {
		got, err := decodeField[String](raw)
		if err != nil || got != want {
			t.Errorf("String from %s = %q, %v; want %q", raw, got, err, want)
		}
	}
}

func TestStringKeepsOtherShapesAsText(t *testing.T) {
	t.Parallel()
	// A PHP API sends [] for an empty value of any kind; String keeps such
	// shapes as their JSON text rather than failing the whole answer.
	for raw, want := range map[string]String{`[]`: "[]", `{"a":1}`: `{"a":1}`} {
		got, err := decodeField[String](raw)
		if err != nil || got != want {
			t.Errorf("String from %s = %q, %v; want %q", raw, got, err, want)
		}
	}
}

func TestBoolAccepts(t *testing.T) {
	t.Parallel()
	truths := []string{`true`, `1`, `"1"`, `"true"`, `"TRUE"`, `"True"`, `"yes"`, `"on"`, `"t"`, `"y"`}
	lies := []string{`false`, `0`, `"0"`, `"false"`, `"no"`, `"off"`, `"f"`, `"n"`, `""`, `null`}
	for _, raw := range truths {
		if got, err := decodeField[Bool](raw); err != nil || !bool(got) {
			t.Errorf("Bool from %s = %v, %v; want true", raw, got, err)
		}
	}
	for _, raw := range lies {
		if got, err := decodeField[Bool](raw); err != nil || bool(got) {
			t.Errorf("Bool from %s = %v, %v; want false", raw, got, err)
		}
	}
}

func TestBoolRejects(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{`2`, `"2"`, `-1`, `"maybe"`, `{}`, `[]`, `"active"`} {
		if got, err := decodeField[Bool](raw); err == nil {
			t.Errorf("Bool from %s = %v, want an error", raw, got)
		}
	}
}

func TestLenientInAStruct(t *testing.T) {
	t.Parallel()
	// One answer mixing the forms, as the live APIs do (FIELD-NOTES).
	var vm struct {
		ID     String `json:"id"`
		Memory Int    `json:"memory"`
		CPUs   Int    `json:"cpus"`
		Locked Bool   `json:"locked"`
		Price  Float  `json:"price"`
		Note   String `json:"note"`
	}
	err := json.Unmarshal([]byte(`{"id":226661014786,"memory":"1024","cpus":2,"locked":"0","price":"9.90","note":null}`), &vm)
	if err != nil {
		t.Fatal(err)
	}
	if vm.ID != "226661014786" || vm.Memory != 1024 || vm.CPUs != 2 || vm.Locked || vm.Price != 9.9 || vm.Note != "" {
		t.Errorf("decoded %+v", vm)
	}
	// A bad field fails the whole decode with a message naming the value.
	err = json.Unmarshal([]byte(`{"memory":"lots"}`), &vm)
	if err == nil || !strings.Contains(err.Error(), `"lots"`) {
		t.Errorf("err = %v, want one quoting the bad value", err)
	}
}
