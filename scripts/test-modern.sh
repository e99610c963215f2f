#!/usr/bin/env bash
# test-modern: the tests that need a newer Terraform than the one on PATH
# (resource identity: 1.12; list resources, `terraform query` and actions:
# 1.14), named TestAccModern*, and the documentation examples (identity
# imports and actions among them), run with the binary that
# ../shared/tools/build-terraform builds (TERRAFORM_NEXT, default
# $HOME/.cache/terraform-next/terraform). Under Terraform 1.11 those tests
# skip themselves (tfversion.SkipBelow); here they run.
#
# Without that binary it prints one loud line and exits 0: the tests were
# not run, which is said, never a silent pass. MODERN_REQUIRED=1 makes that
# a failure instead.
set -euo pipefail
next=${TERRAFORM_NEXT:-$HOME/.cache/terraform-next/terraform}
if [[ ! -x "$next" ]]; then
  echo "!!!!!!!! NOT RUN: the TestAccModern* tests (identity, terraform query, actions) need Terraform >= 1.14 at $next; build it with ../shared/tools/build-terraform !!!!!!!!"
  [[ "${MODERN_REQUIRED:-0}" == 1 ]] && exit 1
  exit 0
fi
"$next" version | sed -n 1p
TF_ACC_TERRAFORM_PATH="$next" ${GO:-go} test -count=1 -timeout "${TEST_TIMEOUT:-15m}" -run '^(TestAccModern|TestAccExampleFolders$)' ${TESTARGS:-} ./...
