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
