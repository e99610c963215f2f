#!/usr/bin/env bash
# Runs the whole test suite again under the mock's other plausible forms
# (the points where the APIs' docs, samples and field notes are silent; see
# internal/client/EVIDENCE.md). Round k switches every point that has more
# than k forms to its form k, so that max(forms)-1 rounds together cover
# every non-default form once. The per-resource tests that matter already
# run under every form of their points (acctest.EachForm) in `make test`;
# this is the broader net: every other test, under every form.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# giga-mock -list-alts prints "name: form0 | form1 | ..." then a reason line.
# Forms marked "(refused)" or "(unread)" are ones the client refuses with a
# clear error, or does not read and keeps the prior value, by design; the
# point's own EachForm test proves that defence, and every other test would
# fail on them as intended (an import shows null), so the rounds leave them out.
mapfile -t lines < <(go run ./cmd/giga-mock -list-alts | grep -E '^[^ ].*: ' |
  sed -E 's/ \| [^|]* \((refused|unread)\)//g')
max=0
for l in "${lines[@]}"; do
  IFS='|' read -r -a forms <<<"${l#*: }"
  (( ${#forms[@]} > max )) && max=${#forms[@]}
done
if (( max < 2 )); then
  echo "test-alts: the mock has no alternatives"; exit 0
fi
rc=0
for (( k = 1; k < max; k++ )); do
  alts=()
  for l in "${lines[@]}"; do
    name=${l%%: *}
    IFS='|' read -r -a forms <<<"${l#*: }"
    (( k < ${#forms[@]} )) && alts+=("$name=$(echo "${forms[$k]}" | xargs)")
  done
  spec=$(IFS=,; echo "${alts[*]}")
  echo "=== test-alts round $k: GIGA_MOCK_ALTS=$spec"
  GIGA_MOCK_ALTS="$spec" go test -count=1 -timeout 15m ${TESTARGS:-} ./... || rc=1
done
exit $rc
