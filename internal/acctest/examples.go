package acctest

import (
	"os"
	"regexp"
	"testing"
)

// terraformBlock matches a top-level terraform { ... } block, which the test
// harness replaces with its own provider sources.
var terraformBlock = regexp.MustCompile(`(?ms)^terraform \{.*?^\}\n`)

// Example reads a documentation example (examples/...) without its
// terraform block, ready to follow Env.Config or ProviderConfig.
func Example(t testing.TB, file string) string {
	t.Helper()
	hcl, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return terraformBlock.ReplaceAllString(string(hcl), "")
}
