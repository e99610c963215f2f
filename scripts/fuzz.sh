#!/usr/bin/env bash
# make fuzz: every fuzz target (func FuzzX(f *testing.F)) in the module, one
# at a time, each for FUZZTIME (default 10s). The targets are found with the
# test binary's -test.list '^Fuzz', so a new one is fuzzed without editing
# anything. A failing input is written to the package's testdata/fuzz/FuzzX/
# as go test writes it: fix the bug and commit the file, it becomes a
# regression seed that every `go test` runs. FUZZ_DIRS narrows the folders
# searched (default .).
#
# Each package's test binary is built once, instrumented for fuzzing, and
# runs each of its targets in turn, as `go test -fuzz` would, in the
# package's folder: building and linking it for every target took most of
# a short pass's time. FUZZ_INSTRUMENT=all (the default) instruments every
# package but a few of the standard library's, as `go test -fuzz` does;
# FUZZ_INSTRUMENT=module only this module's packages, so that the rest comes
# from the build cache of an ordinary `go test` (CI's short pass: the
# coverage that guides the fuzzer is then the provider's code alone).
#
# A run that fails with nothing but "context deadline exceeded", writing no
# input, is Go's own race at the end of -fuzztime (golang/go#75804, fixed in
# Go 1.27), which a loaded machine makes likely: it is counted and reported
# apart, not as a failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
go="${GO:-go}"
fuzztime="${FUZZTIME:-10s}"
dirs="${FUZZ_DIRS:-.}"
case "${FUZZ_INSTRUMENT:-all}" in
all) build=(-fuzz=.) ;;
module) build=("-gcflags=$("$go" list -m)/...=-d=libfuzzer") ;;
*) echo "FUZZ_INSTRUMENT must be all or module" >&2; exit 2 ;;
esac
cache="$("$go" env GOCACHE)/fuzz" # where go test keeps what fuzzing found interesting
bins="$(mktemp -d "${TMPDIR:-/tmp}/giga-fuzz.XXXXXX")"
trap 'rm -rf "$bins"' EXIT

failed=0 flaked=0 count=0 start=$SECONDS
while read -r pkg; do
  bin="$bins/$(echo "$pkg" | tr / _).test"
  if ! "$go" test -c "${build[@]}" -o "$bin" "$pkg" >"$bins/build.log" 2>&1; then
    cat "$bins/build.log"
    failed=$((failed + 1))
    continue
  fi
  importpath="$("$go" list "$pkg")"
  mapfile -t targets < <((cd "$pkg" && "$bin" -test.list '^Fuzz') | grep -E '^Fuzz' || true)
  for t in "${targets[@]}"; do
    count=$((count + 1))
    printf '%-28s %s (%s)\n' "$t" "$pkg" "$fuzztime"
    if ! (cd "$pkg" && "$bin" -test.run='^$' -test.fuzz="^${t}\$" -test.fuzztime="$fuzztime" \
      -test.fuzzcachedir="$cache/$importpath" -test.paniconexit0 -test.timeout=10m) >"$bins/run.log" 2>&1; then
      if grep -q -x -E '\s*context deadline exceeded' "$bins/run.log" &&
        ! grep -q -E 'Failing input written|failure while testing seed corpus' "$bins/run.log"; then
        echo "  stopped by Go's fuzztime race (golang/go#75804), no failing input: not a failure"
        flaked=$((flaked + 1))
        continue
      fi
      grep -v -E '^fuzz: elapsed' "$bins/run.log" | tail -n 20
      failed=$((failed + 1))
    fi
  done
done < <(grep -rl --include='*_test.go' -E '^func Fuzz' $dirs | xargs -r -n1 dirname | sort -u | sed 's|^\([^./]\)|./\1|')
echo "fuzz: $count targets, $failed failed, $flaked stopped by Go's fuzztime race, $((SECONDS - start))s"
exit $((failed > 0 ? 1 : 0))
