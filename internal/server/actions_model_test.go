package server

import (
	"testing"
	"time"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

func TestActionsParity(t *testing.T) {
	t.Parallel()
	parity.AssertAction(t, NewRebootAction(), rebootModel{})
	parity.AssertAction(t, NewPowerAction(), powerModel{})
}

func TestIPMIEphemeralParity(t *testing.T) {
	t.Parallel()
	parity.AssertEphemeral(t, NewIPMIEphemeral(), ipmiModel{})
}

// The session's expiry is RFC 3339 in UTC.
func TestIPMIFromAPI(t *testing.T) {
	t.Parallel()
	var m ipmiModel
	m.fromAPI(gigahost.IPMISession{Address: "185.125.168.17", Username: "kvm1", Password: "pw", ExpiresAt: time.Unix(1530717076, 0)})
	if m.ExpiresAt.ValueString() != "2018-07-04T15:11:16Z" || m.Address.ValueString() != "185.125.168.17" || m.Username.ValueString() != "kvm1" || m.Password.ValueString() != "pw" {
		t.Errorf("%+v", m)
	}
}
