#!/usr/bin/env bash
# make demo: build the provider, start the mock API, and run examples/demo
# through apply, a no-change plan and destroy. Needs only Go and Terraform;
# nothing is downloaded and nothing outside a temporary folder is written
# (the user's ~/.terraformrc is never read or touched).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# DEMO_CONFIG: a configuration folder, or a single .tf file, to run instead
# of examples/demo (CI also runs the provider page's examples this way).
config="${DEMO_CONFIG:-$repo/examples/demo}"
tf="${TERRAFORM:-terraform}"

work="$(mktemp -d "${TMPDIR:-/tmp}/giga-demo.XXXXXX")"
mock_pid=""
cleanup() {
  local rc=$?
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 && -s "$work/mock.log" ]]; then
    echo "--- mock log ---" >&2
    tail -n 40 "$work/mock.log" >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -t 1 ]]; then
  step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
  step() { printf '\n==> %s\n' "$*"; }
fi

step "Building the provider and the mock API (configuration: ${config#"$repo"/})"
go -C "$repo" build -o "$work/bin/terraform-provider-giga" .
go -C "$repo" build -o "$work/giga-mock" ./cmd/giga-mock

step "Starting the mock API (provisioning delay ${DEMO_PROVISIONING_DELAY:-3s})"
"$work/giga-mock" -listen 127.0.0.1:0 -env-file "$work/mock.env" \
  -provisioning-delay "${DEMO_PROVISIONING_DELAY:-3s}" >"$work/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 1 100); do
  [[ -s "$work/mock.env" ]] && break
  kill -0 "$mock_pid" 2>/dev/null || { echo "the mock API did not start" >&2; exit 1; }
  sleep 0.1
done
[[ -s "$work/mock.env" ]] || { echo "the mock API did not report its address" >&2; exit 1; }
set -a
# shellcheck disable=SC1091
source "$work/mock.env"
set +a
echo "Gigas endpoint: $GIGAS_ENDPOINT"

# dev_overrides makes Terraform use the binary just built for gigaform/giga
# without `terraform init`, which would otherwise ask the registry.
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "gigaform/giga" = "$work/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_INPUT=0
export CHECKPOINT_DISABLE=1
[[ -t 1 ]] || export TF_CLI_ARGS="-no-color"

# Run a copy of the configuration so that its state and .terraform stay in
# the temporary folder and the repository stays clean.
mkdir -p "$work/config"
if [[ -d "$config" ]]; then
  cp "$config"/*.tf "$work/config/"
else
  cp "$config" "$work/config/"
fi
tfc() { "$tf" -chdir="$work/config" "$@"; }

step "$(basename "$tf") apply"
start=$SECONDS
tfc apply -auto-approve
echo "(apply took $((SECONDS - start)) s)"

step "$(basename "$tf") output"
tfc output

step "$(basename "$tf") plan -detailed-exitcode (expecting no changes)"
set +e
tfc plan -detailed-exitcode
plan_rc=$?
set -e
case $plan_rc in
  0) echo "No changes: what Terraform applied is what the API reports." ;;
  2) echo "FAIL: the plan after apply is not empty (perpetual diff)" >&2; exit 1 ;;
  *) echo "FAIL: terraform plan failed" >&2; exit 1 ;;
esac

step "$(basename "$tf") destroy"
tfc destroy -auto-approve

step "Demo finished"
