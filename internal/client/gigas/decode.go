package gigas

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// The docs show the account, location and template lists as bare arrays and
// the VM create answer as a bare object; the VM list, a single VM's read and
// the disk list are not shown. These decoders accept the plausible forms
// (bare, or wrapped under the resource's name or "data") and fail loudly on
// anything else: an unknown shape is never read as "no items".

// getList reads a list at path; see decodeList.
func getList[T any](ctx context.Context, c *Client, path, itemKey string, listKeys ...string) ([]T, error) {
	body, err := c.send(ctx, requestGet(path))
	if err != nil {
		return nil, err
	}
	out, err := decodeList[T](body, itemKey, listKeys...)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	return out, nil
}

// decodeList reads a JSON list: a bare array, or an object holding the array
// under one of listKeys or "data"; each item bare or alone under itemKey
// ({"disk": {...}}).
func decodeList[T any](body []byte, itemKey string, listKeys ...string) ([]T, error) {
	body = bytes.TrimSpace(body)
	var raw []json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		var obj map[string]json.RawMessage
		if json.Unmarshal(body, &obj) != nil {
			return nil, fmt.Errorf("the answer is neither a list nor an object: %s", snippet(body))
		}
		found := false
		for _, k := range append(listKeys, "data") {
			if v, ok := obj[k]; ok && json.Unmarshal(v, &raw) == nil && raw != nil {
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("the answer is an object with no list under %s (keys: %s)",
				strings.Join(append(listKeys, "data"), " or "), keysOf(obj))
		}
	}
	out := make([]T, 0, len(raw))
	for i, item := range raw {
		item = unwrapItem(item, itemKey)
		var v T
		if err := json.Unmarshal(item, &v); err != nil {
			return nil, fmt.Errorf("item %d of the list: %w", i, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// decodeObject reads one object: bare (it has an "id"), or alone under
// wrapKey or "data".
func decodeObject[T any](body []byte, wrapKey string) (*T, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return nil, fmt.Errorf("the answer is not an object: %s", snippet(body))
	}
	if _, bare := obj["id"]; !bare {
		inner := unwrapItem(body, wrapKey)
		if bytes.Equal(inner, body) {
			inner = unwrapItem(body, "data")
		}
		if bytes.Equal(inner, body) {
			return nil, fmt.Errorf("the answer has no id and no object under %q (keys: %s)", wrapKey, keysOf(obj))
		}
		body = inner
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// unwrapItem returns the object under key when item is an object with key
// as its only member, else item itself.
func unwrapItem(item json.RawMessage, key string) json.RawMessage {
	var obj map[string]json.RawMessage
	if json.Unmarshal(item, &obj) != nil || len(obj) != 1 {
		return item
	}
	inner, ok := obj[key]
	if !ok || len(bytes.TrimSpace(inner)) == 0 || bytes.TrimSpace(inner)[0] != '{' {
		return item
	}
	return inner
}

func keysOf(obj map[string]json.RawMessage) string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

func snippet(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}

func requestGet(path string) client.Request {
	return client.Request{Method: http.MethodGet, Path: path}
}
