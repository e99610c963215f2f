package client

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

func TestAPIErrorMessage(t *testing.T) {
	t.Parallel()
	e := &APIError{Method: http.MethodPost, Path: "/dns/zones", Status: 400, Message: "Zone already exists."}
	if got, want := e.Error(), "POST /dns/zones: HTTP 400: Zone already exists."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e = &APIError{Method: http.MethodGet, Path: "/x", Status: 503}
	if got, want := e.Error(), "GET /x: HTTP 503: Service Unavailable"; got != want {
		t.Errorf("Error() without a message = %q, want %q", got, want)
	}
}

func TestIsStatusThroughWrapping(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("reading VM: %w", &APIError{Method: "GET", Path: "/vm/1", Status: 404})
	if !IsNotFound(err) || !IsStatus(err, 400, 404) || IsStatus(err, 400, 409) {
		t.Errorf("IsNotFound/IsStatus do not see a wrapped 404")
	}
	if IsNotFound(errors.New("404")) || IsNotFound(nil) {
		t.Errorf("IsNotFound is true for something that is not an APIError")
	}
}
