package sshkey

import (
	"strings"
	"testing"
)

// FuzzParsePublicKey: normalising a key line is idempotent and changes
// neither whether it parses nor its fingerprint; an error never quotes the
// input (which may be a private key pasted by mistake).
func FuzzParsePublicKey(f *testing.F) {
	for _, s := range []string{
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host",
		"ssh-ed25519  AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n",
		"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x", "ssh-ed25519 AAAA", "ssh-ed25519 !!!", "-----BEGIN OPENSSH PRIVATE KEY-----",
		"---- BEGIN SSH2 PUBLIC KEY ----", "a\nb", "", "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := normalizePublicKey(s)
		if normalizePublicKey(n) != n {
			t.Fatalf("%q: normalised twice differs", s)
		}
		k, err := parsePublicKey(s)
		if err != nil {
			if len(s) >= 12 && strings.Contains(err.Error(), strings.TrimSpace(s)) {
				t.Fatalf("the error quotes the input: %v", err)
			}
			if !strings.Contains(s, "\n") && !strings.Contains(s, "\r") {
				if _, err2 := parsePublicKey(n); err2 == nil {
					t.Fatalf("%q refused, its normal form accepted", s)
				}
			}
			return
		}
		k2, err := parsePublicKey(n)
		if err != nil || k2.Fingerprint() != k.Fingerprint() || !samePublicKey(s, n) {
			t.Fatalf("%q: its normal form %q reads differently (%v)", s, n, err)
		}
	})
}
