#!/usr/bin/env bash
# Runs the script tests (tests/scripts/*.bats) against stub aws, sam and mvn: no AWS account needed. Uses the bats
# pinned by tools/checks/package-lock.json when installed, else bats from PATH; skipped, with one line, without
# either (tests/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

bats=""
check_tool bats bats "script tests (tests/run-bats.sh)" "npm ci --prefix tools/checks (the pinned bats)" \
  node_modules/bats/bin/bats
"$bats" tests/scripts
