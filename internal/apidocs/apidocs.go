// Package apidocs finds the APIs' published docs, their example responses
// and the live samples (../shared/api beside the repository) for tests that
// feed them to the decoders. They are the evidence of what the APIs send;
// the mock is not.
package apidocs

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared/api folder: the first ../shared/api found walking
// up from the working directory. A test that needs it fails when it is
// missing: CI and every developer machine have it beside the repository.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		candidate := filepath.Join(dir, "shared", "api")
		if st, err := os.Stat(candidate); err == nil && st.IsDir() {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("shared/api (the APIs' docs, examples and samples) was not found beside the repository")
		}
		dir = parent
	}
}

// Read returns a file below shared/api, such as
// "examples/gigahost/GET_dns_zones.json" or "samples/gigahost/server-get.live.json".
func Read(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Dir(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
