package provider

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNoMessageRecommendsTerraformRefresh: `terraform refresh` is
// deprecated; messages, docs and examples say `terraform apply
// -refresh-only`. Test files may quote the old command.
func TestNoMessageRecommendsTerraformRefresh(t *testing.T) {
	old := regexp.MustCompile(`terraform\s+refresh\b`)
	var found []string
	for _, dir := range []string{"../../internal", "../../docs", "../../examples", "../../templates", "../../README.md", "../../main.go"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") {
				return err
			}
			switch filepath.Ext(path) {
			case ".go", ".md", ".tf", ".sh", ".tmpl":
			default:
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				if old.MatchString(line) {
					found = append(found, fmt.Sprintf("%s:%d: %s", path, i+1, strings.TrimSpace(line)))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range found {
		t.Errorf("recommends `terraform refresh` (say `terraform apply -refresh-only`): %s", f)
	}
}
