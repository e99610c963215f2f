package client

import (
	"errors"
	"fmt"
	"net/http"
)

// APIError is an answer from an API with a status outside 2xx.
type APIError struct {
	Method  string
	Path    string
	Status  int
	Message string
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	return fmt.Sprintf("%s %s: HTTP %d: %s", e.Method, e.Path, e.Status, msg)
}

// IsStatus reports whether err is an APIError with one of the given statuses.
func IsStatus(err error, statuses ...int) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, s := range statuses {
		if apiErr.Status == s {
			return true
		}
	}
	return false
}

// IsNotFound reports whether err is an API 404.
func IsNotFound(err error) bool { return IsStatus(err, http.StatusNotFound) }

// RefusedError is a 401 or 403 with what it means for this provider: which
// credential was sent to which endpoint, and what to check. The API's own
// answer stays inside (errors.As finds the *APIError, IsStatus works), and
// the explanation follows it in the message.
type RefusedError struct {
	Err  error
	Hint string
}

func (e *RefusedError) Error() string { return e.Err.Error() + "\n\n" + e.Hint }

func (e *RefusedError) Unwrap() error { return e.Err }

// Refused wraps err with hint when err is an API 401 or 403 and hint is not
// empty; any other error is returned as it is.
func Refused(err error, hint string) error {
	if hint == "" || !IsStatus(err, http.StatusUnauthorized, http.StatusForbidden) {
		return err
	}
	return &RefusedError{Err: err, Hint: hint}
}
