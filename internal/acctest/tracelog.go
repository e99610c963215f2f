package acctest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TraceLog turns on TF_LOG=TRACE for the rest of the test, written to files
// of its own, and returns a function that reads back every line Terraform,
// the test harness and the provider logged, except the harness's echo of the
// test's configuration ("  | ..." lines), which holds the test's secrets by
// design. It changes the process environment: not for parallel tests. Set
// KEEP_LOG_DIR to keep the files for reading.
func TraceLog(t *testing.T) func() string {
	t.Helper()
	dir := os.Getenv("KEEP_LOG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(dir, "%s.log"))
	return func() string {
		logs := os.DirFS(dir)
		files, _ := fs.Glob(logs, "*.log")
		var log strings.Builder
		for _, f := range files {
			b, err := fs.ReadFile(logs, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				if !strings.HasPrefix(line, "  |") {
					log.WriteString(line + "\n")
				}
			}
		}
		return log.String()
	}
}

// AssertLogged fails the test unless the log holds each of want (proof that
// the provider's lines were captured at all).
func AssertLogged(t *testing.T, log string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(log, w) {
			t.Fatalf("the log has no %q: the provider's trace lines were not captured (%d bytes)", w, len(log))
		}
	}
}

// AssertNoSecrets fails the test for every secret (named by its key) found
// in the log, quoting the line with the secret replaced by its name.
func AssertNoSecrets(t *testing.T, log string, secrets map[string]string) {
	t.Helper()
	for what, s := range secrets {
		if s == "" {
			t.Fatalf("the %s to look for is empty", what)
		}
		i := strings.Index(log, s)
		if i < 0 {
			continue
		}
		line := log[strings.LastIndex(log[:i], "\n")+1:]
		if j := strings.Index(line, "\n"); j > 0 {
			line = line[:j]
		}
		t.Errorf("the %s is in the TRACE log, for instance in: %.300s", what, strings.ReplaceAll(line, s, "<"+what+">"))
	}
}
