package webhosting

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
)

func TestEmailsDataSourceParity(t *testing.T) {
	parity.AssertDataSource(t, NewEmailsDataSource(), emailsModel{})
}
