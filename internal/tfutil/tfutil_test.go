package tfutil

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// An API error shows its status and message; what it was wrapped in (the
// step that met it) stays in the diagnostic; other errors are shown as they are.
func TestAddAPIError(t *testing.T) {
	apiErr := &client.APIError{Method: "GET", Path: "/servers", Status: 500, Message: "Unknown server error"}
	for _, tc := range []struct {
		name string
		err  error
		want []string
	}{
		{"bare", apiErr, []string{"The API answered HTTP 500 to GET /servers: Unknown server error"}},
		{"wrapped", fmt.Errorf("listing the servers to learn whether the order was placed failed: %w", apiErr),
			[]string{"listing the servers to learn whether the order was placed failed: The API answered HTTP 500 to GET /servers: Unknown server error"}},
		{"no message", &client.APIError{Method: "DELETE", Path: "/x", Status: 404}, []string{"HTTP 404 to DELETE /x: (no message)"}},
		{"not an API error", errors.New("the TOTP code has expired"), []string{"the TOTP code has expired"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			AddAPIError(&diags, "Summary", tc.err)
			if len(diags) != 1 || diags[0].Summary() != "Summary" {
				t.Fatalf("diags = %v", diags)
			}
			for _, w := range tc.want {
				if !strings.Contains(diags[0].Detail(), w) {
					t.Errorf("detail %q lacks %q", diags[0].Detail(), w)
				}
			}
		})
	}
}

func TestPositiveID(t *testing.T) {
	for in, want := range map[string]int64{"12": 12, "007": 7, "+1": 0, "-1": 0, "0": 0, "": 0, "1a": 0, " 1": 0, "99999999999999999999": 0} {
		got, ok := PositiveID(in)
		if ok != (want != 0) || got != want && ok {
			t.Errorf("PositiveID(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}
