package provider_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
)

// The documentation's examples are applied against the mock, so that the
// Registry never shows an example that does not work.
func TestAccExamples(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../examples/*/gigas_*/*.tf")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no example found")
	}
	for _, file := range files {
		if filepath.Base(file) != "resource.tf" && filepath.Base(file) != "data-source.tf" {
			continue
		}
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			t.Parallel()
			hcl, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			env := acctest.New(t)
			env.Test(t, resource.TestCase{Steps: []resource.TestStep{{Config: env.Config(string(hcl))}}})
		})
	}
}
