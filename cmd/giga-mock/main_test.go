package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func TestCheckLoopback(t *testing.T) {
	t.Parallel()
	for addr, ok := range map[string]bool{
		"127.0.0.1:8089": true,
		"127.0.0.2:0":    true,
		"[::1]:8089":     true,
		"localhost:1":    true,
		"0.0.0.0:8089":   false,
		":8089":          false,
		"10.0.0.1:8089":  false,
		"example.com:80": false,
		"127.0.0.1":      false,
	} {
		if err := checkLoopback(addr); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%v", addr, err, ok)
		}
	}
}

func TestWriteEnvFile(t *testing.T) {
	t.Parallel()
	srv := mockapi.New(mockapi.DefaultOptions())
	srv.Start()
	defer srv.Close()
	name := filepath.Join(t.TempDir(), "mock.env")
	if err := writeEnvFile(name, srv); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"GIGAS_ENDPOINT=" + srv.GigasURL() + "\n",
		"GIGAS_API_KEY=" + mockapi.GigasAPIKey + "\n",
		"GIGAHOST_ENDPOINT=" + srv.GigahostURL() + "\n",
		"GIGAHOST_API_KEY=" + mockapi.GigahostAPIKey + "\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("env file lacks %q:\n%s", want, b)
		}
	}
}

func TestRunRefusesNonLoopback(t *testing.T) {
	t.Parallel()
	var out strings.Builder
	if err := run([]string{"-listen", "0.0.0.0:0"}, &out); err == nil {
		t.Fatal("run accepted a non-loopback address")
	}
}
