package webhosting

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
)

func TestDatabaseSchemaModelParity(t *testing.T) {
	parity.AssertResource(t, NewDatabaseResource(), databaseModel{})
}

func TestSameDatabaseName(t *testing.T) {
	for _, c := range []struct {
		full, name string
		same       bool
	}{
		{"shop", "shop", true}, {"exampleno_shop", "shop", true}, {"exampleno_shop", "exampleno_shop", true},
		{"exampleno_shop", "other", false}, {"shop", "exampleno_shop", false}, {"my_shop_db", "shop_db", true},
	} {
		if got := sameDatabaseName(c.full, c.name); got != c.same {
			t.Errorf("sameDatabaseName(%q, %q) = %v", c.full, c.name, got)
		}
	}
}
