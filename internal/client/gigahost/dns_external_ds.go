package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gigaform/terraform-provider-giga/internal/client"
)

// External DS records: the DS records of a zone signed on external name
// servers, which Gigahost stores and submits to Norid (docs § GET and POST
// /dns/zones/{zone_id}/ds-records/external). The POST replaces the whole
// set, so sending it again after a lost answer is harmless.

func externalDSPath(zoneID string) string { return dsPath(zoneID) + "/external" }

// Key identifies a DS record: its numbers and its digest in upper case
// (hexadecimal is compared case-insensitively).
func (r DSRecord) Key() string {
	return DSKey(int64(r.KeyTag), int64(r.Algorithm), int64(r.DigestType), string(r.Digest))
}

// DSKey is DSRecord.Key of a record given by its fields.
func DSKey(keyTag, alg, digestType int64, digest string) string {
	return strconv.FormatInt(keyTag, 10) + " " + strconv.FormatInt(alg, 10) + " " + strconv.FormatInt(digestType, 10) + " " + strings.ToUpper(digest)
}

// ExternalDSRecords lists the DS records stored for a zone on external name
// servers: data {"ds_records": [...]} (the docs' example). Data empty, or a
// null or empty list, is no records (the docs show no empty answer); any
// other shape is an error naming it.
func (c *Client) ExternalDSRecords(ctx context.Context, zoneID string) ([]DSRecord, error) {
	path := externalDSPath(zoneID)
	resp, err := c.sendRaw(ctx, false, client.Request{Method: http.MethodGet, Path: path})
	if err != nil {
		return nil, err
	}
	var env envelope
	if err := json.Unmarshal(resp.Body, &env); err != nil {
		return nil, fmt.Errorf("GET %s: decoding response: %w", path, err)
	}
	switch strings.TrimSpace(string(env.Data)) {
	case "", "null", "[]":
		return nil, nil
	}
	var data struct {
		DS *[]json.RawMessage `json:"ds_records"`
	}
	if err := json.Unmarshal(env.Data, &data); err != nil || data.DS == nil {
		return nil, fmt.Errorf("GET %s: the answer's data is %s where {\"ds_records\": [...]} was expected", path, clip(env.Data))
	}
	ds, err := decodeDSItems(*data.DS)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	return ds, nil
}

// SetExternalDSRecords replaces the zone's external DS records with in (an
// empty in asks for none) and reads them back: the list must then hold
// exactly in, else the error names both. An API that refuses an empty set
// answers with its own error, returned as it is.
func (c *Client) SetExternalDSRecords(ctx context.Context, zoneID string, in []DSRecordInput) ([]DSRecord, error) {
	body := map[string][]DSRecordInput{"ds_records": append([]DSRecordInput{}, in...)}
	if err := c.do(ctx, http.MethodPost, externalDSPath(zoneID), nil, body, nil); err != nil {
		return nil, err
	}
	listed, err := c.ExternalDSRecords(ctx, zoneID)
	if err != nil {
		return nil, fmt.Errorf("zone %s: the API answered the DS records' submission, but listing them to confirm it failed: %w", zoneID, err)
	}
	want := make([]string, 0, len(in))
	for _, r := range in {
		want = append(want, DSKey(r.KeyTag, r.Algorithm, r.DigestType, r.Digest))
	}
	if got := dsKeys(listed); !slices.Equal(got, sortedUnique(want)) {
		return nil, fmt.Errorf("zone %s: after the API answered the DS records' submission with success, it lists [%s], not the [%s] submitted",
			zoneID, strings.Join(got, ", "), strings.Join(sortedUnique(want), ", "))
	}
	return listed, nil
}

func dsKeys(ds []DSRecord) []string {
	keys := make([]string, 0, len(ds))
	for _, r := range ds {
		keys = append(keys, r.Key())
	}
	return sortedUnique(keys)
}

func sortedUnique(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}
