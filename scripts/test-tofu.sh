#!/usr/bin/env bash
# test-tofu: the acceptance tests under OpenTofu (OPENTOFU, default
# $HOME/.cache/opentofu/tofu, which ../shared/tools/build-terraform builds
# from a snapshot of opentofu/opentofu). The harness sets what OpenTofu
# needs itself (internal/acctest: providers served under
# registry.opentofu.org), so this is `go test` with TF_ACC_TERRAFORM_PATH.
#
# By default a representative subset, a few minutes on 2 cores: every
# documentation example pasted alone (apply, re-plan, destroy; every import
# example as imports only), and the SSH key, account and BGP packages
# (create, update, import, drift, faults). TOFU_ALL=1 runs the whole suite
# (about as long as `make test`).
#
# Without the binary it prints one loud line and exits 0: the tests were not
# run, which is said, never a silent pass. TOFU_REQUIRED=1 makes that a
# failure instead.
set -euo pipefail
tofu=${OPENTOFU:-$HOME/.cache/opentofu/tofu}
if [[ ! -x "$tofu" ]]; then
  echo "!!!!!!!! NOT RUN: the OpenTofu leg needs OpenTofu at $tofu; build it with ../shared/tools/build-terraform on a fetch of opentofu/opentofu !!!!!!!!"
  [[ "${TOFU_REQUIRED:-0}" == 1 ]] && exit 1
  exit 0
fi
# (an empty CLI configuration: OpenTofu warns on stdout when none exists)
rc=$(mktemp "${TMPDIR:-/tmp}/tofurc.XXXXXX")
trap 'rm -f "$rc"' EXIT
TF_CLI_CONFIG_FILE="$rc" "$tofu" version | sed -n 1p
if [[ "${TOFU_ALL:-0}" == 1 ]]; then
  pkgs=(./...)
else
  pkgs=(./internal/provider ./internal/sshkey ./internal/account ./internal/bgp)
fi
TF_ACC_TERRAFORM_PATH="$tofu" ${GO:-go} test -count=1 -timeout "${TEST_TIMEOUT:-15m}" ${TESTARGS:-} "${pkgs[@]}"
