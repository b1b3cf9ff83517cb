#!/usr/bin/env bash
# Runs the script tests (tests/scripts/*.bats) against stub aws, sam and mvn: no AWS account needed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v bats >/dev/null 2>&1; then
  echo "run-bats.sh: bats is not installed (apt-get install bats)." >&2
  exit 127
fi
bats tests/scripts
