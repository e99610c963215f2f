package providerdata

import (
	"testing"
)

func TestCredentialsError(t *testing.T) {
	cases := []struct {
		key, user, pass string
		want            string
	}{
		{"k", "", "", ""},
		{"", "u", "p", ""},
		{"", "", "", "no Gigahost credentials are configured: set the provider attribute gigahost_api_key (or the environment variable GIGAHOST_API_KEY), or gigahost_username and gigahost_password (GIGAHOST_USERNAME, GIGAHOST_PASSWORD)"},
		{"", "u", "", "gigahost_username is set but gigahost_password is not: set gigahost_password (or GIGAHOST_PASSWORD)"},
		{"", "", "p", "gigahost_password is set but gigahost_username is not: set gigahost_username (or GIGAHOST_USERNAME)"},
	}
	for _, c := range cases {
		err := credentialsError("Gigahost", "gigahost", c.key, c.user, c.pass)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("credentialsError(%q, %q, %q) = %q, want %q", c.key, c.user, c.pass, got, c.want)
		}
	}
}
