#!/usr/bin/env bash
# make fuzz: every fuzz target (func FuzzX(f *testing.F)) in the module, one
# at a time, each for FUZZTIME (default 10s). The targets are found with
# `go test -list '^Fuzz'`, so a new one is fuzzed without editing anything.
# A failing input is written to the package's testdata/fuzz/FuzzX/ by go
# test: fix the bug and commit the file, it becomes a regression seed that
# every `go test` runs. FUZZ_DIRS narrows the folders searched (default .).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
go="${GO:-go}"
fuzztime="${FUZZTIME:-10s}"
dirs="${FUZZ_DIRS:-.}"

failed=0 count=0 start=$SECONDS
# `go test -list` prints the matching names, then "ok <package> ...".
while read -r pkg; do
  mapfile -t targets < <("$go" test -list '^Fuzz' "$pkg" | grep -E '^Fuzz' || true)
  for t in "${targets[@]}"; do
    count=$((count + 1))
    printf '%-28s %s (%s)\n' "$t" "$pkg" "$fuzztime"
    if ! "$go" test -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/giga-fuzz.$$.log 2>&1; then
      grep -v -E '^fuzz: elapsed' /tmp/giga-fuzz.$$.log | tail -n 20
      failed=$((failed + 1))
    fi
  done
done < <(grep -rl --include='*_test.go' -E '^func Fuzz' $dirs | xargs -r -n1 dirname | sort -u | sed 's|^\([^./]\)|./\1|')
rm -f /tmp/giga-fuzz.$$.log
echo "fuzz: $count targets, $failed failed, $((SECONDS - start))s"
exit $((failed > 0 ? 1 : 0))
