package acctest

import (
	"regexp"
	"strings"
)

// ErrorText matches an error that contains each part in order. Terraform
// wraps long diagnostics across lines, so spaces in a part match any run of
// white space; everything else is matched literally.
func ErrorText(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		quoted[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}
