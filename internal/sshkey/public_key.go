package sshkey

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gigaform/terraform-provider-giga/internal/tfutil"
)

// keyTypes are the public-key algorithms Gigahost accepts, as OpenSSH names
// them on the first field of a public key line.
var keyTypes = map[string]bool{
	"ssh-ed25519":                        true,
	"ssh-rsa":                            true,
	"ecdsa-sha2-nistp256":                true,
	"ecdsa-sha2-nistp384":                true,
	"ecdsa-sha2-nistp521":                true,
	"sk-ssh-ed25519@openssh.com":         true,
	"sk-ecdsa-sha2-nistp256@openssh.com": true,
}

func keyTypeList() string {
	names := make([]string, 0, len(keyTypes))
	for n := range keyTypes {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// publicKey is a parsed OpenSSH public key line: "<type> <base64> [comment]".
type publicKey struct {
	Type    string
	Blob    []byte // the decoded key, whose first SSH string repeats Type
	Comment string
}

// parsePublicKey reads one OpenSSH public key line, surrounding white space
// (a trailing newline of file()) aside. Its errors never quote the input,
// which may be a private key pasted by mistake.
func parsePublicKey(s string) (publicKey, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return publicKey{}, errors.New("is empty")
	case strings.Contains(s, "PRIVATE KEY"):
		return publicKey{}, errors.New("is a private key: give the public key (the .pub file, as `ssh-keygen -y -f <key>` prints it); never put a private key in a configuration")
	case strings.HasPrefix(s, "---- BEGIN SSH2 PUBLIC KEY"):
		return publicKey{}, errors.New("is in RFC 4716 (SSH2) format: convert it to OpenSSH format with `ssh-keygen -i -f <file>`")
	case strings.Contains(s, "\n"):
		return publicKey{}, errors.New("holds several lines: give exactly one public key")
	}
	fields := strings.Fields(s)
	if len(fields) < 2 {
		return publicKey{}, errors.New("must be an OpenSSH public key line: `<type> <base64 key> [comment]`")
	}
	if !keyTypes[fields[0]] {
		return publicKey{}, fmt.Errorf("has the key type %q, which is not one of %s", fields[0], keyTypeList())
	}
	blob, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil {
		return publicKey{}, errors.New("has a key body that is not valid base64")
	}
	if len(blob) < 4 {
		return publicKey{}, errors.New("has a key body that is too short")
	}
	rest := blob[4:]
	n := binary.BigEndian.Uint32(blob)
	if int64(n) != int64(len(fields[0])) || len(rest) <= len(fields[0]) || !bytes.Equal(rest[:len(fields[0])], []byte(fields[0])) {
		return publicKey{}, fmt.Errorf("has a key body that is not a %s key (truncated, or the type at the start of the line is wrong)", fields[0])
	}
	return publicKey{Type: fields[0], Blob: blob, Comment: strings.Join(fields[2:], " ")}, nil
}

// Fingerprint is the key's SHA256 fingerprint as `ssh-keygen -lf` shows it.
func (k publicKey) Fingerprint() string {
	sum := sha256.Sum256(k.Blob)
	return "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:])
}

// normalizePublicKey is the key line with surrounding white space removed
// and inner runs of white space made one space: the form sent to the API and
// the one two keys are compared in.
func normalizePublicKey(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// samePublicKey reports whether two key lines differ at most in white space.
func samePublicKey(a, b string) bool {
	return normalizePublicKey(a) == normalizePublicKey(b)
}

// fingerprintOf is the fingerprint of a key line, or "" when it does not parse.
func fingerprintOf(s string) string {
	k, err := parsePublicKey(s)
	if err != nil {
		return ""
	}
	return k.Fingerprint()
}

// publicKeyValidator checks at plan time that a value is an OpenSSH public
// key of a type Gigahost accepts.
var publicKeyValidator = tfutil.StringValidator("must be one OpenSSH public key line, `<type> <base64 key> [comment]`, of type "+keyTypeList(),
	func(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
		if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
			return
		}
		if _, err := parsePublicKey(req.ConfigValue.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid SSH public key",
				fmt.Sprintf("%s %s.", req.Path, err))
		}
	})
