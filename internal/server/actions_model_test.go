package server

import (
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
)

func TestActionsParity(t *testing.T) {
	t.Parallel()
	parity.AssertAction(t, NewRebootAction(), rebootModel{})
	parity.AssertAction(t, NewPowerAction(), powerModel{})
}
