package client_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

// evidenceRow is one row of an evidence table.
type evidenceRow struct {
	file, what, evidence, defence, tests string
}

// readEvidenceTables returns the rows of every table, in the EVIDENCE*.md
// files below internal/client, whose header has the columns what, evidence,
// defence and test.
func readEvidenceTables(t *testing.T) (rows []evidenceRow, files []string) {
	t.Helper()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), "EVIDENCE") || !strings.HasSuffix(d.Name(), ".md") || p == "EVIDENCE.md" {
			return err
		}
		files = append(files, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var cols map[string]int
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "|") {
				cols = nil
				continue
			}
			cells := splitRow(line)
			if cols == nil {
				cols = map[string]int{}
				for i, c := range cells {
					cols[strings.ToLower(c)] = i
				}
				continue
			}
			if strings.Trim(strings.Join(cells, ""), "-: ") == "" {
				continue // the separator row
			}
			_, hasWhat := cols["what"]
			_, hasEvidence := cols["evidence"]
			if !hasWhat || !hasEvidence {
				continue
			}
			cell := func(name string) string {
				if i, ok := cols[name]; ok && i < len(cells) {
					return cells[i]
				}
				return ""
			}
			rows = append(rows, evidenceRow{file: p, what: cell("what"), evidence: cell("evidence"), defence: cell("defence"), tests: cell("test")})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows, files
}

// splitRow splits a markdown table row into trimmed cells; a \| inside a
// cell does not split it.
func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	line = strings.ReplaceAll(line, `\|`, "\x00")
	parts := strings.Split(line, "|")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(strings.ReplaceAll(p, "\x00", "|"))
	}
	return parts
}

var (
	testNameRe = regexp.MustCompile("`(Test[A-Za-z0-9_]+)(?:/[^`]*)?`")
	citedRe    = regexp.MustCompile(`\b(example|sample)s? ([A-Za-z0-9_./-]+\.(?:json|txt))`)
)

// testFuncs returns the names of every Test function in the repository.
func testFuncs(t *testing.T) map[string]bool {
	t.Helper()
	root := filepath.Join("..", "..")
	names := map[string]bool{}
	decl := regexp.MustCompile(`(?m)^func (Test[A-Za-z0-9_]+)\(`)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllStringSubmatch(string(b), -1) {
			names[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestEvidenceTables keeps the evidence tables honest: every row says where
// its fact comes from; every guess ("none") names its defence and a test
// that exists; every cited example or sample exists.
func TestEvidenceTables(t *testing.T) {
	rows, files := readEvidenceTables(t)
	if len(files) < 4 {
		t.Fatalf("want the four area files of EVIDENCE.md, found %v", files)
	}
	if len(rows) < 40 {
		t.Fatalf("only %d evidence rows in %v: the tables are not being read", len(rows), files)
	}
	funcs := testFuncs(t)
	api := apidocs.Dir(t)
	counts := map[string]int{}
	perFile := map[string]map[string]int{}
	for _, r := range rows {
		where := r.file + ": " + r.what
		ev := strings.ToLower(r.evidence)
		switch {
		case r.what == "":
			t.Errorf("%s: a row without a 'what'", r.file)
		case ev == "":
			t.Errorf("%s: no evidence (write none and a defence if there is none)", where)
		}
		kind := strings.Trim(strings.Fields(ev + " ?")[0], "`*:,")
		counts[kind]++
		if perFile[r.file] == nil {
			perFile[r.file] = map[string]int{}
		}
		perFile[r.file][kind]++
		if strings.HasPrefix(ev, "none") {
			if strings.TrimSpace(r.defence) == "" {
				t.Errorf("%s: evidence none but no defence", where)
			}
			if !testNameRe.MatchString(r.tests) {
				t.Errorf("%s: evidence none but no test named (as `TestName`)", where)
			}
		}
		for _, m := range testNameRe.FindAllStringSubmatch(r.tests+" "+r.defence, -1) {
			if !funcs[m[1]] {
				t.Errorf("%s: names %s, which is not a test in the repository", where, m[1])
			}
		}
		for _, m := range citedRe.FindAllStringSubmatch(r.evidence, -1) {
			dir := "examples"
			if m[1] == "sample" {
				dir = "samples"
			}
			if _, err := os.Stat(filepath.Join(api, dir, filepath.FromSlash(m[2]))); err != nil {
				t.Errorf("%s: cites %s %s, which is not in shared/api/%s", where, m[1], m[2], dir)
			}
		}
	}
	t.Logf("%d rows in %d files; by evidence: %v", len(rows), len(files), counts)
	for f, c := range perFile {
		t.Logf("  %s: %v", f, c)
	}
}
