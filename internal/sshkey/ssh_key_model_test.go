package sshkey

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gigaform/terraform-provider-giga/internal/acctest/parity"
	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
)

// Fingerprints as `ssh-keygen -lf` printed them for keys it generated.
var fingerprintVectors = []struct{ key, fingerprint string }{
	{"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIvoO3I3oHAnGAwkVyYETvoSQKpNwcRX42cSjTlbOMST ci@giga", "SHA256:ix9/rpSx5bIvUiHBbJSvYZ0hOC/bkppICLw74OTgKXs"},
	{"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBWyzSN1R7rHHw5+1wJh1RS9b4QlvEr7hgSYQdD8zKs laptop@giga", "SHA256:kY4hNBefhT8192HW1xWIbkVl4c9yJHFR6II8JjlaRY0"},
	{"ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBK+9Jy51peRVYIHV/Qd+BCeY+IhghQA/vSZq2cbdBxQhfKuSieHI7l1Wd24URjVL/BSr4cBBiLs5M1Kry8ei3l4= ecdsa@giga", "SHA256:GimElh5PfjRfS/O8NHa/Ok7MmbGwRCjFkeUnMrLwzwk"},
	{"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCwodUGz/G0GmW5UszXx50BiCnu1G0EfSNJjwI5H5pfvieRfOvSfoEgQpE8Ohqmc0ah7aQCwH5vgfrVis3VluwtovzKRToae7WAzoMirirezfvpOn//9GcsR906vzwXsQqMuQfxs97dGnhdxoGhbjqrUM10WOVIaAHNHE7FbCuTOxSs0xcV5CT82rLVYhQCxs3XBvMcm8CYlUJ9JK7FECIKj2ZrM6ViV08JqZolJAmbdWsp7sKxGuA5Lmqymt8zrDNpHJUAse9ED8dF84EjemQi66JGpWHy6m5hwMGHaRKJcXDqqgLWvVYFpB5rnBm9gKzaBM3mHUOVLJaeSSs5jwwP rsa@giga", "SHA256:vBg9aLBK9FHNCQJaMgHcoMv4x/ytyZN4FEyKgEMEt/E"},
	// No comment, surrounded by the white space of a file.
	{"\n ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKiHpeJ3BEqP3GCQP3wtZPrJMSICIFzNCmXrDVoqWt1z\n", "SHA256:4uYPCi9BPlM3FNwQOnNqcGQOTaGdfcxbMqhsBWrNIN8"},
}

func TestFingerprint(t *testing.T) {
	t.Parallel()
	for _, v := range fingerprintVectors {
		k, err := parsePublicKey(v.key)
		if err != nil {
			t.Errorf("parsePublicKey(%.30q): %v", v.key, err)
			continue
		}
		if got := k.Fingerprint(); got != v.fingerprint {
			t.Errorf("fingerprint of %.30q = %s, want %s", v.key, got, v.fingerprint)
		}
		if got := fingerprintOf(v.key); got != v.fingerprint {
			t.Errorf("fingerprintOf = %s", got)
		}
	}
	if k, _ := parsePublicKey(fingerprintVectors[0].key); k.Type != "ssh-ed25519" || k.Comment != "ci@giga" {
		t.Errorf("parsed %+v", k)
	}
}

func TestParsePublicKeyRefuses(t *testing.T) {
	t.Parallel()
	body := strings.Fields(fingerprintVectors[0].key)[1]
	for in, want := range map[string]string{
		"":                                    "is empty",
		"   \n":                               "is empty",
		"ssh-ed25519":                         "must be an OpenSSH public key line",
		"ssh-dss " + body:                     `key type "ssh-dss"`,
		"ssh-ed25519 ***":                     "not valid base64",
		"ssh-ed25519 AAAA":                    "too short",
		"ssh-rsa " + body:                     "not a ssh-rsa key",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5":    "not a ssh-ed25519 key",
		"ssh-ed25519 " + body + "\nssh-rsa x": "several lines",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----": "is a private key",
		"---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----":                         "RFC 4716",
	} {
		_, err := parsePublicKey(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parsePublicKey(%.40q) = %v, want an error with %q", in, err, want)
		}
		if err != nil && len(in) > 12 && strings.Contains(err.Error(), in[12:]) {
			t.Errorf("the error quotes the input: %v", err)
		}
		if fingerprintOf(in) != "" {
			t.Errorf("fingerprintOf(%.40q) is not empty", in)
		}
	}
}

func TestNormalizePublicKey(t *testing.T) {
	t.Parallel()
	key := fingerprintVectors[0].key
	spaced := "  " + strings.ReplaceAll(key, " ", " \t ") + "\r\n"
	if got := normalizePublicKey(spaced); got != key {
		t.Errorf("normalizePublicKey = %q", got)
	}
	if !samePublicKey(key, spaced) || samePublicKey(key, strings.TrimSuffix(key, "ci@giga")+"other@giga") {
		t.Error("samePublicKey")
	}
}

func TestKeyModelFromAPI(t *testing.T) {
	t.Parallel()
	key := fingerprintVectors[0].key
	api := gigahost.SSHKey{ID: "17", Name: "ci", Added: 1700000000, Data: client.String(key)}

	// Imported: everything from the API.
	var m keyModel
	m.fromAPI(api)
	want := keyModel{
		ID: types.StringValue("17"), KeyID: types.Int64Value(17), Name: types.StringValue("ci"),
		PublicKey: types.StringValue(key), Fingerprint: types.StringValue(fingerprintVectors[0].fingerprint),
		CreatedAt: types.Int64Value(1700000000),
	}
	if m != want {
		t.Errorf("fromAPI = %+v, want %+v", m, want)
	}

	// The configured form is kept when it differs in white space only...
	m.PublicKey = types.StringValue(key + "\n")
	m.fromAPI(api)
	if m.PublicKey.ValueString() != key+"\n" {
		t.Errorf("configured form not kept: %q", m.PublicKey.ValueString())
	}
	// ...and not when the API holds another key (drift).
	other := fingerprintVectors[1].key
	api.Data = client.String(other)
	m.fromAPI(api)
	if m.PublicKey.ValueString() != other || m.Fingerprint.ValueString() != fingerprintVectors[1].fingerprint {
		t.Errorf("drift not shown: %+v", m)
	}

	// A key the API holds in a form that does not parse: no fingerprint.
	api.Data = "ssh-ed25519 AAAA... user@host"
	m.fromAPI(api)
	if !m.Fingerprint.IsNull() {
		t.Errorf("fingerprint of an unparsable key = %v", m.Fingerprint)
	}
	api.ID = "k-1"
	m.fromAPI(api)
	if !m.KeyID.IsNull() || m.ID.ValueString() != "k-1" {
		t.Errorf("non-numeric id: %+v", m)
	}
}

func TestKeyModelToAPI(t *testing.T) {
	t.Parallel()
	m := keyModel{Name: types.StringValue("ci"), PublicKey: types.StringValue("  " + fingerprintVectors[0].key + "\n")}
	if in := m.toAPI(); in.Name != "ci" || in.Data != fingerprintVectors[0].key {
		t.Errorf("toAPI = %+v", in)
	}
}

func TestSortedByID(t *testing.T) {
	t.Parallel()
	keys := []gigahost.SSHKey{{ID: "20"}, {ID: "b"}, {ID: "3"}, {ID: "a"}, {ID: "100"}}
	var got []string
	for _, k := range sortedByID(keys) {
		got = append(got, string(k.ID))
	}
	if strings.Join(got, ",") != "3,20,100,a,b" || keys[0].ID != "20" {
		t.Errorf("sortedByID = %v (input changed: %v)", got, keys[0].ID != "20")
	}
}

func TestParity(t *testing.T) {
	t.Parallel()
	parity.AssertResource(t, NewKeyResource(), keyModel{})
	parity.AssertListItems(t, NewKeysDataSource(), "keys", keyModel{})
}
